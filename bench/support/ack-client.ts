// The platform's side of an acknowledgement benchmark, in a process of its own: Slack and
// Feishu are other machines, so the time Baton spends after answering must not delay the
// client's reading of the answer, as it would if both shared one event loop. It posts each
// request it is sent (over IPC) and reports when the answer had fully arrived.
import type { AckRequest, AckAnswer } from './ack-client-protocol.js';

const now = () => performance.timeOrigin + performance.now();

process.on('message', (request: AckRequest) => {
  void (async () => {
    const start = now();
    try {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
      const body = await response.text();
      const answer: AckAnswer = { id: request.id, status: response.status, body, start, end: now() };
      process.send!(answer);
    } catch (error) {
      const answer: AckAnswer = { id: request.id, status: 0, body: error instanceof Error ? error.message : String(error), start, end: now() };
      process.send!(answer);
    }
  })();
});
