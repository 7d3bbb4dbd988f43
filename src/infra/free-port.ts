// Servers we spawn (PostgreSQL, Redis) take a port number, not a listening socket, so we ask
// the kernel for an unused loopback port and hand the number over. Another process could grab
// it in between; callers that care retry on "address in use".
import { createServer } from 'node:net';

export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}
