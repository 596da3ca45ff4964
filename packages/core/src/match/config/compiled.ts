import type { StandardTransaction } from '../../schema/transaction';
import type { KeySpec } from '../engine/record-table';
import type { AmbiguityPolicy, Cardinality, CompiledConfig, DateField } from '../types';

/** Reads the key value(s) of a record (cached per run by `id`). */
export type KeyRead = KeySpec;

/**
 * A compiled record filter: sets and bit masks over the record table's codes, plus the custom
 * predicate. `null` where a condition is absent.
 */
export interface RecordPredicate {
  sources: ReadonlySet<string> | null;
  sign: 1 | -1 | 0;
  /** Bit masks over type, status and channel codes (0 = no condition). */
  types: number;
  statuses: number;
  channels: number;
  where: ((txn: StandardTransaction) => boolean) | null;
}

export interface CompiledIdentifier {
  name: string;
  leftLabel: string;
  rightLabel: string;
  left: KeyRead;
  right: KeyRead;
  prefix: boolean;
  minLength: number;
}

export interface CompiledAmount {
  netFee: boolean;
  netTax: boolean;
  absolute: number;
  bps: number;
  /** Cap of the bps allowance; Infinity when none. */
  cap: number;
  allowUnder: boolean;
  allowOver: boolean;
  /** Label for evidence: `exact`, `±100`, `±50bps`, ... */
  label: string;
}

export interface CompiledDate {
  leftField: DateField;
  rightField: DateField;
  before: number;
  after: number;
  unit: 'days' | 'hours' | 'minutes' | 'seconds';
  /** Milliseconds per unit; 0 for calendar days. */
  unitMs: number;
}

export interface CompiledChecks {
  amount: CompiledAmount;
  date: CompiledDate | null;
  /** Per left status code, the bit mask of right status codes it may pair with; null = no check. */
  status: Uint8Array | null;
  direction: 'same' | 'opposite' | 'any';
}

/** Runs mode of a subset-sum rule (see `SubsetRunsConfig`). */
export interface CompiledSubsetRuns {
  partitionBy: KeyRead;
  maxSkipped: number;
  netting: { filter: RecordPredicate | null; minDays: number; maxDays: number; parentBy: KeyRead | null } | null;
}

export interface CompiledSubset {
  maxCandidates: number;
  maxIterations: number;
  runs: CompiledSubsetRuns | null;
}

export interface CompiledRule {
  name: string;
  leftFilter: RecordPredicate | null;
  rightFilter: RecordPredicate | null;
  identifiers: readonly CompiledIdentifier[];
  checks: CompiledChecks;
  cardinality: Cardinality;
  groupBy: KeyRead | null;
  groupByLabel: string;
  groupDate: 'min' | 'max';
  subset: CompiledSubset | null;
  ambiguity: AmbiguityPolicy;
  mismatchOnFailure: boolean;
  maxCandidates: number;
  optimalCap: number;
}

export interface CompiledSide {
  name: string;
  sources: ReadonlySet<string>;
  filter: RecordPredicate | null;
  duplicateKey: readonly KeyRead[] | null;
  duplicateKeyLabel: string;
}

export interface CompiledLink {
  name: string;
  left: number;
  right: number;
  leftFilter: RecordPredicate | null;
  rightFilter: RecordPredicate | null;
  /** Indices of earlier links whose resolved records this link leaves out, per side. */
  excludeLeft: readonly number[];
  excludeRight: readonly number[];
  rules: readonly CompiledRule[];
}

/** The internal form behind {@link CompiledConfig}. */
export interface CompiledConfigImpl extends CompiledConfig {
  readonly sides: readonly CompiledSide[];
  readonly links: readonly CompiledLink[];
}
