import { z } from 'zod';
import { expecting } from './describe.js';
import { textField as text } from './text-field.js';

export const locales = ['zh-CN', 'en'] as const;
export const platforms = ['slack', 'feishu'] as const;
export const departmentKinds = ['business', 'support', 'general-management', 'committee'] as const;
export const roles = ['admin'] as const;

export const localeSchema = z.enum(locales, { error: expecting('a locale, "zh-CN" or "en"') });
export const platformSchema = z.enum(platforms, { error: expecting('a platform, "slack" or "feishu"') });

const departmentKindSchema = z.enum(departmentKinds, {
  error: expecting('a department kind: business, support, general-management or committee'),
});

// Ids end up in button ids, queue keys and commands, so they stay plain ASCII.
const departmentId = text(
  'a department id of lowercase letters, digits and "-", starting with a letter (like "customer-service")',
  /^[a-z][a-z0-9-]*$/,
);
const personId = text(
  'a person id of lowercase letters, digits, "." and "-", starting with a letter (like "wang.li")',
  /^[a-z][a-z0-9.-]*$/,
);
const departmentRef = text('the id of a department under departments');
const personRef = text('the id of a person under people');

export const departmentSchema = z.strictObject(
  {
    id: departmentId,
    name: z.strictObject(
      { 'zh-CN': text('the Chinese name'), en: text('the English name') },
      { error: expecting('a mapping with the name in each language (zh-CN:, en:)') },
    ),
    kind: departmentKindSchema,
    head: personRef.optional(),
    /** Where escalations go one level up. */
    parent: departmentRef.optional(),
    channels: z
      .strictObject(
        {
          slack: text('a Slack channel id like "C0123ABCD"', /^[CG][A-Z0-9]{6,}$/).optional(),
          feishu: text('a Feishu chat id like "oc_a0553eda9014c201e6969b478895c230"', /^oc_[0-9a-zA-Z]+$/).optional(),
        },
        { error: expecting('a mapping of channel ids per platform (slack:, feishu:)') },
      )
      .default({}),
  },
  { error: expecting('a mapping describing one department') },
);

const slackAccountSchema = z.strictObject(
  { userId: text('a Slack user id like "U0123ABCD"', /^[UW][A-Z0-9]{6,}$/) },
  { error: expecting('a mapping with the Slack userId') },
);

const feishuAccountSchema = z
  .strictObject(
    {
      openId: text('a Feishu open_id like "ou_7d8a6e6df7621556ce0d21922b676706"', /^ou_/).optional(),
      userId: text('a Feishu user_id').optional(),
      unionId: text('a Feishu union_id like "on_8ed6aa67826108097d9ee143816345"', /^on_/).optional(),
    },
    { error: expecting('a mapping with the Feishu openId, userId or unionId') },
  )
  .refine((account) => account.openId || account.userId || account.unionId, {
    error: 'expected at least one of openId, userId or unionId',
  });

export const personSchema = z.strictObject(
  {
    id: personId,
    name: text('the person\'s name'),
    email: z.email({ error: expecting('an email address') }).optional(),
    /** Falls back to company.defaultLocale. */
    locale: localeSchema.optional(),
    departments: z
      .array(departmentRef, { error: expecting('a list of department ids like [sales]') })
      .min(1, { error: 'expected at least one department id' }),
    roles: z
      .array(z.enum(roles, { error: expecting('a role; the only role is "admin"') }), {
        error: expecting('a list of roles like [admin]'),
      })
      .default([]),
    slack: slackAccountSchema.optional(),
    feishu: feishuAccountSchema.optional(),
    /** Where notifications go when the person has both accounts. */
    preferredPlatform: platformSchema.optional(),
  },
  { error: expecting('a mapping describing one person') },
);
