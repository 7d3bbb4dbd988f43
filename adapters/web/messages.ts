import type { Locale } from '../../src/config/schema.js';

/**
 * The web playground's own texts: the page's chrome (sent to the browser in the acting
 * person's language) and the few answers its API gives itself. Cards, forms and replies come
 * from the core already translated. `zhCN` must have exactly the keys of `en`.
 */
export const en = {
  'web.title': 'Baton playground',
  'web.listening': 'Baton playground: open {url} in a browser to act as anyone in the example company. Ctrl+C stops it.',
  'web.actingAs': 'Acting as',
  'web.head': 'head',
  'web.role.admin': 'admin',
  'web.channels': 'Channels',
  'web.directMessages': 'Direct messages',
  'web.dmWithBaton': 'Baton (direct messages)',
  'web.memberOf': 'you are a member',
  'web.empty': 'Nothing here yet. Start with /request below, switch person at the top, and move the clock on to see reminders fire.',
  'web.onlyYou': 'Only you can see this',
  'web.updated': 'updated',
  'web.bot': 'Baton',
  'web.composer': 'Command',
  'web.composerPlaceholder': 'Type /request, /my or /help',
  'web.send': 'Send',
  'web.tryThese': 'Try:',
  'web.hint': 'Type a command that starts with /, for example /request or /help.',
  'web.clock': 'Playground time',
  'web.clock.hour': '+1 hour',
  'web.clock.workday': '+1 working day',
  'web.clock.week': '+1 week',
  'web.clock.custom': 'Move to or by',
  'web.clock.customHint': '+30m, +2h, +3d, or a date and time like 2026-12-01 09:00',
  'web.clock.go': 'Move',
  'web.clock.moving': 'Moving the clock and firing what fell due…',
  'web.clock.badStep': 'Cannot move the clock by "{value}": write +30m, +2h, +3d, or a date and time like 2026-12-01 09:00.',
  'web.clock.backwards': 'The playground clock only moves forward, and {value} has already passed.',
  'web.form.required': 'required',
  'web.form.optional': 'optional',
  'web.form.cancel': 'Cancel',
  'web.form.linksHint': 'One http:// or https:// link per line.',
  'web.form.dateHint': 'YYYY-MM-DD',
  'web.form.choose': '— choose —',
  'web.form.sending': 'Sending…',
  'web.confirm.title': 'Are you sure?',
  'web.download': 'Download {name}',
  'web.offline': 'Connection to Baton lost; reconnecting…',
  'web.failed': 'Baton did not answer: {error}',
  'web.unknownPerson': 'Nobody is called "{id}" in the directory.',
  'web.badRequest': 'The playground did not understand that request: {problem}',
} as const;

export type WebMessageKey = keyof typeof en;

export const zhCN: Record<WebMessageKey, string> = {
  'web.title': 'Baton 演示',
  'web.listening': 'Baton 演示已启动：在浏览器中打开 {url}，即可以示例公司的任何人身份操作。按 Ctrl+C 停止。',
  'web.actingAs': '当前身份',
  'web.head': '负责人',
  'web.role.admin': '管理员',
  'web.channels': '群组',
  'web.directMessages': '私信',
  'web.dmWithBaton': 'Baton（私信）',
  'web.memberOf': '您是成员',
  'web.empty': '暂无消息。可在下方输入 /request 开始，在顶部切换身份，并调快时钟查看提醒。',
  'web.onlyYou': '仅您可见',
  'web.updated': '已更新',
  'web.bot': 'Baton',
  'web.composer': '命令',
  'web.composerPlaceholder': '输入 /request、/my 或 /help',
  'web.send': '发送',
  'web.tryThese': '试试：',
  'web.hint': '请输入以 / 开头的命令，例如 /request 或 /help。',
  'web.clock': '演示时间',
  'web.clock.hour': '+1 小时',
  'web.clock.workday': '+1 个工作日',
  'web.clock.week': '+1 周',
  'web.clock.custom': '调到或前进',
  'web.clock.customHint': '+30m、+2h、+3d，或日期时间如 2026-12-01 09:00',
  'web.clock.go': '调整',
  'web.clock.moving': '正在调整时钟并触发到期的提醒……',
  'web.clock.badStep': '无法按“{value}”调整时钟：请写 +30m、+2h、+3d，或日期时间如 2026-12-01 09:00。',
  'web.clock.backwards': '演示时钟只能向前调整，{value} 已经过去了。',
  'web.form.required': '必填',
  'web.form.optional': '选填',
  'web.form.cancel': '取消',
  'web.form.linksHint': '每行一个以 http:// 或 https:// 开头的链接。',
  'web.form.dateHint': 'YYYY-MM-DD',
  'web.form.choose': '— 请选择 —',
  'web.form.sending': '正在提交……',
  'web.confirm.title': '确定吗？',
  'web.download': '下载 {name}',
  'web.offline': '与 Baton 的连接已断开，正在重连……',
  'web.failed': 'Baton 没有响应：{error}',
  'web.unknownPerson': '名录中没有“{id}”。',
  'web.badRequest': '演示页面无法理解该请求：{problem}',
};

const catalogs: Record<Locale, Record<WebMessageKey, string>> = { en, 'zh-CN': zhCN };

/** The playground's catalog in one language, as the page receives it. */
export function webCatalog(locale: Locale): Record<WebMessageKey, string> {
  return catalogs[locale];
}

export function webText(locale: Locale, key: WebMessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}
