import { DateTime } from 'luxon';
import type { CardField } from '../../cards/model.js';
import { isMessageKey } from '../../i18n/translate.js';
import { AGENDA_SECTIONS, type Agenda, type AgendaItem, type AgendaSectionName } from '../../meetings/agenda-model.js';
import type { Instance, ViewContext } from '../definition.js';
import type { MeetingData } from './meeting.js';
import { formatMeetingTime, meetingDate } from './meeting-time.js';

type M = Instance<MeetingData>;

/**
 * Slack refuses a message of more than 50 blocks; each long field is one. The latest updates
 * are shown in full, the rest by name.
 */
const UPDATES_SHOWN = 12;

export function cardTitle(i: M, { t, env, locale }: ViewContext): string {
  const date = meetingDate(i.data.startsAt, i.data.timezone);
  if (i.data.type === 'weekly') return t('meeting.title.weekly', { ref: i.ref, department: env.directory.departmentName(i.data.departments[0] ?? '', locale), date });
  if (i.data.type === 'project') return t('meeting.title.project', { ref: i.ref, project: i.data.topic ?? '', date });
  return t('meeting.title.coordination', { ref: i.ref, topic: i.data.topic ?? '', date });
}

/** When and who, the agenda as it was when the meeting was filed, then everyone's update so far. */
export function cardFields(i: M, view: ViewContext): CardField[] {
  const { t, env, locale } = view;
  const d = i.data;
  const name = (id: string) => env.directory.person(id)?.name ?? id;
  const list = (names: string[]) => names.join(locale === 'en' ? ', ' : '、');
  const fields: CardField[] = [
    { label: t('meeting.field.when'), value: formatMeetingTime(d.startsAt, locale, d.timezone) },
    { label: t('meeting.field.attending'), value: list(d.departments.map((id) => env.directory.departmentName(id, locale))) || t('common.none') },
  ];
  if (d.people.length > 0) fields.push({ label: t('meeting.field.people'), value: list(d.people.map(name)) });
  fields.push({ label: t(d.type === 'coordination' ? 'meeting.field.organiser' : 'meeting.field.chair'), value: name(i.requesterId) });
  if (d.type === 'coordination' && d.topic) fields.push({ label: t('meeting.field.topic'), value: d.topic, long: true });
  if (d.notes) fields.push({ label: t('meeting.field.notes'), value: d.notes, long: true });
  if (d.agenda) fields.push(...agendaFields(d.agenda, d.timezone, view));
  fields.push(...updateFields(i, view));
  if (i.state === 'upcoming') {
    const posted = new Set(d.updates.map((u) => u.personId));
    const missing = d.expected.filter((id) => !posted.has(id));
    if (missing.length > 0) fields.push({ label: t('meeting.field.waitingFor'), value: list(missing.map(name)) });
  }
  if (d.cancelReason) fields.push({ label: t('meeting.field.cancelled'), value: d.cancelReason, long: true });
  return fields;
}

function agendaFields(agenda: Agenda, timezone: string, view: ViewContext): CardField[] {
  const { t, locale } = view;
  const fields = AGENDA_SECTIONS.map((name): CardField => {
    const section = agenda[name];
    const lines = section.items.map((item) => `• ${itemLine(name, item, timezone, view)}`);
    if (section.more > 0) lines.push(t('meeting.agenda.more', { count: section.more }));
    return {
      label: t(`meeting.agenda.${name}`, { count: section.items.length + section.more }),
      value: lines.length > 0 ? lines.join('\n') : t('meeting.agenda.none'),
      long: true,
    };
  });
  const builtAt = DateTime.fromISO(agenda.builtAt, { zone: timezone }).setLocale(locale).toFormat('yyyy-MM-dd HH:mm');
  return [{ label: t('meeting.field.agendaAsOf'), value: builtAt }, ...fields];
}

/** `REQ-12 Printer toner (due 11-27 18:00)`: the reference, the title as written, and why it is here. */
function itemLine(section: AgendaSectionName, item: AgendaItem, timezone: string, { t, locale }: ViewContext): string {
  const time = (iso: string) => DateTime.fromISO(iso, { zone: timezone }).setLocale(locale).toFormat('MM-dd HH:mm');
  const stateKey = `${item.kind}.state.${item.state}`;
  const state = isMessageKey(stateKey) ? t(stateKey) : item.state;
  const detail =
    section === 'risks'
      ? item.level === 'red' || item.level === 'orange' ? t(`meeting.level.${item.level}`) : item.level ?? ''
      : section === 'closedLastWeek'
        ? t('meeting.item.closed', { state, at: item.at ? time(item.at) : '' })
        : section === 'complaints'
          ? state
          : item.at ? t('meeting.item.due', { at: time(item.at) }) : state;
  return detail ? `${item.ref} ${item.title} (${detail})` : `${item.ref} ${item.title}`;
}

function updateFields(i: M, { t, env, locale }: ViewContext): CardField[] {
  // Updates are kept in the order they were (last) posted.
  const shown = i.data.updates.slice(-UPDATES_SHOWN);
  const name = (id: string) => env.directory.person(id)?.name ?? id;
  const fields = shown.map((u): CardField => {
    const lines = [t('meeting.update.line.done', { text: u.done }), t('meeting.update.line.plan', { text: u.plan })];
    if (u.issues) lines.push(t('meeting.update.line.issues', { text: u.issues }));
    const at = DateTime.fromISO(u.at, { zone: i.data.timezone }).setLocale(locale).toFormat('MM-dd HH:mm');
    return { label: t('meeting.update.by', { name: name(u.personId), at }), value: lines.join('\n'), long: true };
  });
  const rest = i.data.updates.slice(0, -UPDATES_SHOWN);
  if (rest.length > 0) fields.push({ label: t('meeting.field.moreUpdates'), value: rest.map((u) => name(u.personId)).join(locale === 'en' ? ', ' : '、') });
  return fields;
}
