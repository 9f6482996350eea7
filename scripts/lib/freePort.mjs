// The one free-port helper of the repository: `npm test`, the test support code and the benchmarks all use it.
import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: bound to port 0, then released. Nothing listens on it when
 * this resolves, so connecting to it is refused until something else binds it.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    // A probe must never keep a process alive that is otherwise done.
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
