import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLedgerStore } from './file-ledger-store';
import type { LedgerDocument } from './types';

const doc = (names: string[]): LedgerDocument => ({
  version: 1,
  entries: names.map((name, i) => ({
    seq: i + 1,
    name,
    size: 10,
    mtimeMs: 1_717_200_000_000,
    sha256: 'a'.repeat(64),
    outcome: 'processed',
    records: 1,
    invalid: 0,
    at: '2024-06-01T00:00:00.000Z',
    disposition: { action: 'leave', done: true, location: `/outbox/${name}` },
    chain: 'b'.repeat(64),
  })),
});

describe('createFileLedgerStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recon-ledger-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads nothing before the first save, then exactly what was saved; leaves no temp file behind', async () => {
    const path = join(dir, 'nested', 'ledger.json');
    const store = createFileLedgerStore(path);
    expect(await store.load()).toBeUndefined();
    await store.save(doc(['a.sta']));
    await store.save(doc(['a.sta', 'b.sta']));
    expect(await store.load()).toEqual(doc(['a.sta', 'b.sta']));
    expect(await readdir(join(dir, 'nested'))).toEqual(['ledger.json']);
  });

  it('refuses a ledger it cannot trust instead of starting over', async () => {
    const path = join(dir, 'ledger.json');
    await writeFile(path, '{"version": 1, "entries": [');
    await expect(createFileLedgerStore(path).load()).rejects.toMatchObject({ code: 'SFTP_LEDGER_CORRUPT' });
    const skipped = doc(['a.sta', 'b.sta']);
    skipped.entries[1]!.seq = 3;
    await writeFile(path, JSON.stringify(skipped));
    await expect(createFileLedgerStore(path).load()).rejects.toMatchObject({ code: 'SFTP_LEDGER_CORRUPT' });
  });

  it('lets one holder at a time have the lock, and takes over a lock whose process is gone', async () => {
    const path = join(dir, 'ledger.json');
    const store = createFileLedgerStore(path);
    const release = await store.lock!();
    await expect(createFileLedgerStore(path).lock!()).rejects.toMatchObject({ code: 'SFTP_LEDGER_LOCKED', retryable: true });
    await release();
    const again = await store.lock!();
    await again();

    // A lock left by a process that has exited (crash, kill -9).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(`${path}.lock`, `${gone.stdout}\n`);
    const takeover = await store.lock!();
    expect((await readFile(`${path}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    await takeover();
  });
});
