import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISO_4217_CODES } from '../money/currencies';
import { STANDARD_TRANSACTION_SCHEMA_ID, standardTransactionJsonSchema } from './json-schema';
import { validInr } from './samples';
import { StandardTransactionSchema } from './transaction';

type Json = Record<string, unknown>;
const schemaFile = new URL('../../schema/standard-transaction.schema.json', import.meta.url);

/**
 * A deliberately small validator for the subset of JSON Schema the generated file uses at the top
 * level (required, additionalProperties: false, type string, enum, const, pattern, maxLength), enough
 * to show the file accepts a real transaction and rejects broken ones without a validator dependency.
 */
function topLevelProblems(schema: Json, value: Json): string[] {
  const problems: string[] = [];
  const properties = schema.properties as Record<string, Json>;
  for (const key of schema.required as string[]) if (!(key in value)) problems.push(`${key}: required`);
  for (const [key, v] of Object.entries(value)) {
    const rule = properties[key];
    if (!rule) {
      if (schema.additionalProperties === false) problems.push(`${key}: not allowed`);
      continue;
    }
    if (rule.type === 'string' && typeof v !== 'string') problems.push(`${key}: not a string`);
    if (typeof v === 'string') {
      if (typeof rule.pattern === 'string' && !new RegExp(rule.pattern, 'u').test(v)) problems.push(`${key}: pattern`);
      if (typeof rule.maxLength === 'number' && v.length > rule.maxLength) problems.push(`${key}: too long`);
    }
    if (Array.isArray(rule.enum) && !rule.enum.includes(v)) problems.push(`${key}: not in enum`);
    if ('const' in rule && rule.const !== v) problems.push(`${key}: not const`);
  }
  return problems;
}

describe('standardTransactionJsonSchema', () => {
  const schema = standardTransactionJsonSchema();

  it('matches the checked-in file byte for byte (regenerate with scripts/generate-json-schema.ts)', () => {
    const onDisk = readFileSync(schemaFile, 'utf8');
    expect(onDisk).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('is draft 2020-12 with an $id, a title and the scale rule in its description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(STANDARD_TRANSACTION_SCHEMA_ID);
    expect(schema.title).toBe('StandardTransaction');
    expect(schema.description).toMatch(/exactly as many decimals as the currency's ISO 4217 exponent/);
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it('describes amounts as strings, required, no extra keys, known currencies only', () => {
    const properties = schema.properties as Record<string, Json>;
    expect(schema.required).toEqual(expect.arrayContaining(['schema_version', 'txn_id', 'source', 'account_id', 'amount', 'currency', 'direction', 'status', 'timestamp', 'transaction_type', 'raw']));
    expect(schema.required).not.toContain('references'); // input form: it has a default
    expect(schema.additionalProperties).toBe(false);
    for (const field of ['amount', 'fee', 'tax', 'balance_after']) {
      expect(properties[field]?.type, field).toBe('string');
      expect(properties[field]?.description, field).toMatch(/scale|exponent/);
    }
    expect(properties.currency?.enum).toEqual([...ISO_4217_CODES].sort());
    expect(properties.timestamp?.format).toBe('date-time');
    expect(properties.raw?.$ref).toBe('#/$defs/JsonValue');
    expect(JSON.stringify(schema)).not.toContain('__schema');
  });

  it('accepts a valid transaction and flags the same fields zod flags (top level)', () => {
    expect(topLevelProblems(schema, validInr() as Json)).toEqual([]);
    const broken = { ...validInr(), amount: '-1.00', direction: 'UP', currency: 'XXX', extra: 1 } as Json;
    delete broken.txn_id;
    expect(topLevelProblems(schema, broken).sort()).toEqual(['amount: pattern', 'currency: not in enum', 'direction: not in enum', 'extra: not allowed', 'txn_id: required']);
    const zodPaths = StandardTransactionSchema.safeParse(broken).error?.issues.map((i) => i.path.join('.') || 'extra');
    expect([...new Set(zodPaths)].sort()).toEqual(['amount', 'currency', 'direction', 'extra', 'txn_id']);
    expect(topLevelProblems(schema, { ...validInr(), amount: 12.5 } as Json)).toEqual(['amount: not a string']);
  });

  it('cannot express the scale rule: "12.5" for INR passes the JSON Schema but not parseTransaction', () => {
    const tooShort = { ...validInr(), amount: '12.5' } as Json;
    expect(topLevelProblems(schema, tooShort)).toEqual([]);
    expect(StandardTransactionSchema.safeParse(tooShort).success).toBe(false);
  });

  it('returns a fresh object each call', () => {
    const a = standardTransactionJsonSchema();
    (a.properties as Json).amount = null;
    expect((standardTransactionJsonSchema().properties as Json).amount).not.toBeNull();
  });
});
