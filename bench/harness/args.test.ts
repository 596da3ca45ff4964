import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to 100k orders, seed 1, every matcher', () => {
    expect(parseArgs([])).toEqual({ orders: 100_000, seed: 1, engine: true, naive: true, pandas: true, python: 'python3', profile: false, repeat: 1, settleHeap: false, input: 'store' });
  });

  it('takes the input kind, and refuses an unknown one', () => {
    expect(parseArgs(['--input', 'objects']).input).toBe('objects');
    expect(() => parseArgs(['--input', 'rows'])).toThrow(/store or objects/);
  });

  it('reads sizes written with underscores or exponents', () => {
    expect(parseArgs(['--orders', '1_000_000', '--seed', '7']).orders).toBe(1_000_000);
    expect(parseArgs(['--orders', '1e4']).orders).toBe(10_000);
  });

  it('turns matchers off and sets outputs', () => {
    expect(parseArgs(['--no-engine', '--no-naive', '--no-pandas', '--json', 'out.json', '--profile', '--settle-heap'])).toMatchObject({
      settleHeap: true,
      engine: false,
      naive: false,
      pandas: false,
      json: 'out.json',
      profile: true,
    });
  });

  it('rejects unknown flags and bad numbers with the usage text', () => {
    expect(() => parseArgs(['--order', '10'])).toThrow(/unknown option --order[\s\S]*usage:/);
    expect(() => parseArgs(['--orders', 'ten'])).toThrow(/--orders needs a non-negative integer/);
    expect(() => parseArgs(['--orders', '0'])).toThrow(/at least 1/);
    expect(() => parseArgs(['--repeat', '0'])).toThrow(/--repeat must be at least 1/);
  });
});
