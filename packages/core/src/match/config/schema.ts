import { z } from 'zod';
import { Channel, Direction, TransactionStatus, TransactionType } from '../../schema/transaction';
import { FIELD_PATHS } from './field-paths';

/**
 * The zod schema of {@link ReconConfig}: shapes, ranges and unknown keys. Cross-references (a
 * link naming a side that does not exist, a group rule without `groupBy`) are checked in
 * `compile.ts`, so that one validation reports every problem of both kinds.
 */

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');
const fieldPath = z.enum(FIELD_PATHS as unknown as [string, ...string[]], { message: `must be one of ${FIELD_PATHS.join(', ')}` });
const keySource = z.union([fieldPath, fn], { message: 'must be a field path or a function' });
const name = z.string().trim().min(1).max(128);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);
const count = (max: number) => z.number().int().min(0).max(max);

const RecordFilterSchema = z.strictObject({
  source: oneOrMany(z.string().min(1)).optional(),
  direction: Direction.optional(),
  transaction_type: oneOrMany(TransactionType).optional(),
  status: oneOrMany(TransactionStatus).optional(),
  channel: oneOrMany(Channel).optional(),
  where: fn.optional(),
});

const IdentifierSchema = z.strictObject({
  left: keySource,
  right: keySource,
  compare: z.enum(['exact', 'prefix']).optional(),
  minLength: z.number().int().min(4).max(256).optional(),
  normalize: z.enum(['none', 'alnum']).optional(),
  name: name.optional(),
});

const ToleranceSchema = z.strictObject({
  absolute: count(Number.MAX_SAFE_INTEGER).optional(),
  bps: count(10_000).optional(),
  cap: count(Number.MAX_SAFE_INTEGER).optional(),
  allow: z.enum(['both', 'under', 'over']).optional(),
});

const dateField = z.enum(['value_date', 'timestamp']);
const ChecksSchema = z.strictObject({
  amount: z
    .strictObject({
      tolerance: ToleranceSchema.optional(),
      net: z.array(z.enum(['fee', 'tax'])).optional(),
    })
    .optional(),
  date: z
    .strictObject({
      field: z.union([dateField, z.strictObject({ left: dateField, right: dateField })]).optional(),
      before: count(100_000).optional(),
      after: count(100_000).optional(),
      unit: z.enum(['days', 'hours', 'minutes', 'seconds']).optional(),
    })
    .optional(),
  status: z.union([z.literal('equal'), z.partialRecord(TransactionStatus, z.array(TransactionStatus))]).optional(),
  direction: z.enum(['same', 'opposite', 'any']).optional(),
});

const ambiguity = z.enum(['unique-or-review', 'best', 'optimal']);

export const RuleSchema = z.strictObject({
  name,
  filters: z.strictObject({ left: RecordFilterSchema.optional(), right: RecordFilterSchema.optional() }).optional(),
  identifiers: z.array(z.union([fieldPath, IdentifierSchema], { message: 'must be a field path or { left, right, ... }' })).optional(),
  checks: ChecksSchema.optional(),
  cardinality: z.enum(['one-to-one', 'one-to-many', 'many-to-one']).optional(),
  groupBy: keySource.optional(),
  groupDate: z.enum(['min', 'max']).optional(),
  subsetSum: z
    .strictObject({
      maxCandidates: z.number().int().min(1).max(64).optional(),
      maxIterations: z.number().int().min(1).max(100_000_000).optional(),
      runs: z
        .strictObject({
          partitionBy: keySource,
          maxSkipped: count(1).optional(),
          netting: z
            .strictObject({ filter: RecordFilterSchema, minDays: count(366).optional(), maxDays: count(366).optional(), parentBy: fieldPath.optional() })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  ambiguity: ambiguity.optional(),
  onCheckFailure: z.enum(['mismatch', 'next']).optional(),
  maxCandidates: z.number().int().min(1).max(100_000).optional(),
  optimalCap: z.number().int().min(1).max(12).optional(),
});

export const SideSchema = z.strictObject({
  name,
  sources: z.array(z.string().min(1)).min(1),
  filter: RecordFilterSchema.optional(),
  duplicateKey: z.array(fieldPath).min(1).optional(),
});

export const LinkSchema = z.strictObject({
  name,
  left: name,
  right: name,
  rules: z.array(RuleSchema).min(1),
  ambiguity: ambiguity.optional(),
  filters: z.strictObject({ left: RecordFilterSchema.optional(), right: RecordFilterSchema.optional() }).optional(),
  excludeResolvedIn: z.strictObject({ left: z.array(name).optional(), right: z.array(name).optional() }).optional(),
});

export const ReconConfigSchema = z.strictObject({
  sides: z.array(SideSchema).min(1),
  links: z.array(LinkSchema).min(1),
});
