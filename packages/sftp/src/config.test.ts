import { describe, expect, it } from 'vitest';
import { ConfigError } from '@recon/core';
import { sftp } from './connector/sftp-connector';
import type { SftpConfig } from './config';
import { createMemoryLedgerStore } from './ledger/memory-ledger-store';

const FP = 'SHA256:DMwJlew3Ik7GiGVA3il9uN+dMf/fEY+zqJDh99w2o3E';
const base = (): SftpConfig => ({ host: 'sftp.bank.example', username: 'acme', password: 'pw-123456', hostKey: FP, remoteDir: '/outbox', ledger: createMemoryLedgerStore() });

/** The messages of the ConfigError a config raises (every issue, one per line of details). */
function problems(config: unknown): string[] {
  try {
    sftp(config as SftpConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return ((error as ConfigError).details as { issues: Array<{ path: string[]; message: string }> }).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
  return [];
}

describe('SftpConfig', () => {
  it('accepts a minimal config and fills the defaults', () => {
    expect(problems(base())).toEqual([]);
    expect(sftp.configSchema.parse(base())).toMatchObject({ port: 22, pattern: '*', afterProcessing: 'leave', stabilityIntervalMs: 2000, concurrency: 2, source: 'sftp', dangerouslyAcceptAnyHostKey: false });
  });

  it('requires a host key pin unless the check is turned off by its loud name', () => {
    const { hostKey: _, ...unpinned } = base();
    expect(problems(unpinned)).toEqual([expect.stringMatching(/^hostKey: pin the server's host key/)]);
    expect(problems({ ...unpinned, dangerouslyAcceptAnyHostKey: true })).toEqual([]);
    expect(problems({ ...base(), dangerouslyAcceptAnyHostKey: true })).toEqual([expect.stringMatching(/either `hostKey` or `dangerouslyAcceptAnyHostKey`/)]);
    expect(problems({ ...base(), hostKey: 'SHA256:nope' })).toEqual([expect.stringMatching(/not a SHA256 fingerprint/)]);
  });

  it('wants exactly one way to authenticate', () => {
    const { password: _, ...none } = base();
    expect(problems(none)).toEqual([expect.stringMatching(/give one of `password`, `privateKey` or `credentials`/)]);
    expect(problems({ ...base(), privateKey: 'KEY' })).toEqual([expect.stringMatching(/give only one of/)]);
    expect(problems({ ...none, credentials: async () => ({ password: 'x' }) })).toEqual([]);
    expect(problems({ ...base(), passphrase: 'secret-pass' })).toEqual([expect.stringMatching(/`passphrase` needs `privateKey`/)]);
  });

  it('checks the after-processing folders and reports every issue at once', () => {
    expect(problems({ ...base(), afterProcessing: 'archive', port: 0, remoteDir: '/a/../b', pattern: '' })).toEqual([
      expect.stringMatching(/^port: /),
      expect.stringMatching(/^remoteDir: must not contain "\.\." segments/),
      expect.stringMatching(/^pattern: /),
      expect.stringMatching(/^archiveDir: `afterProcessing: "archive"` needs `archiveDir`/),
    ]);
    expect(problems({ ...base(), archiveDir: '/done' })).toEqual([expect.stringMatching(/only used with `afterProcessing: "archive"`/)]);
    expect(problems({ ...base(), quarantineDir: '/outbox/' })).toEqual([expect.stringMatching(/^quarantineDir: must differ from `remoteDir`/)]);
    expect(problems({ ...base(), retry: { minDelayMs: 10, maxDelayMs: 5 } })).toEqual([expect.stringMatching(/^retry\.maxDelayMs: must be at least `minDelayMs`/)]);
  });

  it('rejects unknown keys (a misspelt option is an error, not a silent default)', () => {
    expect(problems({ ...base(), hostkey: FP })).toEqual([expect.stringMatching(/hostkey/)]);
  });

  it('never puts a secret in its error', () => {
    try {
      sftp({ ...base(), privateKey: 'PRIVATE-KEY-MATERIAL', passphrase: 'pass-phrase-9' } as SftpConfig);
      expect.unreachable();
    } catch (error) {
      expect(JSON.stringify(error) + String(error)).not.toMatch(/PRIVATE-KEY-MATERIAL|pass-phrase-9|pw-123456/);
    }
  });

  it('describes itself as JSON Schema for docs and UIs', () => {
    const schema = sftp.spec() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['host', 'hostKey', 'dangerouslyAcceptAnyHostKey', 'remoteDir', 'ledger', 'afterProcessing']));
    expect(schema.required).toEqual(expect.arrayContaining(['host', 'username', 'remoteDir', 'ledger']));
  });
});
