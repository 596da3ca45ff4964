// A free TCP port on a host, for the servers the test scripts start (Kafka, sshd).
import { createServer } from 'node:net';

/**
 * A free TCP port on `host`: the OS picks it, and it is released before the caller's server binds it.
 * @param {string} host
 * @returns {Promise<number>}
 */
export function freePort(host) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}
