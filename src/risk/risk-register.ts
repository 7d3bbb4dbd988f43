import { grades } from '../config/workflow-schemas/risk.js';
import { toInstance } from '../engine/instance-row.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Instance } from '../workflows/definition.js';
import { alertRank } from '../workflows/risk/indicators.js';
import type { RiskData } from '../workflows/risk/risk-data.js';
import { riskWorkflow } from '../workflows/risk/risk.js';

/** The risk register (風險清單, §5.1.3) as a list: what `/risk list` shows. */
export interface RiskRegister {
  /**
   * Every risk not closed, most alarming first: red, orange, yellow, then no alert; within
   * each, high before medium before low; then oldest first. Callers filter what a reader may see.
   */
  open(): Promise<Array<Instance<RiskData>>>;
}

export function createRiskRegister(db: PrismaClient): RiskRegister {
  return {
    async open() {
      const rows = await db.workflowInstance.findMany({ where: { kind: riskWorkflow.kind, closedAt: null }, orderBy: { number: 'asc' } });
      return rows.map((row) => toInstance(row) as Instance<RiskData>).sort(mostAlarmingFirst);
    },
  };
}

export function mostAlarmingFirst(a: Instance<RiskData>, b: Instance<RiskData>): number {
  return (
    alertRank(b.data.alertLevel) - alertRank(a.data.alertLevel) ||
    grades.indexOf(a.data.level) - grades.indexOf(b.data.level) ||
    a.number - b.number
  );
}
