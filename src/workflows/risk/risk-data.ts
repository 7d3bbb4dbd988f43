import type { AlertLevel, Grade, RiskCategory, RiskResponse } from '../../config/workflow-schemas/risk.js';
import type { Indicator } from './indicators.js';

/**
 * A risk in the register (風險清單, §5.1.3). Other features read `category`, `level`,
 * `alertLevel` and `ownerId` (meeting agendas list red and orange risks; reports count them):
 * their names and meanings are a contract.
 */
export interface RiskData {
  category: RiskCategory;
  description: string;
  likelihood: Grade;
  impact: Grade;
  /** The assessed level: likelihood × impact by the configured matrix. */
  level: Grade;
  /** What the policy's table suggests for likelihood × impact (§5.2). */
  suggestedResponse: RiskResponse;
  /** What the owner chose; the suggestion unless they chose otherwise. */
  response: RiskResponse;
  measures: string | null;
  ownerId: string;
  /** Head of the risk's department when it was registered or last reviewed: may close it. */
  headId: string | null;
  /** YYYY-MM-DD. */
  nextReview: string;
  indicators: Indicator[];
  /** The worst colour among the indicators now; null while every one is normal. */
  alertLevel: AlertLevel | null;
  /** The owner's answer to the current alert; cleared when a new alert is raised. */
  acknowledgement: { by: string; at: string; note: string } | null;
  lastReview: { by: string; on: string; note: string | null } | null;
  closing: { by: string; at: string; reason: string } | null;
}
