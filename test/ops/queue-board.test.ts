import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpsDeps } from '../../src/ops/ops-routes.js';
import { createHarness, type Harness } from '../support/harness.js';
import { capturingLogger, serveOps, type OpsServer } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const USER = 'ops';
const PASSWORD = 'correct horse battery staple';
const TOKEN = 'board-token-0123456789abcdef0123';
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

async function withBoard(settings: OpsDeps['settings'], run: (server: OpsServer) => Promise<void>) {
  const server = await serveOps(h, { settings });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

describe('the queue board at /admin/queues', () => {
  it('asks for credentials, and refuses wrong ones', async () => {
    await withBoard({ BATON_ADMIN_USER: USER, BATON_ADMIN_PASSWORD: PASSWORD }, async (server) => {
      const anonymous = await server.get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="baton-admin"/);
      expect(anonymous.body).not.toContain('timers');
      expect((await server.get('/admin/queues', basic(USER, 'wrong password'))).status).toBe(401);
      expect((await server.get('/admin/queues', basic('someone', PASSWORD))).status).toBe(401);
      // The board's API and assets are behind the same door as its page.
      expect((await server.get('/admin/queues/api/queues')).status).toBe(401);
    });
  });

  it('shows the page and every Baton queue to the admin', async () => {
    await h.act('zhang.wei', { type: 'command', name: 'request', args: 'matter=Toner content=Two goal=Print by=2026-12-15 dept=it' });
    await withBoard({ BATON_ADMIN_USER: USER, BATON_ADMIN_PASSWORD: PASSWORD }, async (server) => {
      const page = await server.get('/admin/queues', basic(USER, PASSWORD));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.body).toContain('<title>Baton queues</title>');
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.body)![1];
      expect((await server.get(`/admin/queues/${script}`, basic(USER, PASSWORD))).status).toBe(200);
      expect((await server.get(`/admin/queues/${script}`)).status).toBe(401);

      const api = await server.get('/admin/queues/api/queues?activeQueue=timers&status=delayed&page=1', basic(USER, PASSWORD));
      expect(api.status).toBe(200);
      const { queues } = JSON.parse(api.body) as { queues: Array<{ name: string; readOnlyMode: boolean; counts: Record<string, number> }> };
      expect(queues.map((q) => q.name).sort()).toEqual(['deliveries', 'recurring', 'timers']);
      // Read-only: jobs are the shadow of PostgreSQL rows, not something to edit by hand.
      expect(queues.every((q) => q.readOnlyMode)).toBe(true);
      expect(queues.find((q) => q.name === 'timers')!.counts.delayed).toBe(2);
    });
  });

  it('accepts a bearer token instead of a password', async () => {
    await withBoard({ BATON_ADMIN_TOKEN: TOKEN }, async (server) => {
      expect((await server.get('/admin/queues', { authorization: 'Bearer nope' })).status).toBe(401);
      expect((await server.get('/admin/queues', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    });
  });

  it('is not served at all without admin credentials, and says so at start', async () => {
    const { logger, lines } = capturingLogger();
    const server = await serveOps(h, { logger });
    try {
      expect((await server.get('/admin/queues')).status).toBe(404);
      expect((await server.get('/admin/queues/api/queues')).status).toBe(404);
      expect(lines()).toContain('queue board off: set BATON_ADMIN_USER and BATON_ADMIN_PASSWORD, or BATON_ADMIN_TOKEN');
    } finally {
      await server.close();
    }
  });
});
