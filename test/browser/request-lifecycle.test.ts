import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConversation, startPlaygroundRig, switchPerson, type PlaygroundRig } from '../support/web-playground.js';

let rig: PlaygroundRig;
beforeAll(async () => {
  rig = await startPlaygroundRig();
});
afterAll(async () => {
  await rig?.close();
});

const messages = (page: Page) => page.locator('#messages');
const dialog = (page: Page) => page.locator('#form-dialog');
/** The cards of one item, by their title (a meeting's agenda may mention the item too). */
const cardOf = (page: Page, ref: string) =>
  messages(page).locator('article.card').filter({ has: page.locator('h3', { hasText: new RegExp(`^${ref} · `) }) });

/** Presses a clock button and waits until the clock control is back (what fell due has arrived). */
async function moveClock(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  await page.locator('[data-step="hour"]:not([disabled])').waitFor();
}

describe('web playground: a cross-department request through its whole life, as three people', () => {
  it('is filed, approved, accepted, reminded, delivered and accepted in the browser', async () => {
    const page = await rig.open('zhang.wei');
    await page.locator('#clock-now', { hasText: '2026-11-30 周一 10:00' }).waitFor();

    // 张伟 (sales) files it through the form; a missing field is pointed out next to it.
    await page.fill('#command', '/request');
    await page.press('#command', 'Enter');
    await dialog(page).getByRole('heading').waitFor();
    await dialog(page).getByLabel('协作内容').fill('采购三台笔记本电脑并安装标准镜像');
    await dialog(page).getByLabel('预期目标').fill('新员工入职当天即可办公');
    await dialog(page).getByLabel('要求完成日期').fill('2026-12-01');
    await dialog(page).getByLabel('建议支持部门').selectOption('it');
    await dialog(page).getByRole('button', { name: '提交' }).click();
    const matterError = dialog(page).locator('[data-field="matter"] .field-error');
    await matterError.getByText('协作事项：必填。', { exact: true }).waitFor();
    expect(await dialog(page).getByLabel('协作事项').getAttribute('aria-invalid')).toBe('true');
    await dialog(page).getByLabel('协作事项').fill('新员工笔记本电脑');
    await dialog(page).getByRole('button', { name: '提交' }).click();
    await messages(page).getByText('已提交 REQ-1，已通知综合管理部审核。').waitFor();
    await dialog(page).waitFor({ state: 'hidden' });
    await cardOf(page, 'REQ-1').waitFor();

    // 李娜 (general management) approves it and assigns IT, in her department's channel.
    await switchPerson(page, 'li.na');
    await openConversation(page, '#general-management');
    const review = cardOf(page, 'REQ-1');
    await review.getByRole('button', { name: '批准并分配' }).click();
    expect(await dialog(page).getByLabel('支持部门').inputValue()).toBe('it');
    await dialog(page).getByLabel('给支持部门的说明').fill('请使用标准镜像');
    await dialog(page).getByRole('button', { name: '批准并分配' }).click();
    await messages(page).getByText('REQ-1：已批准并分配，当前状态“已分配，待接收”。').waitFor();
    // The channel's card changed in place: one card, the new state, no review buttons left.
    await review.getByText('已分配，待接收').waitFor();
    expect(await cardOf(page, 'REQ-1').count()).toBe(1);
    expect(await review.getByRole('button', { name: '批准并分配' }).count()).toBe(0);

    // 陈杰 (IT, reads English) accepts it with a plan in the IT channel: the channel's card is in
    // the company's language, the form he opens in his.
    await switchPerson(page, 'chen.jie');
    await openConversation(page, '#it');
    await expect.poll(() => page.getByLabel('Acting as').inputValue()).toBe('chen.jie');
    await cardOf(page, 'REQ-1').getByRole('button', { name: '接收' }).click();
    await dialog(page).getByLabel('Plan').fill('Order three laptops from the usual vendor and image them');
    expect(await dialog(page).getByLabel('Expected delivery').inputValue()).toBe('2026-12-01');
    await dialog(page).getByRole('button', { name: 'Accept' }).click();
    await messages(page).getByText('REQ-1: "Accept" done; now "In progress".').waitFor();

    // The clock moves past the required-by date (Tuesday 18:00): the reminders reach the channel.
    await moveClock(page, '+1 working day');
    await page.locator('#clock-now', { hasText: '2026-12-01 Tue 10:00' }).waitFor();
    await moveClock(page, '+1 working day');
    await page.locator('#clock-now', { hasText: '2026-12-02 Wed 10:00' }).waitFor();
    await messages(page).getByText(/REQ-1“新员工笔记本电脑”已到截止时间/).waitFor();

    // 陈杰 delivers, with a link to the records.
    await cardOf(page, 'REQ-1').getByRole('button', { name: '交付成果' }).click();
    await dialog(page).getByLabel('Result summary').fill('All three laptops handed over and imaged');
    await dialog(page).getByLabel('Records and documents').fill('https://wiki.example.com/it/laptops-2030');
    await dialog(page).getByRole('button', { name: 'Deliver' }).click();
    await messages(page).getByText('REQ-1: "Deliver" done; now "Delivered, awaiting acceptance".').waitFor();

    // 张伟 sees his copy updated in his direct messages and accepts the result, confirming first.
    await switchPerson(page, 'zhang.wei');
    await openConversation(page, '@zhang.wei');
    const copy = cardOf(page, 'REQ-1').last();
    const link = copy.getByRole('link', { name: 'https://wiki.example.com/it/laptops-2030' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await copy.getByRole('button', { name: '验收通过' }).click();
    const confirm = page.locator('#confirm-dialog');
    await confirm.getByText('确认 REQ-1 验收通过并结束？').waitFor();
    await confirm.getByRole('button', { name: '确定' }).click();
    await messages(page).getByText('REQ-1：已验收通过，当前状态“已完成”。').waitFor();
    await copy.getByText('已完成').waitFor();
    expect(await copy.getByRole('button').count()).toBe(0);

    const row = await rig.h.db.workflowInstance.findFirstOrThrow({ where: { kind: 'request' } });
    expect(row.state).toBe('done');
    const byPeople = await rig.h.db.auditEntry.findMany({ where: { instanceId: row.id, actorId: { not: null } }, orderBy: { version: 'asc' } });
    const events = byPeople.map((a) => `${a.actorId}:${a.event}`);
    expect(events).toEqual(['zhang.wei:submit', 'li.na:approve', 'chen.jie:accept', 'chen.jie:deliver', 'zhang.wei:accept_result']);
  }, 60_000);
});
