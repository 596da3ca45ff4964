import { afterAll, beforeAll, describe } from 'vitest';
import { describeConformance } from './suite-conformance.test-helper';
import { describeFaults } from './suite-faults.test-helper';
import { describeReading } from './suite-read.test-helper';
import { describeRestarts } from './suite-restart.test-helper';
import { describeSecurity } from './suite-security.test-helper';
import type { SftpTestServer } from './test-servers.test-helper';

/**
 * The one suite both servers run (the unstorage habit: one driver test suite, many drivers):
 * reading, host keys and credentials, faults, restarts, and the core conformance checks.
 */
export function describeSftpSuite(name: string, start: () => Promise<SftpTestServer>): void {
  describe(`@recon/sftp against ${name}`, () => {
    let server: SftpTestServer | undefined;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(async () => {
      await server?.close();
    });
    const ctx = {
      server(): SftpTestServer {
        if (!server) throw new Error(`${name} did not start`);
        return server;
      },
    };
    describeReading(ctx);
    describeSecurity(ctx);
    describeFaults(ctx);
    describeRestarts(ctx);
    describeConformance(ctx);
  });
}
