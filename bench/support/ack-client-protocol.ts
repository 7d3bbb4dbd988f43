import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** A request ready to go: signed (and for Feishu encrypted) by the benchmark. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface AckRequest extends PreparedRequest {
  id: number;
}

/** `start` and `end` are epoch milliseconds with sub-millisecond precision, comparable across processes. */
export interface AckAnswer {
  id: number;
  status: number;
  body: string;
  start: number;
  end: number;
}

export interface AckClient {
  post(request: PreparedRequest): Promise<AckAnswer>;
  close(): void;
}

/** Starts bench/support/ack-client.ts in a child process; one request at a time. */
export async function startAckClient(): Promise<AckClient> {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'ack-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((ready, failed) => {
    child.once('spawn', ready);
    child.once('error', failed);
  });
  let counter = 0;
  const waiting = new Map<number, (answer: AckAnswer) => void>();
  child.on('message', (answer: AckAnswer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  return {
    post(request) {
      const id = ++counter;
      return new Promise((answered) => {
        waiting.set(id, answered);
        child.send({ ...request, id } satisfies AckRequest);
      });
    },
    close: () => child.kill(),
  };
}

/** Epoch milliseconds with sub-millisecond precision, as the client reports them. */
export const epochNow = () => performance.timeOrigin + performance.now();
