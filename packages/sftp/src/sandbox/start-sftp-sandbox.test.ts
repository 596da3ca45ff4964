import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sftp } from '../connector/sftp-connector';
import { createMemoryLedgerStore } from '../ledger/memory-ledger-store';
import { generateEd25519KeyPair } from './generate-key';
import { startSftpSandbox, type SftpSandbox } from './start-sftp-sandbox';

const txn = (id: string) => ({ schema_version: 1, txn_id: id, source: 'sftp', account_id: 'acc', amount: '10.00', currency: 'INR', direction: 'CREDIT', status: 'SUCCESS', timestamp: '2024-06-01T10:00:00+05:30', transaction_type: 'PAYMENT', raw: {} });

describe('startSftpSandbox', () => {
  let root: string;
  const started: SftpSandbox[] = [];
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'recon-sandbox-'));
    await mkdir(join(root, 'outbox'));
    await writeFile(join(root, 'outbox', 'a.json'), JSON.stringify([txn('t1')]));
  });
  afterEach(async () => {
    for (const sandbox of started.splice(0)) await sandbox.close();
    await rm(root, { recursive: true, force: true });
  });
  const start = async (options: Partial<Parameters<typeof startSftpSandbox>[0]> = {}) => {
    const sandbox = await startSftpSandbox({ root, ...options });
    started.push(sandbox);
    return sandbox;
  };
  const read = async (config: Record<string, unknown>) => {
    const ids: string[] = [];
    for await (const m of sftp({ remoteDir: '/outbox', ledger: createMemoryLedgerStore(), stabilityIntervalMs: 0, ...config } as never).read()) if (m.type === 'record') ids.push(m.txn.txn_id);
    return ids;
  };

  it('logs in the generated user by password and by key', async () => {
    const sandbox = await start();
    const common = { host: sandbox.host, port: sandbox.port, username: sandbox.credentials.username, hostKey: sandbox.hostKeyFingerprint };
    expect(await read({ ...common, password: sandbox.credentials.password })).toEqual(['t1']);
    expect(await read({ ...common, privateKey: sandbox.credentials.privateKey })).toEqual(['t1']);
  });

  it('takes a private key with a passphrase; a wrong passphrase is a config error that does not show it', async () => {
    const keys = generateEd25519KeyPair({ passphrase: 'correct horse battery' });
    const sandbox = await start({ users: [{ username: 'kotak', publicKey: keys.public }] });
    const common = { host: sandbox.host, port: sandbox.port, username: 'kotak', hostKey: sandbox.knownHostsLine, privateKey: keys.private };
    expect(await read({ ...common, passphrase: 'correct horse battery' })).toEqual(['t1']);

    const wrong = sftp({ ...common, passphrase: 'wrong horse battery', remoteDir: '/outbox', ledger: createMemoryLedgerStore() });
    const check = await wrong.check();
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatchObject({ code: 'SFTP_PRIVATE_KEY_INVALID', kind: 'config' });
    expect(JSON.stringify(check) + check.message).not.toContain('wrong horse battery');
    expect(JSON.stringify(check)).not.toContain(keys.private.split('\n')[1]);
  });

  it('keeps its host key when given one, so a pin survives restarts', async () => {
    const hostKey = generateEd25519KeyPair().private;
    const first = await start({ hostKey });
    const fingerprint = first.hostKeyFingerprint;
    await first.close();
    const second = await start({ hostKey });
    expect(second.hostKeyFingerprint).toBe(fingerprint);
    expect(second.hostKeyFingerprint).not.toBe((await start()).hostKeyFingerprint);
  });

  it('never serves anything outside its root', async () => {
    const sandbox = await start();
    const client = new SftpClient('test', { error: () => undefined, end: () => undefined, close: () => undefined });
    await client.connect({ host: sandbox.host, port: sandbox.port, username: 'recon', password: sandbox.credentials.password });
    try {
      expect((await client.list('/../../..')).map((e) => e.name)).toEqual(['outbox']);
      await expect(client.get('/../../../etc/hostname')).rejects.toThrow("get: No such file /../../../etc/hostname");
      expect(await client.realPath('/outbox/../..')).toBe('/');
      expect(sandbox.connections).toBe(1);
      expect(sandbox.dropConnections()).toBe(1);
    } finally {
      await client.end().catch(() => undefined);
    }
  });

  it('refuses unknown users and wrong passwords', async () => {
    const sandbox = await start();
    const common = { host: sandbox.host, port: sandbox.port, hostKey: sandbox.hostKeyFingerprint, remoteDir: '/outbox', ledger: createMemoryLedgerStore() };
    for (const credentials of [{ username: 'mallory', password: sandbox.credentials.password }, { username: 'recon', password: 'guess-guess' }]) {
      const check = await sftp({ ...common, ...credentials } as never).check();
      expect(!check.ok && check.error.code).toBe('SFTP_AUTH_FAILED');
    }
  });
});

describe('generateEd25519KeyPair', () => {
  it('only returns keys ssh2 can read back (its own generator sometimes cannot)', () => {
    for (let i = 0; i < 600; i++) {
      const pair = generateEd25519KeyPair();
      expect(ssh2.utils.parseKey(pair.private)).not.toBeInstanceOf(Error);
    }
  });
});
