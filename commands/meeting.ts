import { DateTime } from 'luxon';
import { commandFormId } from '../src/cards/action-id.js';
import type { Command, CommandContext } from '../src/commands/command.js';
import { parseNamedArgs } from '../src/commands/parse-args.js';
import { BatonError } from '../src/errors.js';
import { configuredMeetings, type ConfiguredMeeting } from '../src/meetings/configured.js';
import type { Occurrence } from '../src/meetings/meetings.js';
import { isMeetingWeek, nextMeeting } from '../src/meetings/schedule.js';
import { describePrincipals, isAllowed } from '../src/permissions.js';
import type { Reply } from '../src/reply.js';
import { person, role, type Principal } from '../src/directory/principal.js';
import type { Instance } from '../src/workflows/definition.js';
import { meetingWorkflow, type MeetingData } from '../src/workflows/meeting/meeting.js';
import { formatMeetingTime } from '../src/workflows/meeting/meeting-time.js';
import { renderCard } from '../src/workflows/render-card.js';

const ARGUMENTS: Record<string, string> = {
  depts: 'departments',
  departments: 'departments',
  date: 'date',
  time: 'time',
  topic: 'topic',
  notes: 'notes',
};
const EXAMPLE = 'depts=sales,it date=2026-12-03 time=15:00 topic="Q1 launch"';
/** How far ahead `/meeting list` looks for a regular meeting's next real date (past holidays and off-weeks). */
const LOOKAHEAD_WEEKS = 8;

/**
 * `/meeting` (§4.1.1): without arguments, the form of a cross-department coordination meeting;
 * `list`, the person's upcoming meetings and regular schedule; `remind <meeting>`, the next
 * occurrence's reminder and agenda now, for its chair, the departments' heads and admins.
 */
export const meetingCommand: Command = {
  name: 'meeting',
  summaryKey: 'command.meeting.summary',
  usageKey: 'command.meeting.usage',
  async run(ctx, args) {
    const [sub = '', ...rest] = args.trim().split(/\s+/);
    if (sub === '') return { kind: 'form', form: coordinationForm(ctx) };
    if (sub === 'list' && rest.length === 0) return list(ctx);
    if (sub === 'remind') return remind(ctx, rest.join(' '));
    return call(ctx, parseNamedArgs(args, 'meeting', EXAMPLE, ARGUMENTS));
  },
  submit: (ctx, values) => call(ctx, values),
};

function coordinationForm(ctx: CommandContext) {
  const view = { env: ctx.services.env(), locale: ctx.locale, t: ctx.t };
  return { id: commandFormId('meeting'), title: ctx.t('meeting.form.new'), submitLabel: ctx.t('common.submit'), fields: meetingWorkflow.start.form(view) };
}

async function call(ctx: CommandContext, values: Record<string, string | undefined>): Promise<Reply> {
  const instance = (await ctx.services.engine.start(meetingWorkflow.kind, ctx.actor, values)) as Instance<MeetingData>;
  const { directory } = ctx.services;
  const departments = instance.data.departments.map((d) => directory.departmentName(d, ctx.locale)).join(ctx.locale === 'en' ? ', ' : '、');
  return { kind: 'text', text: ctx.t('meeting.created', { ref: instance.ref, when: formatMeetingTime(instance.data.startsAt, ctx.locale, instance.data.timezone), departments }) };
}

async function list(ctx: CommandContext): Promise<Reply> {
  const { actor, t, services } = ctx;
  const upcoming = await services.meetings.upcomingFor(actor);
  const env = await services.currentEnv();
  const regular = configuredMeetings(env.config).filter(
    (m) => m.chair === actor.id || m.people.includes(actor.id) || m.departments.some((d) => actor.departments.includes(d)),
  );
  const lines = [
    upcoming.length ? t('meeting.list.upcoming', { count: upcoming.length }) : t('meeting.list.none'),
    ...upcoming.map((i) => `• ${i.ref} ${i.title} · ${formatMeetingTime(i.data.startsAt, ctx.locale, i.data.timezone)}`),
    regular.length ? t('meeting.list.schedule') : t('meeting.list.noSchedule'),
    ...regular.map((m) => `• ${scheduleLine(ctx, m, env.now, env.config.calendar.holidays)}`),
  ];
  if (upcoming.length === 0) return { kind: 'text', text: lines.join('\n') };
  return { kind: 'cards', text: lines.join('\n'), cards: upcoming.map((i) => renderCard(meetingWorkflow, i, { person: actor }, ctx.locale, env)) };
}

async function remind(ctx: CommandContext, id: string): Promise<Reply> {
  const { actor, t, services } = ctx;
  const env = services.env();
  const meeting = configuredMeetings(env.config).find((m) => m.id === id.trim());
  if (!meeting) {
    throw new BatonError('not-found', 'meeting.error.unknownMeeting', { id: id.trim(), ids: configuredMeetings(env.config).map((m) => m.id).join(', ') });
  }
  // The chair, the heads of the departments meeting, and admins may bring a reminder forward.
  const heads = meeting.departments.flatMap((d) => env.directory.department(d)?.head ?? []);
  const allowed: Principal[] = [...new Set([meeting.chair, ...heads])].map(person).concat(role('admin'));
  if (!isAllowed({ kind: 'person', person: actor }, allowed, env.directory)) {
    throw new BatonError('forbidden', 'meeting.error.notChair', { who: describePrincipals(allowed, env.directory, ctx.locale), meeting: nameOf(ctx, meeting) });
  }
  return answer(ctx, await services.meetings.fileNext(meeting.id));
}

async function answer(ctx: CommandContext, occurrence: Occurrence): Promise<Reply> {
  const { t } = ctx;
  if (occurrence.outcome === 'unknown') throw new BatonError('not-found', 'meeting.error.unknownMeeting', { id: occurrence.meetingId, ids: '' });
  if (occurrence.outcome === 'skipped') return { kind: 'text', text: t('meeting.noMeetingThatWeek', { name: nameOf(ctx, occurrence.meeting), date: occurrence.date }) };
  const { instance } = occurrence;
  const card = renderCard(meetingWorkflow, instance, { person: ctx.actor }, ctx.locale, await ctx.services.currentEnv());
  const text = t(occurrence.outcome === 'filed' ? 'meeting.reminded' : 'meeting.alreadyReminded', { ref: instance.ref });
  return { kind: 'cards', text, cards: [card] };
}

function nameOf({ t, locale, services }: CommandContext, meeting: ConfiguredMeeting): string {
  return meeting.type === 'weekly'
    ? t('meeting.list.weeklyName', { department: services.directory.departmentName(meeting.id, locale) })
    : t('meeting.list.projectName', { project: meeting.title ?? meeting.id });
}

/** "Sales weekly meeting: every Monday at 10:00 (Asia/Shanghai); next on 2026-12-07". */
function scheduleLine(ctx: CommandContext, meeting: ConfiguredMeeting, now: Date, holidays: readonly string[]): string {
  const { t, locale } = ctx;
  const first = nextMeeting(meeting, now);
  const weekday = DateTime.fromJSDate(first, { zone: meeting.timezone }).setLocale(locale).toFormat('cccc');
  const when =
    meeting.everyWeeks > 1
      ? t('meeting.list.everyNWeeks', { weeks: meeting.everyWeeks, weekday, time: meeting.time })
      : t('meeting.list.everyWeek', { weekday, time: meeting.time });
  const dates = Array.from({ length: LOOKAHEAD_WEEKS }, (_, n) => DateTime.fromJSDate(first, { zone: meeting.timezone }).plus({ weeks: n }).toISODate()!);
  const next = dates.find((date) => isMeetingWeek(date, meeting.everyWeeks, meeting.from) && !holidays.includes(date)) ?? t('common.none');
  return t('meeting.list.line', { name: nameOf(ctx, meeting), when, timezone: meeting.timezone, next });
}
