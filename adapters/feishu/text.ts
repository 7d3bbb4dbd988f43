import type { Locale } from '../../src/config/schema.js';

/**
 * The few words only the Feishu adapter says. Everything else comes from the core's catalogs;
 * these would move there if another platform ever needed them.
 */
const TEXT = {
  'zh-CN': {
    working: '正在处理，卡片稍后更新。',
    yourId: '请把您的飞书 open_id 告诉管理员：{id}',
  },
  en: {
    working: 'Working on it; the card will update shortly.',
    yourId: 'Give the admin your Feishu open_id: {id}',
  },
} satisfies Record<Locale, Record<string, string>>;

export type FeishuTextKey = keyof (typeof TEXT)['en'];

export function feishuText(locale: Locale, key: FeishuTextKey, params: Record<string, string> = {}): string {
  return TEXT[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
