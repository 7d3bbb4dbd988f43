import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlaygroundRig, type PlaygroundRig } from '../support/web-playground.js';

let rig: PlaygroundRig;
beforeAll(async () => {
  rig = await startPlaygroundRig({ browser: false });
});
afterAll(async () => {
  await rig?.close();
});

interface Answer {
  status: number;
  body: any; // JSON, as the page receives it
}

/** One HTTP call as a browser on this machine would make it; `headers` override the defaults. */
function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: rig.server.port, method, path, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : text }));
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** The events one page receives, collected until `stop()`. */
async function listen(as: string) {
  const events: Array<{ event: string; data: any }> = []; // JSON, as the page receives it
  const res = await new Promise<IncomingMessage>((done, fail) =>
    request({ host: '127.0.0.1', port: rig.server.port, path: `/api/events?as=${as}` }, done).on('error', fail).end(),
  );
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  });
  return { events, stop: () => res.destroy() };
}

const command = (as: string, conversation: string, text: string) => call('POST', '/api/command', { as, conversation, text });

describe('web playground API', () => {
  it('keeps direct messages and private answers to the person they are for, in pages and live streams', async () => {
    const zhang = await listen('zhang.wei');
    const li = await listen('li.na');
    const filed = await command('zhang.wei', '#sales', '/request matter=Toner content=Cartridges goal=Printing by=2026-12-20 dept=finance');
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ kind: 'posted', message: { conversationId: '#sales', onlyFor: 'zhang.wei', text: '已提交 REQ-1，已通知综合管理部审核。' } });

    const own = await call('GET', '/api/messages?as=zhang.wei&conversation=%40zhang.wei');
    expect(own.body.map((m: { text?: string }) => m.text)).toEqual(['您的需求 REQ-1。此卡片会随进展实时更新。']);
    const peek = await call('GET', '/api/messages?as=li.na&conversation=%40zhang.wei');
    expect(peek.status).toBe(400);
    // What 张伟 typed in #sales, and Baton's answer, are his alone; the channel stays empty for others.
    expect((await call('GET', '/api/messages?as=zhang.wei&conversation=%23sales')).body).toHaveLength(2);
    expect((await call('GET', '/api/messages?as=sun.li&conversation=%23sales')).body).toEqual([]);

    await expect.poll(() => li.events.filter((e) => e.event === 'message').length).toBe(1);
    expect(li.events[0]!.data).toMatchObject({ conversationId: '#general-management', cards: [{ title: 'REQ-1 · Toner' }] });
    expect(zhang.events.map((e) => e.data.conversationId)).toEqual(['#sales', '#sales', '#general-management', '@zhang.wei']);
    zhang.stop();
    li.stop();
  });

  it('returns a form’s problems for the fields they concern, saving nothing', async () => {
    const before = await rig.h.db.workflowInstance.count();
    const opened = await command('tang.qian', '@tang.qian', '/request');
    expect(opened.body).toMatchObject({ kind: 'form', form: { id: 'cmd:request' } });
    const values = { matter: '', content: 'x', goal: 'y', requiredBy: '2020-01-01', suggestedDepartment: 'nowhere' };
    const sent = await call('POST', '/api/submit', { as: 'tang.qian', conversation: '@tang.qian', formId: 'cmd:request', values });
    expect(sent.body.kind).toBe('invalid');
    expect(sent.body.fieldErrors).toEqual([
      { field: 'matter', text: '协作事项：必填。' },
      { field: 'requiredBy', text: '要求完成日期：不能早于今天（今天是 2026-11-30）。' },
      expect.objectContaining({ field: 'suggestedDepartment' }),
    ]);
    expect(await rig.h.db.workflowInstance.count()).toBe(before);
  });

  it('refuses what another web page could make a browser send, and nonsense, saying why', async () => {
    const body = { as: 'zhang.wei', conversation: '@zhang.wei', text: '/my' };
    expect((await call('POST', '/api/command', body, { 'content-type': 'text/plain' })).status).toBe(403);
    expect((await call('POST', '/api/command', body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('GET', '/api/session', undefined, { host: `evil.example:${rig.server.port}` })).status).toBe(403);
    expect((await call('GET', '/api/session?as=zhang.wei', undefined, { host: `localhost:${rig.server.port}` })).status).toBe(200);
    expect((await call('POST', '/api/command', body, { origin: `http://127.0.0.1:${rig.server.port}` })).status).toBe(200);

    const nobody = await command('nobody', '@nobody', '/my');
    expect(nobody).toEqual({ status: 400, body: { error: '名录中没有“nobody”。' } });
    const elsewhere = await command('chen.jie', '#nowhere', '/my');
    expect(elsewhere.status).toBe(400);
    const malformed = await call('POST', '/api/press', { as: 'chen.jie' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/^演示页面无法理解该请求：conversation: /);
    expect((await call('GET', '/files/no-such-file')).status).toBe(404);
    expect((await call('GET', '/assets/../messages.ts')).status).toBe(404);
  });
});
