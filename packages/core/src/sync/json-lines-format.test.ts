import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidDataError } from '../errors';
import { fixtureTxn } from './fixtures/paged-connector';
import { decodeLine, encodeBatch, readJsonLines, scanLines } from './json-lines-format';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recon-jsonl-format-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encodeBatch', () => {
  it('writes records, then invalid records, then one state line, each ending in a newline', () => {
    const error = new InvalidDataError('bad amount', { issues: [{ path: ['amount'], message: 'bad' }], raw: { amount: '1.5' } });
    const text = encodeBatch({ stream: 's', records: [fixtureTxn(0), fixtureTxn(1)], invalid: [{ stream: 's', raw: { amount: '1.5' }, error }], cursor: { offset: 3 } });
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['record', 'record', 'invalid', 'state']);
    expect(lines[0]).toEqual({ type: 'record', stream: 's', txn: fixtureTxn(0) });
    expect(lines[2]).toEqual({ type: 'invalid', stream: 's', raw: { amount: '1.5' }, error: error.toJSON() });
    expect(lines[3]).toEqual({ type: 'state', stream: 's', cursor: { offset: 3 } });
  });

  it('writes no state line for a batch without a cursor, and keeps bigint raw values as strings', () => {
    const error = new InvalidDataError('bad', { issues: [] });
    const text = encodeBatch({ stream: 's', records: [], invalid: [{ stream: 's', raw: { amount: 12345678901234567890n }, error }] });
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toMatchObject({ type: 'invalid', raw: { amount: '12345678901234567890' } });
  });

  it('keeps what a plain Error in a hand-built invalid record has', () => {
    const text = encodeBatch({ stream: 's', records: [], invalid: [{ stream: 's', raw: 'x', error: new Error('odd') as InvalidDataError }] });
    expect(JSON.parse(text)).toMatchObject({ error: { name: 'Error', message: 'odd', kind: 'invalid_data' } });
  });
});

describe('decodeLine', () => {
  const bytes = (text: string) => Buffer.from(text);
  it.each([
    ['not json', '{"type":"record"'],
    ['not an object', '42'],
    ['no stream', '{"type":"state","cursor":1}'],
    ['unknown type', '{"type":"log","stream":"s"}'],
    ['record without txn', '{"type":"record","stream":"s"}'],
  ])('rejects a damaged line (%s) with its byte offset', (_why, text) => {
    expect(() => decodeLine(bytes(text), '/f.jsonl', 120)).toThrow(expect.objectContaining({ code: 'SINK_FILE_CORRUPT', details: { path: '/f.jsonl', offset: 120 } }));
  });
});

describe('scanLines', () => {
  it('finds every line with its byte range, across chunk boundaries, and reports a torn tail', async () => {
    const path = join(dir, 'big.jsonl');
    const lines: string[] = [];
    // ~3 MB of lines with varying lengths and multi-byte characters, so lines straddle 1 MB chunks.
    for (let i = 0, length = 0; length < 3_000_000; i++) {
      lines.push(`${i}:${'₹é'.repeat(i % 97)}${'x'.repeat((i * 7919) % 4099)}`);
      length += (lines.at(-1) as string).length + 1;
    }
    const content = Buffer.from(lines.join('\n') + '\n' + 'torn-tail', 'utf8');
    await writeFile(path, content);

    const seen: string[] = [];
    const result = await scanLines(path, (line, start, end) => {
      expect(content.subarray(start, end - 1).equals(line)).toBe(true);
      expect(content[end - 1]).toBe(0x0a);
      seen.push(line.toString('utf8'));
    });
    expect(seen).toEqual(lines);
    expect(result).toEqual({ size: content.length, completeEnd: content.length - 'torn-tail'.length });
  });

  it('resolves undefined for a missing file', async () => {
    expect(await scanLines(join(dir, 'missing'), () => undefined)).toBeUndefined();
  });
});

describe('readJsonLines', () => {
  const line = (value: object) => JSON.stringify(value) + '\n';
  const rec = (stream: string, i: number) => line({ type: 'record', stream, txn: fixtureTxn(i) });
  const state = (stream: string, offset: number) => line({ type: 'state', stream, cursor: { offset } });

  it('returns only lines followed by a state line of their stream, unless asked for all', async () => {
    const path = join(dir, 'f.jsonl');
    await writeFile(path, rec('a', 0) + rec('b', 1) + state('a', 1) + rec('a', 2) + rec('b', 3) + state('b', 4) + rec('a', 4) + '{"type":"rec');
    const committed = await readJsonLines(path);
    expect(committed.map((l) => (l.type === 'record' ? `${l.stream}:${l.txn.txn_id}` : `${l.stream}:${l.type}`))).toEqual(['a:T000000', 'b:T000001', 'a:state', 'b:T000003', 'b:state']);
    const all = await readJsonLines(path, { includeUncommitted: true });
    expect(all).toHaveLength(7);
  });

  it('throws SINK_FILE_MISSING for a missing file', async () => {
    await expect(readJsonLines(join(dir, 'nope.jsonl'))).rejects.toMatchObject({ code: 'SINK_FILE_MISSING' });
  });
});
