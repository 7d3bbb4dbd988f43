import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Baton } from '../app.js';
import type { BatonConfig } from '../config/schema.js';
import { isBatonError } from '../errors.js';
import type { Route } from '../http/http-server.js';
import { translate } from '../i18n/translate.js';
import type { Logger } from '../logger.js';
import type { Instance } from '../workflows/definition.js';
import type { RiskData } from '../workflows/risk/risk-data.js';
import { riskWorkflow } from '../workflows/risk/risk.js';
import { checkPush, type IndicatorPush, type Problem } from './push-body.js';
import { isJsonContentType, readJson } from './read-json.js';
import { createSourceAuth } from './source-auth.js';

export const INDICATORS_PATH = '/api/indicators';
/** One value is a few dozen bytes; anything near this is not a value. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A refusal: its status, a stable code for programs, a sentence for people, and field problems. */
class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly extra: { problems?: Problem[]; headers?: Record<string, string> } = {},
  ) {}
}

/**
 * `POST /api/indicators`: other systems push one indicator value per call, authenticated by
 * their source's bearer token. The value goes through the same `reading` event as
 * `/risk value` (actor: the system, audited with the source id), so it raises, eases and
 * clears alerts alike. Every refusal is a 4xx with a JSON body saying why, is logged without
 * the token, and changes nothing.
 */
export function createIndicatorEndpoint(deps: {
  baton: Baton;
  config: BatonConfig;
  logger: Logger;
  /** Where the sources' tokens are read from: `process.env` in production. */
  environment: Readonly<Record<string, string | undefined>>;
}): Route {
  const { baton, logger } = deps;
  const auth = createSourceAuth(deps.config.workflows.risk.sources, deps.environment, logger);

  /** Checks a request down to the risk it names; `seen.source` tells the log who called, once known. */
  async function accept(req: IncomingMessage, seen: { source?: string }) {
    if (req.method !== 'POST') throw new Refusal(405, 'method-not-allowed', 'Use POST.', { headers: { Allow: 'POST' } });
    const header = req.headers.authorization;
    const source = auth.identify(header);
    if (!source) {
      const challenge = header ? 'Bearer realm="baton", error="invalid_token"' : 'Bearer realm="baton"';
      const message = header ? 'The token is not that of a configured source.' : 'Send the source token as "Authorization: Bearer <token>".';
      throw new Refusal(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': challenge } });
    }
    seen.source = source.id;
    if (!isJsonContentType(req.headers['content-type'])) {
      throw new Refusal(415, 'unsupported-media-type', 'Send the body as "Content-Type: application/json".', { headers: { Accept: 'application/json' } });
    }
    const body = await readJson(req, MAX_BODY_BYTES);
    if ('refused' in body) {
      if (body.refused === 'too-large') throw new Refusal(413, 'too-large', `The body may be at most ${MAX_BODY_BYTES} bytes (one value per call).`);
      throw new Refusal(400, 'malformed-json', `The body is not valid JSON: ${body.detail}`);
    }
    const checked = checkPush(body.json, baton.env().now);
    if ('problems' in checked) throw new Refusal(422, 'invalid-fields', 'Some fields are wrong.', { problems: checked.problems });
    const { push } = checked;
    if (source.risks && !source.risks.includes(push.risk)) {
      throw new Refusal(403, 'forbidden', `Source "${source.id}" may not report on ${push.risk}.`);
    }
    return { source: source.id, push, risk: await riskFor(push) };
  }

  async function riskFor(push: IndicatorPush): Promise<Instance<RiskData>> {
    const found = await baton.services.instanceByRef(push.risk);
    if (!found || found.kind !== riskWorkflow.kind) throw new Refusal(404, 'unknown-risk', `There is no risk ${push.risk}.`);
    const risk = found as Instance<RiskData>;
    if (risk.state === 'closed') throw new Refusal(409, 'risk-closed', `${push.risk} is closed; it takes no more values.`);
    if (!risk.data.indicators.some((i) => i.key === push.indicator)) {
      const keys = risk.data.indicators.map((i) => i.key).join(', ') || 'none yet';
      throw new Refusal(404, 'unknown-indicator', `${push.risk} has no indicator "${push.indicator}"; its indicators: ${keys}.`);
    }
    return risk;
  }

  async function record(source: string, push: IndicatorPush, risk: Instance<RiskData>) {
    try {
      const values = { indicator: push.indicator, value: String(push.value), source, ...(push.at ? { at: push.at } : {}) };
      return (await baton.engine.apply({ instanceId: risk.id, event: 'reading', actor: { kind: 'system' }, values })) as Instance<RiskData>;
    } catch (error) {
      // Checked above, but the risk may have moved on in between (closed, indicator changed).
      if (!isBatonError(error)) throw error;
      const message = translate('en', error.messageKey, error.params);
      if (error.code === 'invalid-transition') throw new Refusal(409, 'risk-closed', message);
      if (error.code === 'invalid-input') {
        throw new Refusal(422, 'invalid-fields', message, { problems: error.fieldErrors.map((f) => ({ field: f.field, message: translate('en', f.messageKey, f.params) })) });
      }
      throw new Refusal(error.code === 'not-found' ? 404 : 403, error.code, message);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const seen: { source?: string } = {};
    try {
      const accepted = await accept(req, seen);
      const after = await record(accepted.source, accepted.push, accepted.risk);
      baton.committed();
      const indicator = after.data.indicators.find((i) => i.key === accepted.push.indicator)!;
      logger.info({ source: seen.source, risk: after.ref, indicator: indicator.key, level: indicator.level }, 'indicator value recorded');
      answer(res, 200, { risk: after.ref, indicator: indicator.key, value: accepted.push.value, level: indicator.level ?? 'normal', alertLevel: after.data.alertLevel, state: after.state });
    } catch (error) {
      if (!(error instanceof Refusal)) {
        logger.error({ err: error, source: seen.source }, 'indicator push failed');
        return answer(res, 500, { error: 'internal', message: 'Something went wrong on our side; nothing was recorded.' });
      }
      // Never the token: only who (if known), from where, and why.
      logger.warn({ status: error.status, code: error.code, source: seen.source, remote: req.socket.remoteAddress, reason: error.message }, 'indicator push refused');
      answer(res, error.status, { error: error.code, message: error.message, ...(error.extra.problems ? { problems: error.extra.problems } : {}) }, error.extra.headers);
    }
  }

  return { path: INDICATORS_PATH, listener: (req, res) => void handle(req, res) };
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  // A refused request may still be sending its body: close the connection rather than read it.
  const close = status >= 400 ? { Connection: 'close' } : {};
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...close, ...headers }).end(text);
}
