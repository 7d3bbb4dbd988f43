import { expect } from 'vitest';
import type { Baton } from '../../src/app.js';
import type { BatonConfig } from '../../src/config/schema.js';
import { startHttpServer } from '../../src/http/http-server.js';
import { createLogger } from '../../src/logger.js';
import { createIndicatorEndpoint } from '../../src/risk/indicator-endpoint.js';
import { exampleConfig } from './env.js';

const TOKEN = 'monitoring-5b8d1f4a9c2e7';

/** The example company with one monitoring system allowed to push indicator values. */
export const configWithMonitoring: BatonConfig = {
  ...exampleConfig,
  workflows: { ...exampleConfig.workflows, risk: { ...exampleConfig.workflows.risk, sources: [{ id: 'monitoring', tokenEnv: 'BATON_SOURCE_MONITORING_TOKEN' }] } },
};

export interface IndicatorSource {
  /** Pushes one value as the monitoring system does, over HTTP, and waits for what it sets off. */
  push(risk: string, indicator: string, value: number): Promise<void>;
  close(): Promise<void>;
}

/** `POST /api/indicators` on a loopback port, for Baton's core under test, with the monitoring source's token. */
export async function startIndicatorSource(baton: Baton, settle: () => Promise<void>): Promise<IndicatorSource> {
  const endpoint = createIndicatorEndpoint({
    baton, config: configWithMonitoring, logger: createLogger({ level: 'silent' }), environment: { BATON_SOURCE_MONITORING_TOKEN: TOKEN },
  });
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: [endpoint] });
  return {
    async push(risk, indicator, value) {
      const res = await fetch(`${server.url}/api/indicators`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ risk, indicator, value }),
      });
      expect(res.status).toBe(200);
      await settle();
    },
    close: () => server.close(),
  };
}
