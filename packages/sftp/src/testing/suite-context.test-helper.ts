import { join } from 'node:path';
import type { ConnectorMessage, ConnectorOptions } from '@recon/core';
import { sftp } from '../connector/sftp-connector';
import type { SftpCursor } from '../connector/cursor';
import type { SftpConfig } from '../config';
import { createMemoryLedgerStore } from '../ledger/memory-ledger-store';
import type { SftpTestServer } from './test-servers.test-helper';
import type { TestFile } from './statement-files.test-helper';

/** What each part of the shared suite gets: the server of the current run (set in beforeAll). */
export interface SuiteContext {
  server(): SftpTestServer;
}

/** A test's own folder on the server, with an inbox already there. */
export interface TestFolder {
  local: string;
  remote: string;
  inboxLocal: string;
  inboxRemote: string;
}

/** A fresh folder with `inbox/` for one test. */
export async function testFolder(server: SftpTestServer, name: string): Promise<TestFolder> {
  const { local, remote } = await server.folder(name);
  const inboxLocal = join(local, 'inbox');
  await server.mkdir(inboxLocal);
  return { local, remote, inboxLocal, inboxRemote: `${remote}/inbox` };
}

/** Write dataset files into the inbox with their mtimes. */
export async function writeFiles(server: SftpTestServer, folder: TestFolder, files: readonly TestFile[]): Promise<void> {
  for (const file of files) await server.write(join(folder.inboxLocal, file.name), file.content, file.mtime);
}

/**
 * Config for a connector on `server` reading `folder`'s inbox: valid credentials, the host key
 * pinned, no stability wait (tests that need one set it), quick retries, an in-memory ledger.
 */
export function baseConfig(server: SftpTestServer, folder: TestFolder, overrides: Partial<SftpConfig> = {}): SftpConfig {
  return {
    host: server.host,
    port: server.port,
    username: server.username,
    ...server.auth,
    hostKey: server.hostKeyFingerprint,
    remoteDir: folder.inboxRemote,
    ledger: createMemoryLedgerStore(),
    stabilityIntervalMs: 0,
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  } as SftpConfig;
}

/** A connector for `server` and `folder`. */
export function connectorFor(server: SftpTestServer, folder: TestFolder, overrides: Partial<SftpConfig> = {}, options?: ConnectorOptions) {
  return sftp(baseConfig(server, folder, overrides), options);
}

/** Everything a read yielded, or what it threw. */
export interface Drained {
  messages: ConnectorMessage<SftpCursor>[];
  ids: string[];
  invalid: Extract<ConnectorMessage<SftpCursor>, { type: 'invalid' }>[];
  states: SftpCursor[];
  error?: unknown;
}

/** Read to the end (or the first throw), never throwing. */
export async function drain(source: AsyncIterable<ConnectorMessage<SftpCursor>>): Promise<Drained> {
  const out: Drained = { messages: [], ids: [], invalid: [], states: [] };
  try {
    for await (const message of source) {
      out.messages.push(message);
      if (message.type === 'record') out.ids.push(message.txn.txn_id);
      else if (message.type === 'invalid') out.invalid.push(message);
      else out.states.push(message.cursor);
    }
  } catch (error) {
    out.error = error;
  }
  return out;
}
