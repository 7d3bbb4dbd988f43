import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/i18n/translate.js';
import { SLACK, createSlackHarness, type SlackHarness } from './support/slack-harness.js';

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness({ answerWithinMs: 20 });
  // Every answer takes longer than the adapter may wait before acknowledging Slack.
  const router = s.h.baton.router;
  const handle = router.handle.bind(router);
  router.handle = async (actor, inbound) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return handle(actor, inbound);
  };
});
afterEach(async () => {
  await s.close();
});

describe('a modal submission that takes longer than Slack waits', () => {
  it('closes the modal at once and sends the field problems privately instead', async () => {
    const typed = await s.command(SLACK.zhangWei, '/request');
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'views.open');
    const submitted = await s.submit(SLACK.zhangWei, modal, { matter: '', content: 'x', goal: 'y', requiredBy: '2026-12-15' });
    expect(submitted).toMatchObject({ status: 200, body: '' });
    await s.settle();
    const answer = s.fake.responses.filter((r) => r.path === new URL(typed.responseUrl).pathname).at(-1)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(translate('zh-CN', 'field.required', { field: translate('zh-CN', 'request.field.matter') }));
    expect(await s.h.db.workflowInstance.count()).toBe(0);
  });

  it('still files a good submission and says so privately', async () => {
    const typed = await s.command(SLACK.zhangWei, '/request');
    const modal = await s.fake.waitFor(() => s.fake.callsTo('views.open').at(-1), 'views.open');
    await s.submit(SLACK.zhangWei, modal, { matter: 'Desk', content: 'One desk', goal: 'Sit', requiredBy: '2026-12-15' });
    await s.settle();
    expect(await s.h.db.workflowInstance.count()).toBe(1);
    expect(s.fake.responses.filter((r) => r.path === new URL(typed.responseUrl).pathname).at(-1)!.body.text).toMatch(/^已提交 REQ-\d+/);
  });
});
