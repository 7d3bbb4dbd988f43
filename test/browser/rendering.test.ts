import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/cards/model.js';
import { openConversation, startPlaygroundRig, type PlaygroundRig } from '../support/web-playground.js';

let rig: PlaygroundRig;
beforeAll(async () => {
  rig = await startPlaygroundRig();
});
afterAll(async () => {
  await rig?.close();
});

/** What the tests read of the page's window; the project's TypeScript has no DOM library. */
type PageWindow = { getComputedStyle(node: unknown): { borderLeftColor: string }; pwned?: number };

const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script> @channel [x](https://evil.example)';

const alert = (tone: Card['tone'], title: string): Card => ({
  title,
  tone,
  fields: [{ label: 'Indicator', value: HOSTILE }],
  links: [
    { label: 'Runbook', url: 'https://wiki.example.com/runbook' },
    { label: 'Sneaky', url: 'javascript:window.pwned=1' },
  ],
  context: ['RISK-1 · threshold crossed'],
  actions: [],
});

describe('web playground page', () => {
  it('shows risk-alert colours and keeps user text as text: no markup, no script, only web links', async () => {
    for (const tone of ['red', 'orange', 'yellow'] as const) {
      await rig.web.adapter.sendToChannel('#sales', { text: `${tone}: ${HOSTILE}`, card: alert(tone, `${tone} ${HOSTILE}`) });
    }
    const page = await rig.open('sun.li');
    await openConversation(page, '#sales');
    const cards = page.locator('#messages article.card');
    await expect.poll(() => cards.count()).toBe(3);
    const borders = await cards.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-tone'), (globalThis as unknown as PageWindow).getComputedStyle(n).borderLeftColor]));
    expect(borders).toEqual([['red', 'rgb(211, 47, 47)'], ['orange', 'rgb(239, 108, 0)'], ['yellow', 'rgb(249, 200, 14)']]);
    expect(await cards.first().locator('h3').textContent()).toBe(`red ${HOSTILE}`);
    expect(await cards.first().locator('dd').textContent()).toBe(HOSTILE);
    expect(await page.locator('#messages img, #messages script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).pwned)).toBeUndefined();
    const runbook = cards.first().getByRole('link', { name: 'Runbook' });
    expect(await runbook.getAttribute('href')).toBe('https://wiki.example.com/runbook');
    expect(await runbook.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await cards.first().getByRole('link', { name: 'Sneaky' }).count()).toBe(0);
    expect(await cards.first().getByText('Sneaky').count()).toBe(1);
  });

  it('shows a posted image inline and offers a CSV as a download under a safe name', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const csv = Buffer.from('部门,逾期\nit,1\n');
    await rig.web.adapter.sendFile({ channelId: '#finance' }, { name: 'chart.png', mimeType: 'image/png', data: png }, { text: '本周图表' });
    await rig.web.adapter.sendFile({ channelId: '#finance' }, { name: '../../etc/报表 "2026".csv', mimeType: 'text/csv', data: csv }, { text: '导出' });
    const page = await rig.open('ma.jun');
    await openConversation(page, '#finance');
    const image = page.locator('#messages figure img');
    await expect.poll(() => image.evaluate((img) => (img as unknown as { complete: boolean }).complete && (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    const download = page.getByRole('link', { name: '下载 报表 2026.csv' });
    const href = await download.getAttribute('href');
    expect(await download.getAttribute('download')).toBe('报表 2026.csv');
    const response = await fetch(`${rig.server.url}${href}`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="__ 2026.csv"; filename*=UTF-8''${encodeURIComponent('报表 2026.csv')}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(csv);
  });

  it('lists the whole directory in the person switcher, with departments, heads and roles', async () => {
    const page = await rig.open('zhang.wei');
    const options = await page.locator('#person option').allTextContents();
    expect(options).toHaveLength(rig.h.baton.directory.people().length);
    expect(options).toContain('刘洋 (liu.yang) · 综合管理部 (负责人), 项目管理委员会 (负责人)');
    expect(options).toContain('吴昊 (wu.hao) · 信息技术部 [管理员]');
    expect(await page.locator('#person-details').textContent()).toBe('张伟 (zhang.wei) · 销售部');
    // Only one's own direct messages are listed; every department's channel is.
    const conversations = await page.locator('[data-conversation]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-conversation')));
    expect(conversations[0]).toBe('@zhang.wei');
    expect(conversations.filter((id) => id?.startsWith('@'))).toEqual(['@zhang.wei']);
    expect(conversations).toHaveLength(1 + rig.h.baton.directory.departments().length);
  });

  it('moves the clock to a time or by an amount, running what falls due on the way, and refuses the past and nonsense in the viewer’s language', async () => {
    const page = await rig.open('chen.jie');
    const clockBack = () => page.locator('[data-step="hour"]:not([disabled])').waitFor();
    const custom = async (value: string) => {
      await page.getByLabel('Move to or by').fill(value);
      await page.getByRole('button', { name: 'Move', exact: true }).click();
      await clockBack();
    };
    const now = () => page.locator('#clock-now').textContent();
    const status = () => page.locator('#clock-status').textContent();

    // Past 13:00 on the way: customer service's weekly meeting reminder (a BullMQ job scheduler,
    // which follows real time) is run by the clock control as it passes.
    await custom('2026-11-30 15:30');
    expect(await now()).toBe('2026-11-30 Mon 15:30 GMT+8');
    await openConversation(page, '#customer-service');
    await page.getByText(/^客户服务部周会（MTG-1）将于 2026-11-30 14:00 GMT\+8 召开/).waitFor();
    await custom('+2h');
    expect(await now()).toBe('2026-11-30 Mon 17:30 GMT+8');
    await page.getByRole('button', { name: '+1 hour' }).click();
    await clockBack();
    expect(await now()).toBe('2026-11-30 Mon 18:30 GMT+8');

    await custom('soon');
    expect(await status()).toBe('Cannot move the clock by "soon": write +30m, +2h, +3d, or a date and time like 2026-12-01 09:00.');
    await custom('2026-11-30 09:00');
    expect(await status()).toBe('The playground clock only moves forward, and 2026-11-30 09:00 has already passed.');
    expect(await now()).toBe('2026-11-30 Mon 18:30 GMT+8');
  });

  it('answers a line that is not a command with a hint, and an unknown command privately', async () => {
    const page = await rig.open('tang.qian');
    await page.fill('#command', 'hello');
    await page.press('#command', 'Enter');
    await page.getByText('请输入以 / 开头的命令，例如 /request 或 /help。').waitFor();
    await page.fill('#command', '/nosuch');
    await page.press('#command', 'Enter');
    const refusal = page.locator('#messages .message.error');
    await refusal.waitFor();
    expect(await refusal.locator('.message-text').textContent()).toBe('未知命令“/nosuch”。输入 /help 查看所有命令。');
    expect(await refusal.locator('.badge.private').textContent()).toBe('仅您可见');
  });
});
