import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { elementsOf } from './support/cards.js';
import { fixture } from './support/events.js';
import { createFeishuRig, type FeishuRig } from './support/rig.js';

let rig: FeishuRig;
beforeEach(async () => {
  rig = await createFeishuRig();
});
afterEach(async () => {
  await rig.close();
});

const HOSTILE = '<at user_id="all"></at> <at id=all></at> [点我](https://evil.example) <a href="https://evil.example">x</a> **粗体** <font color="red">红</font>';

/** Markdown and lark_md interpret markup; user text must never be in one. */
function markupIn(card: unknown): string[] {
  return elementsOf(card)
    .filter((e) => e.tag === 'markdown' || e.tag === 'lark_md')
    .map((e) => String(e.content));
}

describe('user text cannot become a mention, a link or markup', () => {
  it('keeps hostile form values literal on every card', async () => {
    const payload = fixture('card.action.trigger.form-submit');
    payload.event.action.form_value.matter = HOSTILE;
    payload.event.action.form_value.content = HOSTILE;
    const response = await rig.send(payload);
    expect(response.status).toBe(200);
    await rig.settle();
    expect(rig.api.posted.length).toBeGreaterThan(0);
    for (const sent of rig.api.posted) {
      const texts = elementsOf(sent.content).filter((e) => e.tag === 'plain_text').map((e) => e.content);
      expect(texts).toContain(HOSTILE);
      for (const markup of markupIn(sent.content)) {
        expect(markup).not.toMatch(/<at|<a |\]\(|evil\.example|<font/);
      }
      // No link anywhere but Baton's own link buttons (this request has none).
      expect(JSON.stringify(sent.content)).not.toContain('"open_url"');
    }
  });

  it('sends text answers as posts of literal text elements', async () => {
    const payload = fixture('im.message.receive_v1.p2p');
    payload.event.message.content = JSON.stringify({ text: `/nosuch${HOSTILE}` });
    await rig.send(payload);
    await rig.settle();
    expect(rig.api.posted).toHaveLength(1);
    const [sent] = rig.api.posted;
    expect(sent!.msgType).toBe('post');
    const paragraphs = (sent!.content as any).zh_cn.content as any[][];
    const elements = paragraphs.flat();
    expect(elements.every((e) => e.tag === 'text' && e.un_escape === undefined)).toBe(true);
    expect(elements.map((e) => e.text).join('\n')).toContain('<at');
  });

  it('turns mentions in a typed command back into plain names', async () => {
    const payload = fixture('im.message.receive_v1.group-mention');
    payload.event.message.content = JSON.stringify({ text: '@_user_1 /request matter="找 @_user_2 和 @_all" content="c" goal="g" by=2026-12-15' });
    payload.event.message.mentions.push(
      { key: '@_user_2', id: { open_id: 'ou_c43f952cda5a9e71cb103a942abe3273', union_id: '', user_id: '' }, name: '赵敏', tenant_key: '2ca1d211f64f6438' },
      { key: '@_all', id: { open_id: '', union_id: '', user_id: '' }, name: '所有人', tenant_key: '2ca1d211f64f6438' },
    );
    await rig.send(payload);
    await rig.settle();
    const row = await rig.h.db.workflowInstance.findFirstOrThrow();
    expect(row.title).toBe('找 @赵敏 和 @所有人');
  });
});
