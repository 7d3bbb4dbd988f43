import { DateTime } from 'luxon';
import type { Locale } from '../../src/config/schema.js';
import type { Directory, Person } from '../../src/directory/directory.js';
import type { Conversations } from './conversations.js';
import { webText } from './messages.js';
import { directConversation } from './web-adapter.js';

/** What the page shows of what the server knows: plain JSON, already in the viewer's language. */

export interface PersonView {
  id: string;
  name: string;
  locale: Locale;
  departments: Array<{ id: string; name: string; head: boolean }>;
  roles: string[];
}

export interface ConversationView {
  id: string;
  kind: 'direct' | 'channel';
  name: string;
  /** The viewer belongs to the channel's department (always true of their direct messages). */
  member: boolean;
  /** The newest message's `seq` the viewer can see, 0 when there is none. */
  latestSeq: number;
}

export interface ClockView {
  iso: string;
  /** The time in the company's zone, as each language writes it. */
  label: Record<Locale, string>;
}

export function personView(person: Person, directory: Directory, locale: Locale): PersonView {
  return {
    id: person.id,
    name: person.name,
    locale: person.locale,
    departments: person.departments.map((id) => ({
      id,
      name: directory.departmentName(id, locale),
      head: directory.department(id)?.head === person.id,
    })),
    roles: person.roles.map((role) => (role === 'admin' ? webText(locale, 'web.role.admin') : role)),
  };
}

/** The viewer's direct messages first, then every department's channel, theirs first. */
export function conversationViews(viewer: Person, directory: Directory, conversations: Conversations, locale: Locale): ConversationView[] {
  const latest = conversations.latestSeqs(viewer.id);
  const direct = directConversation(viewer.id);
  const channels = directory.departments().map((d): ConversationView => ({
    id: `#${d.id}`,
    kind: 'channel',
    name: `#${d.id} · ${d.name[locale]}`,
    member: viewer.departments.includes(d.id),
    latestSeq: latest.get(`#${d.id}`) ?? 0,
  }));
  return [
    { id: direct, kind: 'direct', name: webText(locale, 'web.dmWithBaton'), member: true, latestSeq: latest.get(direct) ?? 0 },
    ...channels.filter((c) => c.member),
    ...channels.filter((c) => !c.member),
  ];
}

export function clockView(now: Date, timezone: string): ClockView {
  const label = (locale: Locale) => DateTime.fromJSDate(now, { zone: timezone }).setLocale(locale).toFormat('yyyy-MM-dd ccc HH:mm ZZZZ');
  return { iso: now.toISOString(), label: { en: label('en'), 'zh-CN': label('zh-CN') } };
}
