import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors';
import { References } from '../../schema/transaction';
import { indianPaymentsPreset } from '../presets/indian-payments';
import type { ReconConfig } from '../types';
import { compileConfig, validateConfig } from './compile';
import { FIELD_PATHS, REFERENCE_KEYS, fieldAccess } from './field-paths';

const good: ReconConfig = {
  sides: [
    { name: 'l', sources: ['ledger'] },
    { name: 'r', sources: ['razorpay'] },
  ],
  links: [{ name: 'l-r', left: 'l', right: 'r', rules: [{ name: 'id', identifiers: ['references.payment_id'] }] }],
};

const issuesOf = (config: unknown) => {
  const result = validateConfig(config);
  if (result.ok) return [];
  return (result.error.details as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('validateConfig / compileConfig', () => {
  it('accepts a minimal config and the Indian payments preset', () => {
    expect(validateConfig(good).ok).toBe(true);
    expect(validateConfig(indianPaymentsPreset()).ok).toBe(true);
    expect(compileConfig(good).compiled).toBe(true);
  });

  it('reports shape problems: unknown keys, bad enums, bad field paths, out-of-range numbers', () => {
    const bad = {
      sides: [{ name: 'l', sources: ['ledger'], colour: 'red' }],
      links: [
        {
          name: 'x',
          left: 'l',
          right: 'r',
          rules: [
            {
              name: 'r1',
              identifiers: ['references.paymentid'],
              cardinality: 'many-to-many',
              checks: { amount: { tolerance: { bps: -1 } }, date: { unit: 'weeks' } },
            },
          ],
        },
      ],
    };
    const issues = issuesOf(bad);
    expect(issues).toContain('links.0.right: unknown side "r"'); // cross-references are checked too
    expect(issues.some((i) => i.startsWith('sides.0') && i.includes('colour'))).toBe(true);
    expect(issues.some((i) => i.startsWith('links.0.rules.0.identifiers.0'))).toBe(true);
    expect(issues.some((i) => i.startsWith('links.0.rules.0.cardinality'))).toBe(true);
    expect(issues.some((i) => i.startsWith('links.0.rules.0.checks.amount.tolerance.bps'))).toBe(true);
    expect(issues.some((i) => i.startsWith('links.0.rules.0.checks.date.unit'))).toBe(true);
    expect(issues.length).toBeGreaterThanOrEqual(5);
  });

  it('reports every cross-reference problem at once', () => {
    const bad: ReconConfig = {
      sides: [
        { name: 'a', sources: ['s1'] },
        { name: 'a', sources: ['s2'] },
      ],
      links: [
        {
          name: 'k',
          left: 'a',
          right: 'nope',
          excludeResolvedIn: { left: ['later'] },
          rules: [
            { name: 'g', cardinality: 'many-to-one', identifiers: ['references.utr'] },
            { name: 'g', groupBy: 'references.settlement_id', identifiers: [] },
            { name: 'f', identifiers: [{ left: (t) => t.txn_id, right: 'txn_id' }] },
          ],
        },
        { name: 'later', left: 'a', right: 'a', rules: [{ name: 'x', identifiers: ['txn_id'] }] },
      ],
    };
    const issues = issuesOf(bad);
    expect(issues).toEqual(
      expect.arrayContaining([
        'sides.1.name: duplicate side name "a"',
        'links.0.right: unknown side "nope"',
        'links.0.excludeResolvedIn.left.0: "later" is not a link listed before this one',
        'links.0.rules.0.groupBy: many-to-one needs groupBy or subsetSum',
        'links.0.rules.1.name: duplicate rule name "g" in link "k"',
        'links.0.rules.1.groupBy: groupBy needs cardinality one-to-many or many-to-one',
        'links.0.rules.1.identifiers: at least one identifier is needed (only a subset-sum rule with a date check may have none)',
        'links.0.rules.2.identifiers.0.name: an identifier with a function needs a name',
        'links.1.right: a link joins two different sides',
      ]),
    );
  });

  it('checks subset-sum runs: no identifiers, a netting window in order', () => {
    const runs = { partitionBy: 'references.utr' as const, netting: { filter: { transaction_type: 'REFUND' as const }, minDays: 3, maxDays: 1 } };
    const bad: ReconConfig = {
      ...good,
      links: [{ ...good.links[0]!, rules: [{ name: 'w', cardinality: 'many-to-one', identifiers: ['txn_id'], subsetSum: { runs } }] }],
    };
    expect(issuesOf(bad)).toEqual([
      'links.0.rules.0.identifiers: a subset-sum rule with runs blocks by partition and takes no identifiers',
      'links.0.rules.0.subsetSum.runs.netting.minDays: minDays must not exceed maxDays',
    ]);
    const ok = compileConfig({ ...good, links: [{ ...good.links[0]!, rules: [{ name: 'w', cardinality: 'many-to-one', subsetSum: { runs: { ...runs, netting: { ...runs.netting, minDays: 1, maxDays: 2 } } }, checks: { date: {} } }] }] });
    expect(ok.compiled).toBe(true);
  });

  it('throws a ConfigError listing the problems in its message and details', () => {
    const bad = { ...good, links: [{ ...good.links[0]!, left: 'missing' }] };
    expect(() => compileConfig(bad)).toThrow(ConfigError);
    try {
      compileConfig(bad);
    } catch (e) {
      expect((e as ConfigError).code).toBe('MATCH_CONFIG_INVALID');
      expect((e as ConfigError).message).toContain('links.0.left: unknown side "missing"');
    }
  });

  it('rejects non-objects without throwing from validateConfig', () => {
    for (const input of [null, 42, 'config', []]) expect(validateConfig(input).ok).toBe(false);
  });

  it('compiling a compiled config returns it unchanged', () => {
    const c = compileConfig(good);
    expect(compileConfig(c)).toBe(c);
  });
});

describe('field paths', () => {
  it('cover every key of the schema references object', () => {
    expect([...REFERENCE_KEYS].sort()).toEqual(Object.keys(References.shape).sort());
  });

  it('have a reader for every path', () => {
    for (const path of FIELD_PATHS) {
      const expected = path === 'amount' ? 'amount' : path.startsWith('extracted.') ? 'extracted' : 'plain';
      expect(fieldAccess(path).kind, path).toBe(expected);
    }
    expect(fieldAccess('references.utr').kind).toBe('plain');
    expect(fieldAccess('extracted.rrn')).toEqual({ kind: 'extracted', which: 'rrn' });
  });
});
