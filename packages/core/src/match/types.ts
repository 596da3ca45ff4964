import type { ConfigError, InvalidDataError } from '../errors';
import type { Channel, Direction, References, StandardTransaction, TransactionStatus, TransactionType } from '../schema/transaction';

// ─────────────────────────────────────────────────────────────────────────────
// Configuration
// ─────────────────────────────────────────────────────────────────────────────

/** A key of the standard transaction's `references` object. */
export type ReferenceKey = keyof References;

/**
 * A field a rule reads from a record, by path.
 *
 * - plain string fields: `txn_id`, `reference_number`, `account_id`, `merchant_id`, `bank_code`,
 *   `description`, `raw_status`, `references.<key>`, `counterparty.<key>`;
 * - `extracted.utr` / `extracted.rrn` / `extracted.upi`: references found in `description` with the
 *   NPCI/RBI patterns (see {@link extractReferences}); `extracted.tokens`: every alphanumeric token
 *   of 8+ characters with a digit (catches truncated or unusual references);
 * - `amount`: the signed amount in minor units plus currency (`INR:-150`), to block on an exact
 *   amount when there is no reference at all (pair it with a date check).
 *
 * Extracted values are upper-case alphanumerics.
 */
export type FieldPath =
  | 'txn_id'
  | 'reference_number'
  | 'account_id'
  | 'merchant_id'
  | 'bank_code'
  | 'description'
  | 'raw_status'
  | `references.${ReferenceKey}`
  | 'counterparty.name'
  | 'counterparty.account'
  | 'counterparty.vpa'
  | 'counterparty.ifsc'
  | 'counterparty.bank'
  | 'extracted.utr'
  | 'extracted.rrn'
  | 'extracted.upi'
  | 'extracted.tokens'
  | 'amount';

/**
 * A custom key: any value(s) computed from the record. Called once per record per pass, so keep it
 * cheap and pure (the same record must always give the same keys, or re-runs stop being identical).
 */
export type KeyExtractor = (txn: StandardTransaction) => string | readonly string[] | undefined | null;

/** Where a key comes from: a {@link FieldPath} or a {@link KeyExtractor}. */
export type KeySource = FieldPath | KeyExtractor;

/** When a rule (or a side) applies to a record. Every given condition must hold (AND). */
export interface RecordFilter {
  source?: string | readonly string[];
  direction?: Direction;
  transaction_type?: TransactionType | readonly TransactionType[];
  status?: TransactionStatus | readonly TransactionStatus[];
  /** Records without a channel never pass a channel filter. */
  channel?: Channel | readonly Channel[];
  /** Any other condition. Pure and cheap: it runs once per record per rule. */
  where?: (txn: StandardTransaction) => boolean;
}

/**
 * How candidates are found: left and right keys that must be equal (or one a prefix of the other).
 * A rule's identifiers are ordered fallbacks: a record still open after identifier 1 tries 2, ...
 */
export interface IdentifierConfig {
  left: KeySource;
  right: KeySource;
  /**
   * `exact` (default): equal keys. `prefix`: one key starts with the other and the shorter one has
   * at least `minLength` characters; for references truncated by a bank narration.
   */
  compare?: 'exact' | 'prefix';
  /** Shortest key `prefix` accepts (default 10). */
  minLength?: number;
  /** `none` (default): keys as they are (trimmed). `alnum`: upper-case, non-alphanumerics removed. */
  normalize?: 'none' | 'alnum';
  /** Label in evidence; default `"<left>=<right>"`. Required when a side is a function. */
  name?: string;
}

/** Amount tolerance. The allowance is `max(absolute, min(bps of the larger amount, cap))`. */
export interface AmountTolerance {
  /** Minor units (paise), integer ≥ 0. */
  absolute?: number;
  /** Basis points (100 = 1 %) of the larger of the two compared amounts, integer ≥ 0. */
  bps?: number;
  /** Upper bound of the bps allowance in minor units. */
  cap?: number;
  /**
   * Which differences are tolerated: `both` (default), `under` (left below right only) or `over`
   * (left above right only). Outside the tolerance, a difference is an amount mismatch.
   */
  allow?: 'both' | 'under' | 'over';
}

/**
 * The amount check. Compared values are signed (CREDIT +, DEBIT −) sums over each side, minus the
 * `net` fields of every record: `net: ['fee', 'tax']` compares what actually moved (gross − fee −
 * GST). Without a tolerance the amounts must be equal.
 */
export interface AmountCheck {
  tolerance?: AmountTolerance;
  net?: readonly ('fee' | 'tax')[];
}

/** A date field for the date check. `value_date` falls back to the timestamp's local date. */
export type DateField = 'value_date' | 'timestamp';

/**
 * Asymmetric date window: the right record's date may be `before` units before the left record's
 * and `after` units after it (inclusive). With `unit: 'days'` (default) calendar dates are compared
 * (a timestamp counts as its own local date, as written with its offset); with hours, minutes or
 * seconds, instants are compared.
 */
export interface DateCheck {
  field?: DateField | { left: DateField; right: DateField };
  before?: number;
  after?: number;
  unit?: 'days' | 'hours' | 'minutes' | 'seconds';
}

/**
 * Status compatibility: `equal`, or a table from a left status to the right statuses it may pair
 * with (a left status absent from the table is compatible with nothing).
 */
export type StatusCheck = 'equal' | Readonly<Partial<Record<TransactionStatus, readonly TransactionStatus[]>>>;

/** What must hold for a candidate to be accepted. Currency must always be equal. */
export interface ChecksConfig {
  /** Default: exact (net of nothing). */
  amount?: AmountCheck;
  date?: DateCheck;
  status?: StatusCheck;
  /** `same` (default), `opposite` (compares left with −right), or `any` (compares magnitudes). */
  direction?: 'same' | 'opposite' | 'any';
}

/** Cardinality of a rule: which side, if any, is a group of records. */
export type Cardinality = 'one-to-one' | 'one-to-many' | 'many-to-one';

/**
 * What to do when more than one acceptable candidate exists:
 * - `unique-or-review` (default): match only mutually unique pairs; the rest become `suggested`;
 * - `best`: greedy in a total order (|Δamount|, |Δdate|, record keys), so any input order gives the same result;
 * - `optimal`: per ambiguity cluster, the assignment with the most pairs and the least total
 *   difference (exhaustive within `optimalCap` records per side; larger clusters become `suggested`).
 */
export type AmbiguityPolicy = 'unique-or-review' | 'best' | 'optimal';

/** Subset-sum fallback for grouped rules with no `groupBy`. */
export interface SubsetSumConfig {
  /**
   * Candidates above this count make the search give up on that record (default 24, max 64). In
   * runs mode: netted candidates of one day above which that day is not searched (max 30 used).
   */
  maxCandidates?: number;
  /** Search nodes per target record (default 200 000; runs mode enumerates in full instead). */
  maxIterations?: number;
  /**
   * Search whole runs instead of any combination: a payout covers a contiguous capture window,
   * so its records are consecutive in time. See {@link SubsetRunsConfig}.
   */
  runs?: SubsetRunsConfig;
}

/**
 * Runs mode of a subset-sum rule, for payouts that cover a contiguous window of records (a
 * settlement cycle pays the payments captured in one window, minus the refunds of one day).
 *
 * Every record of the run with a `partitionBy` key (a string) is placed in its partition in
 * timestamp order (ties by source and txn id). A *block* is a maximal sequence of consecutive
 * records of one partition that are open on the rule's grouped side; a keyed record of the same
 * partition that is not open (e.g. a payment an earlier link already settled) ends a block when it
 * has the source, transaction type and status of one of that partition's open records (so a
 * block depends on its own partition only). A solution for a target is
 * one whole block, plus optionally a subset of the netted records (refunds) of one calendar day,
 * whose sum passes the amount check; every member must pass the target's per-record checks. As in
 * plain subset-sum, a target matches only when its solution is unique and shares no record with
 * another target's solutions; otherwise they become one `suggested` outcome.
 *
 * Whole blocks only: because both ends are fixed by records the data itself delimits, a chance
 * equality of sums is about as rare as an exact amount match, whereas free run ends would try a
 * thousand sums per target.
 */
export interface SubsetRunsConfig {
  /**
   * The partition of a grouped-side record: records a payout never mixes, e.g. channel and capture
   * day. Records without a key (or with several) are not part of any block. Called for every record
   * of the run, so keep it cheap; return nothing for records outside the grouped side.
   */
  partitionBy: KeySource;
  /**
   * Records of a block that a solution may leave out: 0 (default) or 1 — a payment captured in the
   * window but not paid out with it (held back, or settled later). A solution that leaves one out
   * nets either nothing or *all* the netted candidates of one day (not a subset of them), and is
   * accepted only when no other record of the block has the same value: otherwise which record was
   * left out is unknown and the target goes to review.
   */
  maxSkipped?: number;
  /**
   * Grouped-side records netted into a payout instead of forming blocks (refunds deducted from it).
   * They never belong to a block; a solution may add a subset of the open ones dated on one calendar
   * day between `minDays` and `maxDays` (default 1 and 2) days before the target's date (date
   * fields of the rule's date check; without one, timestamps and value dates).
   */
  netting?: {
    filter: RecordFilter;
    minDays?: number;
    maxDays?: number;
    /**
     * The netted record's field holding its parent's `txn_id` (a refund's `references.payment_id`).
     * When set, a netted record joins only blocks of its parent's channel (gateways settle each
     * payment method separately). The parent is looked up among the keyed records of the netted
     * record's own source; one not found there leaves it unrestricted.
     */
    parentBy?: FieldPath;
  };
}

/** One matching rule. Rules of a link run in order; each sees only records still open. */
export interface RuleConfig {
  name: string;
  filters?: { left?: RecordFilter; right?: RecordFilter };
  /**
   * Ordered fallbacks. A {@link FieldPath} string means the same field on both sides. May be
   * empty only for a subset-sum rule with a date check (the date window is then the blocking).
   */
  identifiers?: readonly (FieldPath | IdentifierConfig)[];
  checks?: ChecksConfig;
  /** Default `one-to-one`. `many-to-one`: many left records to one right record. */
  cardinality?: Cardinality;
  /**
   * The key that forms the group on the grouped side (left for many-to-one, right for
   * one-to-many), e.g. `references.settlement_id`. The group matches as a whole: its amount is the
   * sum of its members, its date the latest (or earliest, `groupDate`) member date, its keys the
   * union of its members' keys. Without `groupBy`, `subsetSum` must be set.
   */
  groupBy?: KeySource;
  groupDate?: 'min' | 'max';
  subsetSum?: SubsetSumConfig;
  /** Default: the link's, else `unique-or-review`. */
  ambiguity?: AmbiguityPolicy;
  /**
   * A unique candidate found by the identifier but failing a check: `mismatch` (default) reports
   * a `mismatched` outcome; `next` leaves both records open for the next identifier or rule. With
   * `next` and a date check, the window is part of the blocking (records outside it are not
   * candidates, and `maxCandidates` counts only records inside it).
   */
  onCheckFailure?: 'mismatch' | 'next';
  /** Candidates per record above which the record is left open as too ambiguous (default 64). */
  maxCandidates?: number;
  /** Records per side of a cluster solved exhaustively by `optimal` (default 8). */
  optimalCap?: number;
}

/** A side: the records of some sources (optionally filtered). Sides are disjoint. */
export interface SideConfig {
  name: string;
  sources: readonly string[];
  filter?: RecordFilter;
  /**
   * Extra duplicate key: records of this side with equal values in all these fields are
   * duplicates of the first one in total order. (Same `source` + `txn_id` is always a duplicate.)
   */
  duplicateKey?: readonly FieldPath[];
}

/** A link between two sides, with its rules in priority order. */
export interface LinkConfig {
  name: string;
  left: string;
  right: string;
  rules: readonly RuleConfig[];
  ambiguity?: AmbiguityPolicy;
  /**
   * Records of a side that this link looks at (default: all). A record filtered out takes no part
   * in the link and has no outcome in it (e.g. failed payments in payments ↔ settlement).
   */
  filters?: { left?: RecordFilter; right?: RecordFilter };
  /**
   * Leave out records already resolved (matched, mismatched or suggested) in earlier links, e.g.
   * a payments ↔ bank fallback for payments whose settlement report was withheld. Names must refer
   * to links listed before this one.
   */
  excludeResolvedIn?: { left?: readonly string[]; right?: readonly string[] };
}

/** The whole reconciliation. */
export interface ReconConfig {
  sides: readonly SideConfig[];
  links: readonly LinkConfig[];
}

/** A validated config with its key readers compiled once; reusable across runs. */
export interface CompiledConfig {
  readonly config: ReconConfig;
  /** Brand: built by {@link compileConfig} only. */
  readonly compiled: true;
}

// ─────────────────────────────────────────────────────────────────────────────
// Outcomes
// ─────────────────────────────────────────────────────────────────────────────

/** The five outcome kinds. Every record of a link's two sides ends in exactly one of them. */
export type OutcomeKind = 'matched' | 'mismatched' | 'unmatched' | 'duplicate' | 'suggested';

/** How a record is named in outcomes and exports: unique once duplicates are set aside. */
export interface RecordKey {
  source: string;
  txn_id: string;
}

/**
 * Money of one matched or mismatched outcome, integer minor units (bigint), with the identity
 * `left − right = fee + tax + difference`:
 * - `left`, `right`: signed gross sums (CREDIT +, DEBIT −); `right` is oriented as compared
 *   (negated for `direction: 'opposite'`, sign-aligned for `any`);
 * - `fee`, `tax`: the part explained by the `net` fields (left's minus right's);
 * - `difference`: the unexplained rest (0 for an exact match; within tolerance for a match).
 */
export interface OutcomeAmounts {
  currency: string;
  left: bigint;
  right: bigint;
  fee: bigint;
  tax: bigint;
  difference: bigint;
}

/** One check as evaluated for the chosen pair. */
export interface MatchCheckResult {
  check: 'amount' | 'date' | 'status' | 'currency' | 'direction';
  passed: boolean;
  /** Human-readable: `Δ 0`, `Δ +1 day (window −1..+3)`, `SUCCESS ↔ SUCCESS`. */
  detail: string;
}

/** One factor of the confidence, multiplied together. */
export interface ConfidenceFactor {
  factor: 'identifier' | 'amount' | 'date' | 'ambiguity' | 'method';
  /** 0..1 */
  value: number;
  note: string;
}

/** The identifier that found a pair (shared by every outcome of that rule and identifier). */
export interface IdentifierRef {
  name: string;
  left: string;
  right: string;
  compare: 'exact' | 'prefix';
}

/** Why a pair was put together. */
export interface Evidence {
  /** `key`: identifier hash join; `group`: a grouped side; `subset-sum`: combination search. */
  method: 'key' | 'group' | 'subset-sum';
  /** The identifier that found the candidate (absent for a subset-sum blocked by date only). */
  identifier?: IdentifierRef;
  /** The left key value that met the right one. */
  value?: string;
  /** The right key value, when it differs from `value` (prefix compare). */
  counterpartValue?: string;
  checks: readonly MatchCheckResult[];
  /** Acceptable candidates the deciding record had (1 = unique). */
  candidates: number;
  explanation: readonly ConfidenceFactor[];
}

/** A typed disagreement between the two sides of a pair. */
export type Mismatch =
  | { type: 'amount'; /** left − right, minor units, after `net` */ difference: bigint; allowed: bigint }
  | { type: 'date'; /** right − left, in the check's unit */ delta: number; before: number; after: number; unit: string }
  | { type: 'status'; left: readonly TransactionStatus[]; right: readonly TransactionStatus[] }
  | { type: 'currency'; left: readonly string[]; right: readonly string[] }
  | { type: 'direction'; left: readonly Direction[]; right: readonly Direction[]; expected: 'same' | 'opposite' };

interface OutcomeBase {
  /** Deterministic: a hash of link, kind, rule and the member record keys. */
  id: string;
  link: string;
  /** Left-side records of this outcome (sorted by source, txn_id). */
  left: readonly StandardTransaction[];
  /** Right-side records of this outcome (sorted by source, txn_id). */
  right: readonly StandardTransaction[];
}

/** Records that correspond and agree (within tolerance). */
export interface MatchedOutcome extends OutcomeBase {
  kind: 'matched';
  rule: string;
  evidence: Evidence;
  /** 0..1, the product of `evidence.explanation` values (4 decimals). */
  confidence: number;
  amounts: OutcomeAmounts;
}

/** Records that correspond (an identifier says so) but disagree. */
export interface MismatchedOutcome extends OutcomeBase {
  kind: 'mismatched';
  rule: string;
  evidence: Evidence;
  mismatches: readonly Mismatch[];
  /** Absent when the records do not share one currency. */
  amounts?: OutcomeAmounts;
}

/** Why a record found no counterpart. */
export type UnmatchedReason =
  | 'no-candidate'
  | 'candidates-failed-checks'
  | 'candidates-taken'
  | 'too-many-candidates'
  | 'not-applicable';

/** A record with no counterpart on the other side. */
export interface UnmatchedOutcome extends OutcomeBase {
  kind: 'unmatched';
  side: 'left' | 'right';
  reason: UnmatchedReason;
}

/** A record seen twice; it takes no part in matching. */
export interface DuplicateOutcome extends OutcomeBase {
  kind: 'duplicate';
  side: 'left' | 'right';
  /** The record kept (first in total order). */
  of: RecordKey;
  /** `txn_id` or the side's `duplicateKey` fields joined by `+`. */
  key: string;
}

/** One possible pairing listed by a `suggested` outcome. */
export interface SuggestedCandidate {
  left: readonly RecordKey[];
  right: readonly RecordKey[];
  /** left − right, minor units, after `net` (absent across currencies). */
  difference?: bigint;
}

/** Records a human should look at: several acceptable pairings, none provably right. */
export interface SuggestedOutcome extends OutcomeBase {
  kind: 'suggested';
  rule: string;
  reason: 'ambiguous' | 'subset-ambiguous' | 'cluster-too-large';
  candidates: readonly SuggestedCandidate[];
}

/** Every outcome. */
export type Outcome = MatchedOutcome | MismatchedOutcome | UnmatchedOutcome | DuplicateOutcome | SuggestedOutcome;

/** Count and money of a set of records. Amounts per currency as exact decimal strings. */
export interface Tally {
  /** Outcomes (for per-source tallies: outcomes touching that source). */
  count: number;
  records: number;
  /** Per currency: `{ credit, debit }`, unsigned decimal strings at the currency's scale. */
  amounts: Readonly<Record<string, { credit: string; debit: string }>>;
}

/** Summary of one link. */
export interface LinkSummary {
  left: string;
  right: string;
  records: { left: number; right: number };
  outcomes: Readonly<Record<OutcomeKind, Tally>>;
  bySource: Readonly<Record<string, Readonly<Record<OutcomeKind, Tally>>>>;
  byRule: Readonly<Record<string, { matched: number; mismatched: number; suggested: number }>>;
}

/** Summary of a run. */
export interface ReconSummary {
  records: number;
  /** Records on no side (no link looked at them). */
  unassigned: number;
  rejected: number;
  links: Readonly<Record<string, LinkSummary>>;
}

/** The outcomes of one link, in export order. */
export interface LinkResult {
  name: string;
  left: string;
  right: string;
  outcomes: readonly Outcome[];
}

/** A record the engine could not read (bad amount or date); it takes part in no link. */
export interface RejectedRecord {
  record: StandardTransaction;
  error: InvalidDataError;
}

/** What {@link reconcile} returns. */
export interface ReconResult {
  /** Every outcome of every link, links in config order. */
  outcomes: readonly Outcome[];
  summary: ReconSummary;
  links: readonly LinkResult[];
  rejected: readonly RejectedRecord[];
}

/** Result of {@link validateConfig}. */
export type ValidateConfigResult = { ok: true; config: ReconConfig } | { ok: false; error: ConfigError };
