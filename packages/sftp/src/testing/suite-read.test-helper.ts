import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLedgerStore } from '../ledger/memory-ledger-store';
import type { SftpEvent } from '../events';
import { allIds, invalidCount, statementFiles } from './statement-files.test-helper';
import { connectorFor, drain, testFolder, writeFiles, type SuiteContext } from './suite-context.test-helper';

/** Reading: completeness, one checkpoint per file, the ledger across restarts, glob, after-processing. */
export function describeReading(ctx: SuiteContext): void {
  describe('reading', () => {
    it('yields every transaction once, in file order, with one checkpoint per file', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'full-read');
      const files = statementFiles({ count: 3 });
      await writeFiles(server, folder, files);
      const ledger = createMemoryLedgerStore();
      const result = await drain(connectorFor(server, folder, { ledger }).read());

      expect(result.error).toBeUndefined();
      expect(result.ids).toEqual(allIds(files));
      expect(result.invalid).toHaveLength(invalidCount(files));
      expect(result.states.map((s) => s.file?.name)).toEqual(files.map((f) => f.name));
      expect(result.states.map((s) => s.seq)).toEqual([1, 2, 3]);
      // Each checkpoint follows exactly its file's records.
      const positions = result.messages.flatMap((m, i) => (m.type === 'state' ? [i] : []));
      expect(positions).toEqual([4, 4 + 1 + 5, 4 + 1 + 5 + 1 + 4]);
      const entries = ledger.snapshot()?.entries ?? [];
      expect(entries.map((e) => [e.name, e.outcome, e.records, e.invalid])).toEqual(files.map((f) => [f.name, 'processed', f.ids.length, f.invalid]));
      expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
    });

    it('processes each file once across restarts (file-backed ledger, new connector each run)', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'restarts');
      const dir = await mkdtemp(join(tmpdir(), 'recon-sftp-ledger-'));
      try {
        const ledgerPath = join(dir, 'ledger.json');
        const first = statementFiles({ count: 2, prefix: 'DAY1' });
        await writeFiles(server, folder, first);
        const run1 = await drain(connectorFor(server, folder, { ledger: ledgerPath }).read());
        expect(run1.ids).toEqual(allIds(first));

        const run2 = await drain(connectorFor(server, folder, { ledger: ledgerPath }).read());
        expect(run2.error).toBeUndefined();
        expect(run2.ids).toEqual([]);
        // Nothing new: the read still reports where the ledger stands.
        expect(run2.states.map((s) => s.seq)).toEqual([2]);

        const second = statementFiles({ count: 1, prefix: 'DAY2' });
        await writeFiles(server, folder, second);
        const run3 = await drain(connectorFor(server, folder, { ledger: ledgerPath }).read());
        expect(run3.ids).toEqual(allIds(second));
        expect(run3.states.map((s) => s.seq)).toEqual([3]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('lists with a glob: other names, folders and dot files are left alone', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'glob');
      const files = statementFiles({ count: 2 });
      await writeFiles(server, folder, files);
      await server.write(join(folder.inboxLocal, 'README.txt'), 'not a statement');
      await server.write(join(folder.inboxLocal, '.KOTAK_hidden.json'), '[]');
      await server.mkdir(join(folder.inboxLocal, 'KOTAK_folder.json'));
      const result = await drain(connectorFor(server, folder, { pattern: 'KOTAK_*.json' }).read());
      expect(result.error).toBeUndefined();
      expect(result.states.map((s) => s.file?.name)).toEqual(files.map((f) => f.name));
    });

    it('archives processed files and quarantines the one that cannot be parsed; the others go on', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'archive');
      const files = statementFiles({ count: 2, corrupt: true });
      await writeFiles(server, folder, files);
      const ledger = createMemoryLedgerStore();
      const events: SftpEvent[] = [];
      const connector = connectorFor(server, folder, {
        ledger,
        afterProcessing: 'archive',
        archiveDir: `${folder.remote}/archive`,
        quarantineDir: `${folder.remote}/quarantine`,
        onEvent: (e) => {
          if (e.type === 'disposed') events.push(e);
        },
      });
      const result = await drain(connector.read());

      expect(result.error).toBeUndefined();
      expect(result.ids).toEqual(allIds(files));
      const corrupt = files.at(-1)!;
      const fileFailure = result.invalid.find((m) => m.error.code === 'SFTP_FILE_UNPARSEABLE');
      expect(fileFailure?.error.kind).toBe('invalid_data');
      expect(fileFailure?.raw).toMatchObject({ file: corrupt.name, size: Buffer.byteLength(corrupt.content), content: corrupt.content, contentEncoding: 'utf-8' });
      expect(fileFailure?.error.issues[0]?.message).toMatch(/not a statement file/i);

      expect(readdirSync(folder.inboxLocal)).toEqual([]);
      expect(readdirSync(join(folder.local, 'archive')).sort()).toEqual(files.slice(0, 2).map((f) => f.name).sort());
      expect(readdirSync(join(folder.local, 'quarantine'))).toEqual([corrupt.name]);
      const entries = ledger.snapshot()?.entries ?? [];
      expect(entries.map((e) => [e.outcome, e.disposition.action, e.disposition.done])).toEqual([
        ['processed', 'archive', true],
        ['processed', 'archive', true],
        ['failed', 'quarantine', true],
      ]);
      expect(entries[2]?.reason).toMatch(/not a statement file/i);
      expect(events.map((e) => (e.type === 'disposed' ? e.action : ''))).toEqual(['archive', 'archive', 'quarantine']);

      // Next read: nothing new, and the failed file is not retried.
      const again = await drain(connector.read());
      expect(again.ids).toEqual([]);
      expect(again.invalid).toEqual([]);
    });

    it('deletes processed files with afterProcessing: delete', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'delete');
      const files = statementFiles({ count: 2 });
      await writeFiles(server, folder, files);
      const result = await drain(connectorFor(server, folder, { afterProcessing: 'delete' }).read());
      expect(result.error).toBeUndefined();
      expect(result.ids).toEqual(allIds(files));
      expect(readdirSync(folder.inboxLocal)).toEqual([]);
    });

    it('archives without overwriting: a name already in the archive gets a content-hash suffix', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'archive-clash');
      const [file] = statementFiles({ count: 1 });
      await server.mkdir(join(folder.local, 'archive'));
      await server.write(join(folder.local, 'archive', file!.name), 'an older file with the same name');
      await writeFiles(server, folder, [file!]);
      const ledger = createMemoryLedgerStore();
      const result = await drain(connectorFor(server, folder, { ledger, afterProcessing: 'archive', archiveDir: `${folder.remote}/archive` }).read());
      expect(result.error).toBeUndefined();
      const entry = ledger.snapshot()?.entries[0];
      expect(entry?.disposition.location).toBe(`${folder.remote}/archive/${file!.name}.${entry?.sha256.slice(0, 12)}`);
      expect(readdirSync(join(folder.local, 'archive'))).toHaveLength(2);
    });

    it('leaves files in place by default and never reads them again; a resend of the same content counts as a duplicate', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'leave');
      const files = statementFiles({ count: 2 });
      await writeFiles(server, folder, files);
      const ledger = createMemoryLedgerStore();
      const connector = connectorFor(server, folder, { ledger });
      expect((await drain(connector.read())).ids).toEqual(allIds(files));
      expect(readdirSync(folder.inboxLocal).sort()).toEqual(files.map((f) => f.name).sort());

      // The bank resends the first file under another name.
      await server.write(join(folder.inboxLocal, 'KOTAK_resend.json'), files[0]!.content, files[1]!.mtime + 60);
      const again = await drain(connector.read());
      expect(again.error).toBeUndefined();
      expect(again.ids).toEqual([]);
      expect(ledger.snapshot()?.entries.at(-1)).toMatchObject({ name: 'KOTAK_resend.json', outcome: 'duplicate', reason: expect.stringContaining(files[0]!.name) });
    });

    it('keeps checkpoints in listing order with several downloads at once', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'concurrency');
      const files = statementFiles({ count: 6, perFile: 3 });
      await writeFiles(server, folder, files);
      const result = await drain(connectorFor(server, folder, { concurrency: 4 }).read());
      expect(result.error).toBeUndefined();
      expect(result.states.map((s) => s.file?.name)).toEqual(files.map((f) => f.name));
      expect(result.ids).toEqual(allIds(files));
    });

    it('replays from the archive when the cursor is behind the ledger (a sink restored from backup)', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'replay');
      const files = statementFiles({ count: 3 });
      await writeFiles(server, folder, files);
      const connector = connectorFor(server, folder, { afterProcessing: 'archive', archiveDir: `${folder.remote}/archive` });
      const full = await drain(connector.read());
      expect(full.ids).toEqual(allIds(files));
      const afterFirst = full.states[0]!;
      const replayed = await drain(connector.read({ cursor: JSON.parse(JSON.stringify(afterFirst)) }));
      expect(replayed.error).toBeUndefined();
      expect(replayed.ids).toEqual(allIds(files.slice(1)));
      expect(replayed.states.map((s) => s.seq)).toEqual([2, 3]);
    });

    it('reads bank formats through @recon/formats (detected from content) with deterministic ids', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'formats');
      const mt940 = [':20:STMT240601', ':25:50200012345678', ':28C:00152/001', ':60F:C240531INR100000,00', ':61:2406010601C5000,00NTRFUTR123456789012//BANKREF1', ':86:NEFT CR-HDFC0000001-ACME CORP-UTR123456789012', ':61:2406010601D1250,50NCHGNONREF//BANKREF2', ':86:CHARGES', ':62F:C240601INR103749,50', '-'].join('\r\n');
      const csv = ['Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance', '01/06/24,NEFT CR-ACME,UTR1,01/06/24,,5000.00,105000.00', '01/06/24,ATM WDL,REF2,01/06/24,1000.00,,104000.00'].join('\n');
      // File names say nothing: detection reads the content.
      await server.write(join(folder.inboxLocal, 'stmt-1.dat'), mt940, 1_717_200_000);
      await server.write(join(folder.inboxLocal, 'stmt-2.dat'), csv, 1_717_200_060);
      const read = () => drain(connectorFor(server, folder, { source: 'sftp:kotak', accountId: '50200012345678', ledger: createMemoryLedgerStore() }).read());
      const first = await read();
      expect(first.error).toBeUndefined();
      expect(first.invalid).toEqual([]);
      const records = first.messages.flatMap((m) => (m.type === 'record' ? [m.txn] : []));
      expect(records.map((t) => [t.source, t.account_id, t.amount, t.direction])).toEqual([
        ['sftp:kotak', '50200012345678', '5000.00', 'CREDIT'],
        ['sftp:kotak', '50200012345678', '1250.50', 'DEBIT'],
        ['sftp:kotak', '50200012345678', '5000.00', 'CREDIT'],
        ['sftp:kotak', '50200012345678', '1000.00', 'DEBIT'],
      ]);
      expect(records[0]?.references).toMatchObject({ bank_txn_id: 'BANKREF1' });
      // A second deployment (empty ledger) derives the very same ids.
      expect((await read()).ids).toEqual(first.ids);
      expect(new Set(first.ids).size).toBe(4);
    });

    it('removes its temp files, whatever happens', async () => {
      const server = ctx.server();
      const folder = await testFolder(server, 'temp');
      await writeFiles(server, folder, statementFiles({ count: 2, corrupt: true }));
      const tempDir = await mkdtemp(join(tmpdir(), 'recon-sftp-temp-'));
      try {
        const result = await drain(connectorFor(server, folder, { tempDir }).read());
        expect(result.error).toBeUndefined();
        expect(existsSync(tempDir)).toBe(true);
        expect(readdirSync(tempDir)).toEqual([]);
      } finally {
        await rm(tempDir, { recursive: true, force: true });
      }
    });
  });
}
