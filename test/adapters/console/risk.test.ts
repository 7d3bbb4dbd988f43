import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/console-adapter.js';
import type { BatonConfig } from '../../../src/config/schema.js';
import { startHttpServer, type HttpServer } from '../../../src/http/http-server.js';
import { createLogger } from '../../../src/logger.js';
import { createIndicatorEndpoint } from '../../../src/risk/indicator-endpoint.js';
import { exampleConfig } from '../../support/env.js';
import { createHarness, type Harness } from '../../support/harness.js';

const TOKEN = 'monitoring-5b8d1f4a9c2e7';
const config: BatonConfig = {
  ...exampleConfig,
  workflows: { ...exampleConfig.workflows, risk: { ...exampleConfig.workflows.risk, sources: [{ id: 'monitoring', tokenEnv: 'BATON_SOURCE_MONITORING_TOKEN' }] } },
};

let h: Harness;
let server: HttpServer;
beforeEach(async () => {
  h = await createHarness(undefined, { recordingPlatform: false });
  const endpoint = createIndicatorEndpoint({ baton: h.baton, config, logger: createLogger({ level: 'silent' }), environment: { BATON_SOURCE_MONITORING_TOKEN: TOKEN } });
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: [endpoint] });
});
afterEach(async () => {
  await server.close();
  await h.close();
});

/**
 * A scripted playground session whose output is still collected after the script ends, so what
 * a later push delivers shows up in the same transcript, as it would in a running playground.
 */
async function playground(lines: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk) => (transcript += chunk));
  const adapter = createConsoleAdapter({
    baton: h.baton,
    input,
    output,
    interactive: false,
    startAs: h.person('zhang.wei'),
    settle: () => h.scheduler.settle(),
    time: { now: () => h.clock.now(), advance: (ms) => h.advance(ms) },
  });
  h.baton.addAdapter(adapter);
  input.end(`${lines.join('\n')}\n`);
  await adapter.run();
  return { since: (mark: number) => transcript.slice(mark), get length() { return transcript.length; } };
}

async function pushDisk(value: number) {
  const res = await fetch(`${server.url}/api/indicators`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ risk: 'RSK-1', indicator: 'disk', value }),
  });
  expect(res.status).toBe(200);
  await h.scheduler.settle();
}

describe('risks in the console playground', () => {
  it('registers a risk, adds an indicator, and shows a pushed value raising and then clearing a red alert', async () => {
    const session = await playground([
      '/as chen.jie',
      '/risk category=technical title="Mail server disk" description="The spool fills the disk" likelihood=medium impact=high',
      '/my',
      '2', // Add or change an indicator
      'disk',
      'Disk usage',
      '%',
      '1', // alert when it rises
      '70',
      '85',
      '95',
    ]);
    const setUp = session.since(0);
    expect(setUp).toContain('✓ Registered RSK-1: High risk, suggested response "Mitigate". 陈杰 owns it; next review on 2026-12-30.');
    expect(setUp).toMatch(/→ channel #it \(信息技术部\)\n {2}陈杰 登记了风险 RSK-1：Mail server disk（高；建议应对措施：风险降低）。/);
    expect(setUp).toContain('[1] Review ★   [2] Add or change an indicator   [3] Close risk');
    expect(setUp).toContain('✓ RSK-1: "Add or change an indicator" done; now "Monitored".');
    expect(setUp).toContain('│ Disk usage (disk): 正常 · 暂无数值 · ≥ 黄 70 % · 橙 85 % · 红 95 %');

    let mark = session.length;
    await pushDisk(97);
    const alert = session.since(mark);
    expect(alert).toContain('RSK-1 (Mail server disk) raised a red alert: Disk usage is 97 %, past its red threshold of 95 %. The owner, 陈杰, acknowledges it on the card.');
    expect(alert).toMatch(/→ channel #it \(信息技术部\)\n {2}RSK-1（Mail server disk）红色预警：Disk usage 为 97 %，已达红色阈值 95 %。/);
    expect(alert).toContain('┌─ 🔴 RSK-1 · Risk: Mail server disk');
    expect(alert).toContain('Acknowledge alert');

    mark = session.length;
    await pushDisk(97.5);
    expect(session.since(mark)).not.toMatch(/raised|预警：/);

    mark = session.length;
    await pushDisk(50);
    const recovered = session.since(mark);
    expect(recovered).toContain('RSK-1 (Mail server disk) recovered: Disk usage is back to normal at 50 %, and no indicator is past a threshold.');
    expect(recovered).toContain('RSK-1（Mail server disk）已解除预警：Disk usage 恢复正常（50 %），所有指标均未达阈值。');
    // Every printed copy of the card is reprinted, back to normal.
    expect(recovered).toContain('┌─ ℹ RSK-1 · Risk: Mail server disk');
    expect(recovered).not.toContain('🔴');
  });
});
