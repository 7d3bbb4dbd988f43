// Mention and link injection: every free-text field of every workflow's forms gets markup that
// Slack (mrkdwn, Block Kit) or Feishu (card markdown / lark_md, post text) would turn into a
// ping or a link, and everything either platform is then sent is inspected. User text is
// accepted as written (people may well type "<!channel>" or a URL in a description); what
// must hold is that none of it reaches anyone as a mention, a broadcast or a link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, FormField } from '../../../src/cards/model.js';
import { formatActionId } from '../../../src/cards/action-id.js';
import type { Person } from '../../../src/directory/directory.js';
import { isAllowed } from '../../../src/permissions.js';
import type { Instance } from '../../../src/workflows/definition.js';
import { workflowOf } from '../../../src/workflows/registry.js';
import { elementsOf } from '../../adapters/feishu/support/cards.js';
import { createFeishuRig, type FeishuRig } from '../../adapters/feishu/support/rig.js';
import { SLACK, createSlackHarness, textObjects, type SlackHarness } from '../../adapters/slack/support/slack-harness.js';
import { fixture } from '../../adapters/feishu/support/events.js';
import { INJECTIONS } from '../support/arbitraries.js';
import { recordFigure } from '../support/figures.js';
import { captureLogs, type LogCapture } from '../support/log-capture.js';
import { startForms } from '../support/start-forms.js';

const OUR_LINK = 'https://example.com/ok';
/** Markup that pings or links in Slack mrkdwn: `<!here>`, `<@U…>`, `<#C…>`, `<scheme:…>`; our own link excepted. */
const SLACK_MARKUP = new RegExp(`<[!@#]|<(?!${OUR_LINK.replace(/[./]/g, '\\$&')})[a-z][\\w+.-]*:`, 'i');
/** What Feishu markdown turns into a mention or a link. */
const FEISHU_MARKUP = /<at\b|<a\b|\]\(|evil\.example|javascript:/i;

let slack: SlackHarness;
let feishu: FeishuRig;
let logs: LogCapture;
let fieldsFilled = 0;
let submissions = 0;

beforeAll(async () => {
  logs = captureLogs();
  slack = await createSlackHarness({ logger: logs.logger });
  feishu = await createFeishuRig({ harness: slack.h, logger: logs.logger });
});
afterAll(async () => {
  await feishu?.close();
  await slack?.close();
});

async function settle() {
  await feishu.settle();
  await slack.settle();
  await feishu.settle();
}

/** As much hostile markup as the field takes, whole pieces only. */
function hostileFor(field: Extract<FormField, { kind: 'text' }>): string {
  let text = '';
  for (const piece of INJECTIONS) {
    const next = text ? `${text} ${piece}` : piece;
    if ([...next].length > field.maxLength) break;
    text = next;
  }
  return text;
}

/** Good values for every field, and hostile markup in every free-text one. */
function fill(form: Form, today: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    if (field.kind === 'text') {
      values[field.name] = hostileFor(field);
      fieldsFilled++;
    } else if (field.kind === 'date') values[field.name] = field.initial && field.initial >= today ? field.initial : '2026-12-15';
    else if (field.kind === 'select') values[field.name] = field.initial ?? field.options[0]?.value ?? '';
    else values[field.name] = OUR_LINK;
  }
  return values;
}

/**
 * Submits the form filled as above. A field that refuses markup (an amount, a time, a list of
 * departments) gets a plain value instead and the form is sent again, so the walk gets past it.
 */
async function submitAs(person: Person, form: Form) {
  const values = fill(form, slack.h.baton.env().today);
  // Field checks come first, then the workflow's own (departments that exist): up to three rounds.
  for (let attempt = 0; attempt < 3; attempt++) {
    submissions++;
    const reply = await slack.h.baton.router.handle(person, { type: 'submit', formId: form.id, values });
    if (reply.kind !== 'error' || reply.fieldErrors.length === 0) return reply;
    for (const problem of reply.fieldErrors) values[problem.field] = plainValue(form.fields.find((f) => f.name === problem.field));
  }
  return null;
}

/**
 * What a field that refuses markup gets instead: its suggested value (a time), two of the
 * values its hint lists (departments), or a number (an amount).
 */
function plainValue(field: FormField | undefined): string {
  const listed = field?.hint?.includes(', ') ? field.hint.split(', ').slice(0, 2).join(', ') : undefined;
  return field?.initial ?? listed ?? '1000';
}

/** Walks an instance on: at each step someone allowed takes the `choice`-th button, filling its form. */
async function walk(instance: Instance, choice: number) {
  for (let step = 0; step < 8; step++) {
    const current = (await slack.h.baton.engine.load(instance.id))!;
    const def = workflowOf(current.kind);
    const env = await slack.h.baton.services.currentEnv();
    const moves = Object.entries(def.events).flatMap(([event, spec]) => {
      if (!spec.button || !spec.from.includes(current.state)) return [];
      const who = env.directory.people().find((p) => isAllowed({ kind: 'person', person: p }, spec.allow(current), env.directory, env.delegations));
      return who ? [{ event, who }] : [];
    });
    if (moves.length === 0) return;
    const { event, who } = moves[(choice + step) % moves.length]!;
    const actionId = formatActionId({ instanceId: current.id, event, version: current.version });
    const pressed = await slack.h.baton.router.handle(who, { type: 'action', actionId });
    if (pressed.kind === 'form') await submitAs(who, pressed.form);
  }
}

/** Everything sent to Slack: API calls (messages, updates, modals, App Home) and response_url posts. */
function slackTraffic(): Array<Record<string, any>> {
  return [...slack.fake.calls.map((c) => c.args), ...slack.fake.responses.map((r) => r.body)];
}

/** Everything sent to Feishu: messages (cards and posts), patches, delayed updates. */
function feishuTraffic(): Array<Record<string, any>> {
  return [...feishu.api.posted.map((p) => ({ msgType: p.msgType, content: p.content })), ...feishu.api.patches.map((p) => ({ msgType: 'interactive', content: p.card })), ...feishu.api.delayedUpdates.map((d) => ({ msgType: 'interactive', content: d.card }))];
}

function expectNoSlackPing(message: Record<string, any>) {
  expect(message.link_names === undefined || message.link_names === false || message.link_names === 'false').toBe(true);
  expect(message.parse).not.toBe('full');
  if (typeof message.text === 'string') expect(message.text).not.toMatch(SLACK_MARKUP);
  for (const t of textObjects([message.blocks, message.view])) {
    if (t.type === 'mrkdwn') {
      expect(t.text).not.toMatch(SLACK_MARKUP);
      expect(t.verbatim).toBe(true);
    }
    // Rich text is literal, and user text in it is not auto-linked.
    if (t.type === 'text') expect(t.style?.unlink === true || t.style?.bold === true).toBe(true);
  }
  // No rich-text element that is itself a mention, a broadcast or a link.
  expect(JSON.stringify([message.blocks, message.view])).not.toMatch(/"type":"(user|usergroup|broadcast|link|channel)"/);
}

function expectNoFeishuPing(message: Record<string, any>) {
  if (message.msgType === 'post') {
    for (const paragraphs of Object.values(message.content) as Array<{ content: Array<Array<Record<string, unknown>>> }>) {
      for (const element of paragraphs.content.flat()) {
        expect(element.tag).toBe('text');
        expect(element.un_escape).toBeUndefined();
      }
    }
    return;
  }
  for (const element of elementsOf(message.content)) {
    if (element.tag === 'markdown' || element.tag === 'lark_md') expect(String(element.content)).not.toMatch(FEISHU_MARKUP);
  }
  for (const url of JSON.stringify(message.content).match(/"(?:default_url|url|href|pc_url|android_url|ios_url)":"[^"]*"/g) ?? []) {
    expect(url).toContain(OUR_LINK);
  }
}

describe('mention and link injection through every free-text field', () => {
  it('would notice markup that got through (the checks below are not vacuous)', () => {
    for (const markup of ['<!channel>', '<!here>', '<@U0ZBU4FL4K>', '<http://evil.example|x>', '<javascript:alert(1)|x>']) expect(markup).toMatch(SLACK_MARKUP);
    for (const markup of ['<at user_id="all"></at>', '<at id=all></at>', '[x](http://evil.example)', '<a href="http://evil.example">x</a>']) expect(markup).toMatch(FEISHU_MARKUP);
    expect(`<${OUR_LINK}|label>`).not.toMatch(SLACK_MARKUP);
  });

  it('reaches nobody on Slack or Feishu as a mention, a broadcast or a link', async () => {
    const forms = await startForms(slack.h.baton, slack.h.person('zhang.wei'));
    for (const form of forms) {
      for (const choice of [0, 1]) {
        const before = await slack.h.db.workflowInstance.count();
        const reply = await submitAs(slack.h.person('zhang.wei'), form);
        if (reply?.kind === 'form') await submitAs(slack.h.person('zhang.wei'), reply.form);
        // Every start form files an item with the hostile text in it, which is then walked on.
        expect(await slack.h.db.workflowInstance.count(), `${form.id} filed nothing`).toBe(before + 1);
        const row = await slack.h.db.workflowInstance.findFirstOrThrow({ orderBy: { number: 'desc' } });
        await walk((await slack.h.baton.engine.load(row.id))!, choice);
        // Deliveries run meanwhile; each walk's messages are out before the next one starts.
        await settle();
      }
    }
    // The hostile text from the forms did reach people (shown literally), so the checks below look at it.
    expect(JSON.stringify(slackTraffic())).toContain('<!channel>');
    expect(JSON.stringify(feishuTraffic())).toContain('<at user_id=\\"all\\"></at>');
    // Typed commands echo what was typed in their answers: on Slack and on Feishu.
    const typed = INJECTIONS.join(' ');
    await slack.command(SLACK.zhangWei, '/request', `${typed} matter="${typed.replace(/"/g, '')}"`);
    await slack.command(SLACK.zhangWei, `/nosuch${typed.slice(0, 60)}`, typed);
    const message = fixture('im.message.receive_v1.p2p');
    message.event.message.content = JSON.stringify({ text: `/request ${typed}` });
    await feishu.send(message);
    await settle();

    const slackMessages = slackTraffic();
    const feishuMessages = feishuTraffic();
    for (const m of slackMessages) expectNoSlackPing(m);
    for (const m of feishuMessages) expectNoFeishuPing(m);
    recordFigure({ section: 'injection', textFields: fieldsFilled, submissions, slackMessages: slackMessages.length, feishuMessages: feishuMessages.length, instances: await slack.h.db.workflowInstance.count() });
  }, 300_000);
});
