import type { Grade, RiskResponse, RiskSettings } from '../../config/workflow-schemas/risk.js';

/** The assessed level (§5.1.2) of a likelihood and an impact, by the configured matrix. */
export function assessedLevel(settings: Pick<RiskSettings, 'matrix'>, likelihood: Grade, impact: Grade): Grade {
  return settings.matrix[likelihood][impact];
}

/** The response the policy suggests (§5.2) for a likelihood and an impact, by the configured table. */
export function suggestedResponse(settings: Pick<RiskSettings, 'responses'>, likelihood: Grade, impact: Grade): RiskResponse {
  return settings.responses[likelihood][impact];
}

const GRADE_RANK: Record<Grade, number> = { high: 3, medium: 2, low: 1 };

/** High before medium before low. */
export function compareGrades(a: Grade, b: Grade): number {
  return GRADE_RANK[b] - GRADE_RANK[a];
}
