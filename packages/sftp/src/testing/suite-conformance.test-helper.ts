import { describe, it } from 'vitest';
import type { Connector, ConnectorOptions } from '@recon/core';
import {
  checkAbortBetweenPages,
  checkBadCredentials,
  checkConnectionOk,
  checkFullRead,
  checkInvalidRecords,
  checkNoSecretLeak,
  checkResumeFromEveryCursor,
  type ConformanceFixture,
  type SandboxServer,
} from '@recon/core/testing';
import type { SftpCursor } from '../connector/cursor';
import { createMemoryLedgerStore, type MemoryLedgerStore } from '../ledger/memory-ledger-store';
import { allIds, invalidCount, statementFiles } from './statement-files.test-helper';
import { connectorFor, testFolder, writeFiles, type SuiteContext } from './suite-context.test-helper';
import type { SftpTestServer } from './test-servers.test-helper';

/**
 * The core suite is written for HTTP sandboxes; its fault controller and request log have no
 * SFTP meaning, so they are inert here. The SFTP faults have their own tests (suite-faults).
 */
function inertHttpSandbox(server: SftpTestServer): SandboxServer {
  return {
    name: server.name,
    url: `sftp://${server.host}:${server.port}`,
    faults: { inject: () => undefined, clear: () => undefined, active: [], appliedCount: () => 0, next: () => undefined },
    requests: [],
    clearRequests: () => undefined,
    waitForRequest: () => new Promise(() => undefined),
    close: async () => undefined,
  };
}

/**
 * The suite assumes a read without a cursor starts from the beginning, as it does for an API.
 * For SFTP, "the beginning" is an empty ledger (a new deployment on the same inbox), so such a
 * read starts with the ledger cleared. A read with a cursor keeps the ledger: that is how
 * resuming from every checkpoint replays what came after it.
 */
function startingOver(connector: Connector<SftpCursor>, ledger: MemoryLedgerStore): Connector<SftpCursor> {
  return {
    id: connector.id,
    version: connector.version,
    redact: connector.redact,
    check: (options) => connector.check(options),
    read(options = {}) {
      if (options.cursor === undefined) ledger.clear();
      return connector.read(options);
    },
    close: () => connector.close(),
  };
}

/** The checks of @recon/core's connector conformance suite that apply to a file connector. */
export function describeConformance(ctx: SuiteContext): void {
  describe('core connector conformance', () => {
    let fixture: ConformanceFixture<SftpCursor> | undefined;
    const ready = async (): Promise<ConformanceFixture<SftpCursor>> => {
      if (fixture) return fixture;
      const server = ctx.server();
      const folder = await testFolder(server, 'conformance');
      const files = statementFiles({ count: 4, corrupt: true });
      await writeFiles(server, folder, files);
      const make = (auth: SftpTestServer['auth']) => (options?: ConnectorOptions) => {
        const ledger = createMemoryLedgerStore();
        return startingOver(connectorFor(server, folder, { ...auth, ledger }, options), ledger);
      };
      fixture = {
        connector: make(server.auth)(),
        sandbox: inertHttpSandbox(server),
        expected: { ids: allIds(files) },
        invalidCount: invalidCount(files),
        secrets: server.secrets,
        makeConnector: make(server.auth),
        makeWithBadCredentials: make(server.wrongAuth),
      };
      return fixture;
    };
    const checks: Array<[string, (f: ConformanceFixture<SftpCursor>) => Promise<void>]> = [
      ['check() resolves ok:true', checkConnectionOk],
      ['check() resolves ok:false (kind auth) with wrong credentials, never throws', checkBadCredentials],
      ['a full read yields exactly the expected ids, once each, ending on a checkpoint', checkFullRead],
      ['invalid rows and unparseable files become invalid messages with raw payload and InvalidDataError', checkInvalidRecords],
      ['resuming from every checkpoint gives no gap and no duplicate', checkResumeFromEveryCursor],
      ['abort after a checkpoint stops the read', (f) => checkAbortBetweenPages(f)],
      ['no secret in output, logs, check results or errors', checkNoSecretLeak],
    ];
    for (const [title, run] of checks) it(title, async () => run(await ready()), 60_000);
  });
}
