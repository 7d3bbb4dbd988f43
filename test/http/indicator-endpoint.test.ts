import { request } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatActionId } from '../../src/cards/action-id.js';
import type { BatonConfig } from '../../src/config/schema.js';
import { startHttpServer, type HttpServer } from '../../src/http/http-server.js';
import { createLogger } from '../../src/logger.js';
import { createIndicatorEndpoint, MAX_BODY_BYTES } from '../../src/risk/indicator-endpoint.js';
import { exampleConfig } from '../support/env.js';
import { createHarness, type Harness } from '../support/harness.js';

const ERP_TOKEN = 'erp-7f3k9q2m5x8v1c4b';
const CRM_TOKEN = 'crm-2w6e9r4t7y1u3i5o';
const config: BatonConfig = {
  ...exampleConfig,
  workflows: {
    ...exampleConfig.workflows,
    risk: {
      ...exampleConfig.workflows.risk,
      sources: [
        { id: 'erp', tokenEnv: 'BATON_SOURCE_ERP_TOKEN' },
        { id: 'crm', tokenEnv: 'BATON_SOURCE_CRM_TOKEN', risks: ['RSK-2'] },
        { id: 'weak', tokenEnv: 'BATON_SOURCE_WEAK_TOKEN' },
        { id: 'unset', tokenEnv: 'BATON_SOURCE_UNSET_TOKEN' },
      ],
    },
  },
};

let h: Harness;
let server: HttpServer;
let logs: string;

beforeEach(async () => {
  h = await createHarness(); // Monday 2026-11-30 10:00 in Shanghai
  logs = '';
  const destination = new PassThrough();
  destination.on('data', (chunk) => (logs += chunk));
  const endpoint = createIndicatorEndpoint({
    baton: h.baton,
    config,
    logger: createLogger({ level: 'info', destination }),
    environment: { BATON_SOURCE_ERP_TOKEN: ERP_TOKEN, BATON_SOURCE_CRM_TOKEN: CRM_TOKEN, BATON_SOURCE_WEAK_TOKEN: 'short' },
  });
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: [endpoint] });
  // RSK-1 (IT, owned by 陈杰) with a disk indicator; RSK-2 for the CRM's allowance.
  await h.act('chen.jie', { type: 'command', name: 'risk', args: 'category=technical title="Mail server disk" description="The spool fills the disk" likelihood=medium impact=high' });
  const risk = await h.db.workflowInstance.findFirstOrThrow();
  await h.act('chen.jie', {
    type: 'submit',
    formId: formatActionId({ instanceId: risk.id, event: 'indicator', version: risk.version }),
    values: { key: 'disk', name: 'Disk usage', unit: '%', direction: 'above', yellow: '70', orange: '85', red: '95' },
  });
  await h.act('zhang.wei', { type: 'command', name: 'risk', args: 'category=credit title="Late payer" description="Acme pays late" likelihood=low impact=low' });
});
afterEach(async () => {
  await server.close();
  await h.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

function call(options: { method?: string; token?: string | null; authorization?: string; contentType?: string; body?: string | Buffer }): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (options.token !== null) headers.authorization = `Bearer ${options.token ?? ERP_TOKEN}`;
  headers['content-type'] = options.contentType ?? 'application/json';
  const payload = options.body ?? '';
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/indicators`, { method: options.method ?? 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const push = (value: unknown, extra: Record<string, unknown> = {}, token?: string) =>
  call({ token, body: JSON.stringify({ risk: 'RSK-1', indicator: 'disk', value, ...extra }) });

async function riskRow(number = 1) {
  return h.db.workflowInstance.findFirstOrThrow({ where: { number } });
}

describe('POST /api/indicators', () => {
  it('records a value as the source, raises the alert and later clears it, exactly like /risk value', async () => {
    const raised = await push(96.5);
    expect(raised).toMatchObject({ status: 200, body: { risk: 'RSK-1', indicator: 'disk', value: 96.5, level: 'red', alertLevel: 'red', state: 'alert' } });
    await h.scheduler.settle();
    expect(h.platform.sent.filter((s) => s.to === '#it' && s.card?.tone === 'red')).toHaveLength(1);
    expect(h.platform.sent.filter((s) => s.to === '@chen.jie' && /raised a red alert/.test(s.text ?? ''))).toHaveLength(1);

    const cleared = await push(40, { at: '2026-11-30T10:00:00+08:00' });
    expect(cleared.body).toMatchObject({ level: 'normal', alertLevel: null, state: 'open' });
    await h.scheduler.settle();
    expect(h.platform.sent.filter((s) => /recovered/.test(s.text ?? ''))).toHaveLength(1);

    const audit = await h.db.auditEntry.findMany({ where: { event: 'reading' }, orderBy: { version: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.data])).toEqual([
      [null, { indicator: 'disk', value: '96.5', source: 'erp' }],
      [null, { indicator: 'disk', value: '40', source: 'erp', at: '2026-11-30T02:00:00.000Z' }],
    ]);
    const data = (await riskRow()).data as { indicators: Array<{ readings: Array<{ by: string }> }> };
    expect(data.indicators[0]!.readings.map((r) => r.by)).toEqual(['source:erp', 'source:erp']);
  });

  it('wants the token of a configured source, never logging it', async () => {
    const missing = await call({ token: null, body: '{}' });
    expect(missing).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="baton"');
    const wrong = await push(99, {}, 'erp-0000000000000000');
    expect(wrong).toMatchObject({ status: 401, body: { error: 'unauthorized', message: 'The token is not that of a configured source.' } });
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="baton", error="invalid_token"');
    expect((await call({ authorization: `Basic ${Buffer.from(`erp:${ERP_TOKEN}`).toString('base64')}`, body: '{}' })).status).toBe(401);
    // A configured token shorter than 16 characters is refused, as if unset.
    expect((await push(99, {}, 'short')).status).toBe(401);
    expect(logs).toContain('"source":"weak"');
    expect(logs).toContain('"source":"unset"');
    expect(logs).not.toContain(ERP_TOKEN);
    expect(logs).not.toContain('erp-0000000000000000');
    expect(logs.match(/indicator push refused/g)).toHaveLength(4);
    expect((await riskRow()).version).toBe(2);
  });

  it('keeps a source to the risks it is allowed', async () => {
    const other = await push(99, {}, CRM_TOKEN);
    expect(other).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'Source "crm" may not report on RSK-1.' } });
    // Its own risk exists but has no such indicator.
    const own = await call({ token: CRM_TOKEN, body: JSON.stringify({ risk: 'rsk-2', indicator: 'days-late', value: 3 }) });
    expect(own).toMatchObject({ status: 404, body: { error: 'unknown-indicator', message: 'RSK-2 has no indicator "days-late"; its indicators: none yet.' } });
    expect(logs).toContain('"source":"crm"');
    expect((await riskRow()).version).toBe(2);
  });

  it('answers each kind of bad request with its own 4xx and a reason, recording nothing', async () => {
    const cases: Array<[Promise<Answer>, number, string]> = [
      [call({ method: 'GET' }), 405, 'method-not-allowed'],
      [call({ contentType: 'text/plain', body: '{"risk":"RSK-1","indicator":"disk","value":99}' }), 415, 'unsupported-media-type'],
      [call({ contentType: 'application/json; charset=latin1', body: '{}' }), 415, 'unsupported-media-type'],
      [call({ body: Buffer.alloc(MAX_BODY_BYTES + 1, 32) }), 413, 'too-large'],
      [call({ body: '{"risk": "RSK-1", "value": 9' }), 400, 'malformed-json'],
      [call({ body: Buffer.from([0x7b, 0xff, 0x7d]) }), 400, 'malformed-json'],
      [push(99, { risk: 'RSK-9' }), 404, 'unknown-risk'],
      [push(99, { indicator: 'cpu' }), 404, 'unknown-indicator'],
    ];
    for (const [answer, status, error] of cases) expect(await answer, `${status} ${error}`).toMatchObject({ status, body: { error } });
    expect((await call({ method: 'PUT' })).headers.allow).toBe('POST');
    expect((await riskRow()).version).toBe(2);
  });

  it('lists every field problem at once with 422', async () => {
    const answer = await call({ body: JSON.stringify({ risk: 'REQ-1', indicator: 'Disk Usage!', value: '99', at: 'now', extra: true }) });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      error: 'invalid-fields',
      message: 'Some fields are wrong.',
      problems: [
        { field: 'extra', message: 'unknown field; the fields are risk, indicator, value, at' },
        { field: 'risk', message: 'expected a risk reference like "RSK-3", got "REQ-1"' },
        { field: 'indicator', message: 'expected an indicator key like "overdue-receivables", got "Disk Usage!"' },
        { field: 'value', message: 'expected a number like 12.5, got a string' },
        { field: 'at', message: 'expected an ISO time with its zone, like "2026-12-01T09:30:00+08:00"' },
      ],
    });
    const future = await push(50, { at: '2026-11-30T11:00:00+08:00' });
    expect(future.body.problems).toEqual([{ field: 'at', message: 'expected a time that has passed; 2026-11-30T11:00:00+08:00 is in the future' }]);
    expect((await call({ body: '[1, 2]' })).body.problems).toEqual([{ field: '(body)', message: 'expected a JSON object with risk, indicator and value, got a list' }]);
    expect((await riskRow()).version).toBe(2);
  });

  it('refuses values for a closed risk with 409', async () => {
    const risk = await riskRow();
    await h.act('chen.jie', { type: 'submit', formId: formatActionId({ instanceId: risk.id, event: 'close', version: risk.version }), values: { reason: 'Moved to the cloud' } });
    expect(await push(99)).toMatchObject({ status: 409, body: { error: 'risk-closed', message: 'RSK-1 is closed; it takes no more values.' } });
  });
});
