import { describe, expect, it } from 'vitest';
import { cardBlocks } from '../../../adapters/slack/render/card-blocks.js';
import { formView } from '../../../adapters/slack/render/form-view.js';
import { escapeMrkdwn, mrkdwnLink } from '../../../adapters/slack/render/text.js';
import type { Card } from '../../../src/cards/model.js';

describe('Block Kit rendering', () => {
  it('escapes exactly the three characters Slack reserves', () => {
    expect(escapeMrkdwn('a & b < c > d <!channel> <@U1> *bold*')).toBe('a &amp; b &lt; c &gt; d &lt;!channel&gt; &lt;@U1&gt; *bold*');
  });

  it('keeps a link inside its own syntax whatever its URL contains', () => {
    expect(mrkdwnLink('https://x.example/a?b=1&c=<2>|d', 'label <!here>')).toBe('<https://x.example/a?b=1&amp;c=%3C2%3E%7Cd|label &lt;!here&gt;>');
  });

  it('cuts text to Block Kit limits instead of having Slack refuse the message', () => {
    const card: Card = {
      title: 'T'.repeat(400), tone: 'red', links: [], context: ['REQ-1 · Open'],
      fields: Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: 'v'.repeat(5000) })),
      actions: [{ id: 'wf:x', label: 'L'.repeat(200), style: 'danger', confirm: { title: 'Sure?', text: 'x'.repeat(500), confirm: 'Yes', deny: 'No' } }],
    };
    const blocks = cardBlocks(card) as any[];
    expect(blocks[0].text.text).toHaveLength(150);
    const sections = blocks.filter((b) => b.fields);
    expect(sections.map((b) => b.fields.length)).toEqual([10, 2]);
    expect(Math.max(...sections.flatMap((b) => b.fields.map((f: any) => f.text.length)))).toBeLessThanOrEqual(2000);
    const button = blocks.find((b) => b.type === 'actions').elements[0];
    expect(button.text.text.length).toBeLessThanOrEqual(75);
    expect(button.confirm.text.text.length).toBeLessThanOrEqual(300);
    expect(blocks.find((b) => b.type === 'context').elements[0].text).toBe(':red_circle: REQ-1 · Open');
  });

  it('fits a modal title and submit label into 24 characters', () => {
    const view = formView({ id: 'cmd:request', title: 'REQ-12345 · Approve and assign to a department', submitLabel: 'Approve and assign now please', fields: [] }, '{}');
    expect([...view.title.text].length).toBe(24);
    expect([...view.submit.text].length).toBe(24);
  });

  it('shows long, written values as literal rich text with a bold label', () => {
    const card: Card = { title: 'T', tone: 'info', links: [], context: [], actions: [], fields: [{ label: 'Content', value: '*not bold* <!here> https://x.example', long: true }] };
    expect(cardBlocks(card)[1]).toEqual({
      type: 'rich_text',
      elements: [{ type: 'rich_text_section', elements: [
        { type: 'text', text: 'Content\n', style: { bold: true } },
        { type: 'text', text: '*not bold* <!here> https://x.example', style: { unlink: true } },
      ] }],
    });
  });
});
