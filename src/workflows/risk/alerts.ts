import type { AlertLevel } from '../../config/workflow-schemas/risk.js';
import { department, person, type Principal } from '../../directory/principal.js';
import type { EventInput, Instance, Notification, WorkflowEnv } from '../definition.js';
import { alertRank, latestReading, type Indicator } from './indicators.js';
import type { RiskData } from './risk-data.js';

type R = Instance<RiskData>;

/**
 * Where a risk's colour takes it: back to `open` once every indicator is normal, to `alert`
 * (waiting for the owner's acknowledgement) when the colour rises; otherwise it stays, so an
 * acknowledged alert that eases or holds does not ask for acknowledgement again.
 */
export function stateAfterLevels(state: string, before: AlertLevel | null, after: AlertLevel | null): string {
  if (after === null) return 'open';
  if (alertRank(after) > alertRank(before)) return 'alert';
  return state;
}

/** A rising colour while already in `alert` re-enters it: a fresh acknowledgement deadline for the new colour. */
export function raisesAlert(before: AlertLevel | null, after: AlertLevel | null): boolean {
  return alertRank(after) > alertRank(before);
}

/** Who hears alerts and recoveries: the owner, the risk's department and the `alertTo` departments. */
export function alertAudience(i: R, env: WorkflowEnv): Principal[] {
  const departments = [...new Set([i.departmentId, ...env.config.workflows.risk.alertTo].filter((id): id is string => Boolean(id)))];
  return [person(i.data.ownerId), ...departments.map(department)];
}

export function formatValue(value: number, unit: string | null): string {
  return unit ? `${value} ${unit}` : String(value);
}

const colour = (level: AlertLevel | null) => ({ key: `risk.colour.${level ?? 'normal'}` });

/**
 * What a change of colours tells people: a rise posts an alert card in its colour, a fall that
 * leaves the risk coloured says so once, the last indicator back to normal posts a recovery.
 * An indicator whose colour did not change says nothing at all, however often it is reported.
 */
export function levelNotes(after: R, input: EventInput<RiskData>): Notification[] {
  const before = input.instance.data;
  const audience = alertAudience(after, input.env);
  const owner = input.env.directory.person(after.data.ownerId)?.name ?? after.data.ownerId;
  const base = { ref: after.ref, title: after.title };
  const tell = (messageKey: Notification['messageKey'], params: Notification['params'], withCard: boolean) =>
    audience.map((to): Notification => ({ to, messageKey, params: { ...base, ...params }, withCard }));
  const notes: Notification[] = [];
  for (const change of changedLevels(before.indicators, after.data.indicators)) {
    const { indicator, from, to } = change;
    const reading = latestReading(indicator);
    const value = reading ? formatValue(reading.value, indicator.unit) : '—';
    if (alertRank(to) > alertRank(from)) {
      const threshold = formatValue(indicator.thresholds[to!], indicator.unit);
      const params = { indicator: indicator.name, value, colour: colour(to), threshold, owner };
      // Below the risk's colour, an indicator's rise is news but asks for no new acknowledgement.
      if (raisesAlert(before.alertLevel, after.data.alertLevel)) notes.push(...tell('risk.notify.raised', params, true));
      else notes.push(...tell('risk.notify.indicatorRaised', { ...params, alert: colour(after.data.alertLevel) }, false));
    } else if (after.data.alertLevel !== null) {
      notes.push(...tell('risk.notify.eased', { indicator: indicator.name, value, level: colour(to), colour: colour(after.data.alertLevel) }, false));
    } else {
      notes.push(...tell('risk.notify.recovered', { indicator: indicator.name, value }, false));
    }
  }
  return notes;
}

/** Indicators whose colour differs from before; a new indicator counts as coming from normal. */
function changedLevels(before: readonly Indicator[], after: readonly Indicator[]) {
  const previous = new Map(before.map((i) => [i.key, i.level]));
  return after.flatMap((indicator) => {
    const from = previous.get(indicator.key) ?? null;
    return from === indicator.level ? [] : [{ indicator, from, to: indicator.level }];
  });
}
