/** Texts of data governance: /show, /access-log, purged cards. `zhCN` must have exactly the keys of `en`. */
export const en = {
  'governance.purged.title': '{ref} · personal data removed',
  'governance.purged.note': 'Personal data removed on {date} under the retention policy (§6.2.2).',

  'command.show.summary': "Show an item's current card (REQ-12, CMP-3 …)",
  'command.show.usage': '/show <reference>, for example /show REQ-12',
  'show.usage': 'Which item? Write /show and its reference, for example /show REQ-12.',
  'show.notFound': 'There is no item {ref}. References look like REQ-12 or CMP-3.',
  'show.forbidden': 'You may not see {ref}: only whoever filed it, the people involved in it, and {who}.',
  'show.nobodyElse': 'nobody else',

  'access.who.everyone': 'everyone',
  'access.who.heads': 'department heads',
  'access.who.headOf': 'the head of {department}',

  'command.accessLog.summary': 'Admins: who read whose data, and every export',
  'command.accessLog.usage': '/access-log [actor=<person>] [owner=<person>] [since=YYYY-MM-DD] [csv]',
  'accessLog.badDate': 'since: expected a date like 2026-12-01, got "{value}".',
  'accessLog.none': 'No access-log entries match.',
  'accessLog.header': 'Access log, newest first ({count} shown, at most {limit}):',
  'accessLog.line': '• {at} {actor}: {action} {subject}',
  'accessLog.lineOwner': '• {at} {actor}: {action} {subject} (data of {owner})',
  'accessLog.action.view': 'viewed',
  'accessLog.action.list': 'listed',
  'accessLog.action.report': 'ran the report',
  'accessLog.action.export': 'exported',
  'accessLog.exported': 'The access log ({count} entries) was sent to you as {file}.',
  'accessLog.post': 'Access log export: {count} entries.',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'governance.purged.title': '{ref} · 个人数据已删除',
  'governance.purged.note': '已于 {date} 按数据存储期限（§6.2.2）删除个人数据。',

  'command.show.summary': '查看某一事项的当前卡片（REQ-12、CMP-3 等）',
  'command.show.usage': '/show <编号>，例如 /show REQ-12',
  'show.usage': '要查看哪一项？请在 /show 后写上编号，例如 /show REQ-12。',
  'show.notFound': '没有编号为 {ref} 的事项。编号形如 REQ-12 或 CMP-3。',
  'show.forbidden': '您无权查看 {ref}：只有提交人、相关处理人以及{who}可以查看。',
  'show.nobodyElse': '（无其他人）',

  'access.who.everyone': '所有人',
  'access.who.heads': '各部门负责人',
  'access.who.headOf': '{department}负责人',

  'command.accessLog.summary': '管理员：数据访问记录与每次导出',
  'command.accessLog.usage': '/access-log [actor=<人员>] [owner=<人员>] [since=YYYY-MM-DD] [csv]',
  'accessLog.badDate': 'since：应为形如 2026-12-01 的日期，收到的是“{value}”。',
  'accessLog.none': '没有符合条件的访问记录。',
  'accessLog.header': '数据访问记录，最新在前（显示 {count} 条，最多 {limit} 条）：',
  'accessLog.line': '• {at} {actor}：{action} {subject}',
  'accessLog.lineOwner': '• {at} {actor}：{action} {subject}（{owner} 的数据）',
  'accessLog.action.view': '查看了',
  'accessLog.action.list': '列出了',
  'accessLog.action.report': '查询了报表',
  'accessLog.action.export': '导出了',
  'accessLog.exported': '访问记录（{count} 条）已作为文件 {file} 发送给您。',
  'accessLog.post': '数据访问记录导出：共 {count} 条。',
};
