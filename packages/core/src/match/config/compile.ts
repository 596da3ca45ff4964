import { ConfigError, type ValidationIssue } from '../../errors';
import { issuesFromZod, formatIssues } from '../../schema/parse';
import { CHANNEL_CODE, STATUS_CODE, TYPE_CODE } from '../engine/codes';
import type { KeySpec, KeyValue } from '../engine/record-table';
import type {
  ChecksConfig,
  CompiledConfig,
  FieldPath,
  IdentifierConfig,
  KeySource,
  LinkConfig,
  ReconConfig,
  RecordFilter,
  RuleConfig,
  SubsetSumConfig,
  ValidateConfigResult,
} from '../types';
import type {
  CompiledAmount,
  CompiledChecks,
  CompiledConfigImpl,
  CompiledIdentifier,
  CompiledLink,
  CompiledRule,
  CompiledSide,
  CompiledSubset,
  RecordPredicate,
} from './compiled';
import { fieldKeyOf } from './field-key';
import { fieldAccess } from './field-paths';
import { ReconConfigSchema } from './schema';

const ALNUM_STRIP = /[^A-Z0-9]/g;

/** Upper-case, alphanumerics only: `ax-is/cn 0118` → `AXISCN0118`. */
export function normaliseAlnum(value: string): string {
  // Most keys (UTRs, RRNs) are already clean: one scan of char codes instead of two string passes.
  let clean = true;
  for (let i = 0; i < value.length && clean; i++) {
    const c = value.charCodeAt(i);
    clean = (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  }
  return clean ? value : value.toUpperCase().replace(ALNUM_STRIP, '');
}

function cleanKeys(value: string | readonly string[] | undefined | null, alnum: boolean): string | readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const v = alnum ? normaliseAlnum(value) : value;
    return v === '' ? undefined : v;
  }
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const v = alnum ? normaliseAlnum(item) : item;
    if (v !== '' && !out.includes(v)) out.push(v);
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

/** Ids of key functions, so a function used in two rules is read once per run. */
const functionIds = new WeakMap<KeySource & ((...args: never[]) => unknown), number>();
let nextFunctionId = 0;

/** Compile a key source into a reader; one closure per config, never per record. */
export function keyReader(source: KeySource, alnum: boolean): KeySpec {
  const suffix = alnum ? ':alnum' : '';
  if (typeof source === 'function') {
    let n = functionIds.get(source);
    if (n === undefined) {
      n = ++nextFunctionId;
      functionIds.set(source, n);
    }
    // Key functions often hand out one cached array for many records (the days of a settlement
    // window, asked by every member of a group): its cleaned form is kept while the content stays
    // the same, instead of a new array (and its de-duplication) per record. Content, not identity,
    // decides: a function may refill one array between calls.
    let lastIn: readonly unknown[] = [];
    let lastOut: KeyValue | undefined;
    const sameAsLast = (v: readonly unknown[]) => {
      if (v.length !== lastIn.length) return false;
      for (let k = 0; k < v.length; k++) if (v[k] !== lastIn[k]) return false;
      return true;
    };
    const field = fieldKeyOf(source);
    if (field !== undefined) {
      // Reads the field in place (from a store: no record rebuilt per key), then maps it.
      const { path, map } = field;
      const access = fieldAccess(path);
      const read = access.kind === 'plain' ? access.read : () => undefined;
      return {
        id: `fn#${n}${suffix}`,
        computed: true,
        read: (table, i) => {
          const v = table.field(path, read, i);
          return cleanKeys(v === undefined ? undefined : map(v), alnum);
        },
      };
    }
    return {
      id: `fn#${n}${suffix}`,
      computed: true,
      read: (table, i) => {
        const v = source(table.txn(i));
        if (!Array.isArray(v)) return cleanKeys(v as string | undefined | null, alnum);
        if (sameAsLast(v)) return lastOut;
        lastOut = cleanKeys(v, alnum);
        lastIn = v.slice();
        return lastOut;
      },
    };
  }
  const access = fieldAccess(source);
  const id = `${source}${suffix}`;
  switch (access.kind) {
    case 'plain': {
      const { read, path } = access;
      // Members of a settlement group carry one UTR: its normal form is kept while it repeats.
      let lastRaw: string | undefined;
      let lastClean: KeyValue | undefined;
      return alnum
        ? {
            id,
            computed: true,
            read: (table, i) => {
              const v = table.field(path, read, i);
              if (v !== lastRaw) {
                lastRaw = v;
                lastClean = cleanKeys(v, true);
              }
              return lastClean;
            },
          }
        : {
            id,
            read: (table, i) => {
              const v = table.field(path, read, i);
              return v === '' ? undefined : v;
            },
          };
    }
    case 'extracted': {
      const which = access.which;
      return {
        id,
        read: (table, i) => {
          const list = table.extracted(i)[which];
          return list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
        },
      };
    }
    case 'amount':
      return { id, computed: true, read: (table, i) => `${table.currencies[table.currencyId[i]!]!}:${table.ar.toMinorString(table.signed(i))}` };
  }
}

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | null => (v === undefined ? null : Array.isArray(v) ? v : [v as T]);
const maskOf = (names: readonly string[] | null, codes: Readonly<Record<string, number>>) => (names ? names.reduce((m, n) => m | (1 << codes[n]!), 0) : 0);

/** Compile a record filter (null when it accepts everything). */
export function compileFilter(filter: RecordFilter | undefined): RecordPredicate | null {
  if (!filter) return null;
  const sources = asList(filter.source);
  const predicate: RecordPredicate = {
    sources: sources ? new Set(sources) : null,
    sign: filter.direction === 'CREDIT' ? 1 : filter.direction === 'DEBIT' ? -1 : 0,
    types: maskOf(asList(filter.transaction_type), TYPE_CODE),
    statuses: maskOf(asList(filter.status), STATUS_CODE),
    channels: maskOf(asList(filter.channel), CHANNEL_CODE),
    where: filter.where ?? null,
  };
  const empty = !predicate.sources && predicate.sign === 0 && !predicate.types && !predicate.statuses && !predicate.channels && !predicate.where;
  return empty ? null : predicate;
}

const label = (s: KeySource) => (typeof s === 'function' ? s.name || 'fn' : s);

function compileIdentifier(id: FieldPath | IdentifierConfig): CompiledIdentifier {
  const cfg: IdentifierConfig = typeof id === 'string' ? { left: id, right: id } : id;
  const alnum = cfg.normalize === 'alnum';
  const leftLabel = label(cfg.left);
  const rightLabel = label(cfg.right);
  return {
    name: cfg.name ?? (leftLabel === rightLabel ? leftLabel : `${leftLabel}=${rightLabel}`),
    leftLabel,
    rightLabel,
    left: keyReader(cfg.left, alnum),
    right: keyReader(cfg.right, alnum),
    prefix: cfg.compare === 'prefix',
    minLength: cfg.minLength ?? 10,
  };
}

function compileChecks(checks: ChecksConfig | undefined): CompiledChecks {
  const tol = checks?.amount?.tolerance;
  const net = checks?.amount?.net ?? [];
  const absolute = tol?.absolute ?? 0;
  const bps = tol?.bps ?? 0;
  const allow = tol?.allow ?? 'both';
  const parts = [absolute > 0 ? `${absolute} minor` : '', bps > 0 ? `${bps}bps${tol?.cap !== undefined ? ` cap ${tol.cap}` : ''}` : ''].filter(Boolean);
  const amount: CompiledAmount = {
    netFee: net.includes('fee'),
    netTax: net.includes('tax'),
    absolute,
    bps,
    cap: tol?.cap ?? Number.POSITIVE_INFINITY,
    allowUnder: allow !== 'over',
    allowOver: allow !== 'under',
    label: parts.length === 0 ? 'exact' : `${allow === 'both' ? '±' : allow === 'under' ? '−' : '+'}${parts.join(' or ')}`,
  };
  const d = checks?.date;
  const unit = d?.unit ?? 'days';
  const date = d
    ? {
        leftField: typeof d.field === 'object' ? d.field.left : (d.field ?? 'value_date'),
        rightField: typeof d.field === 'object' ? d.field.right : (d.field ?? 'value_date'),
        before: d.before ?? 0,
        after: d.after ?? 0,
        unit,
        unitMs: unit === 'days' ? 0 : unit === 'hours' ? 3_600_000 : unit === 'minutes' ? 60_000 : 1000,
      }
    : null;
  let status: Uint8Array | null = null;
  if (checks?.status === 'equal') {
    status = new Uint8Array(6);
    for (let s = 0; s < 6; s++) status[s] = 1 << s;
  } else if (checks?.status) {
    status = new Uint8Array(6);
    for (const [left, rights] of Object.entries(checks.status)) {
      let mask = 0;
      for (const r of rights ?? []) mask |= 1 << STATUS_CODE[r]!;
      status[STATUS_CODE[left]!] = mask;
    }
  }
  return { amount, date, status, direction: checks?.direction ?? 'same' };
}

function compileSubset(subset: SubsetSumConfig): CompiledSubset {
  const runs = subset.runs;
  const netting = runs?.netting;
  return {
    maxCandidates: subset.maxCandidates ?? 24,
    maxIterations: subset.maxIterations ?? 200_000,
    runs: runs
      ? {
          partitionBy: keyReader(runs.partitionBy, false),
          maxSkipped: runs.maxSkipped ?? 0,
          netting: netting
            ? {
                filter: compileFilter(netting.filter),
                minDays: netting.minDays ?? 1,
                maxDays: netting.maxDays ?? 2,
                parentBy: netting.parentBy === undefined ? null : keyReader(netting.parentBy, false),
              }
            : null,
        }
      : null,
  };
}

function compileRule(rule: RuleConfig, link: LinkConfig): CompiledRule {
  const cardinality = rule.cardinality ?? 'one-to-one';
  return {
    name: rule.name,
    leftFilter: compileFilter(rule.filters?.left),
    rightFilter: compileFilter(rule.filters?.right),
    identifiers: (rule.identifiers ?? []).map(compileIdentifier),
    checks: compileChecks(rule.checks),
    cardinality,
    groupBy: rule.groupBy === undefined ? null : keyReader(rule.groupBy, false),
    groupByLabel: rule.groupBy === undefined ? '' : label(rule.groupBy),
    groupDate: rule.groupDate ?? 'max',
    subset: rule.subsetSum ? compileSubset(rule.subsetSum) : null,
    ambiguity: rule.ambiguity ?? link.ambiguity ?? 'unique-or-review',
    mismatchOnFailure: (rule.onCheckFailure ?? 'mismatch') === 'mismatch',
    maxCandidates: rule.maxCandidates ?? 64,
    optimalCap: rule.optimalCap ?? 8,
  };
}

/** Cross-reference checks zod cannot express. Pushes every problem found. */
function crossCheck(config: ReconConfig, issues: ValidationIssue[]): void {
  const add = (path: (string | number)[], message: string) => issues.push({ path, message, code: 'CONFIG_INVALID' });
  const sideNames = new Set<string>();
  config.sides.forEach((side, i) => {
    if (sideNames.has(side.name)) add(['sides', i, 'name'], `duplicate side name "${side.name}"`);
    sideNames.add(side.name);
  });
  const linkNames: string[] = [];
  config.links.forEach((link, li) => {
    const at = (...rest: (string | number)[]) => ['links', li, ...rest];
    if (linkNames.includes(link.name)) add(at('name'), `duplicate link name "${link.name}"`);
    if (!sideNames.has(link.left)) add(at('left'), `unknown side "${link.left}"`);
    if (!sideNames.has(link.right)) add(at('right'), `unknown side "${link.right}"`);
    if (link.left === link.right) add(at('right'), 'a link joins two different sides');
    for (const side of ['left', 'right'] as const) {
      (link.excludeResolvedIn?.[side] ?? []).forEach((name, k) => {
        if (!linkNames.includes(name)) add(at('excludeResolvedIn', side, k), `"${name}" is not a link listed before this one`);
      });
    }
    linkNames.push(link.name);
    const ruleNames = new Set<string>();
    link.rules.forEach((rule, ri) => {
      const r = (...rest: (string | number)[]) => at('rules', ri, ...rest);
      if (ruleNames.has(rule.name)) add(r('name'), `duplicate rule name "${rule.name}" in link "${link.name}"`);
      ruleNames.add(rule.name);
      const grouped = (rule.cardinality ?? 'one-to-one') !== 'one-to-one';
      if (grouped && rule.groupBy === undefined && !rule.subsetSum) add(r('groupBy'), `${rule.cardinality} needs groupBy or subsetSum`);
      if (!grouped) {
        if (rule.groupBy !== undefined) add(r('groupBy'), 'groupBy needs cardinality one-to-many or many-to-one');
        if (rule.subsetSum) add(r('subsetSum'), 'subsetSum needs cardinality one-to-many or many-to-one');
        if (rule.groupDate) add(r('groupDate'), 'groupDate needs cardinality one-to-many or many-to-one');
      }
      if (rule.subsetSum?.runs && (rule.identifiers ?? []).length > 0) add(r('identifiers'), 'a subset-sum rule with runs blocks by partition and takes no identifiers');
      const netting = rule.subsetSum?.runs?.netting;
      if (netting && (netting.minDays ?? 1) > (netting.maxDays ?? 2)) add(r('subsetSum', 'runs', 'netting', 'minDays'), 'minDays must not exceed maxDays');
      const identifiers = rule.identifiers ?? [];
      if (identifiers.length === 0 && !(rule.subsetSum && rule.checks?.date)) {
        add(r('identifiers'), 'at least one identifier is needed (only a subset-sum rule with a date check may have none)');
      }
      identifiers.forEach((id, k) => {
        if (typeof id === 'string') return;
        if ((typeof id.left === 'function' || typeof id.right === 'function') && !id.name) add(r('identifiers', k, 'name'), 'an identifier with a function needs a name');
        if (id.compare === 'prefix' && (id.left === 'amount' || id.right === 'amount')) add(r('identifiers', k, 'compare'), 'prefix compare does not apply to amount');
      });
      const status = rule.checks?.status;
      if (status && status !== 'equal' && Object.keys(status).length === 0) add(r('checks', 'status'), 'an empty status table accepts nothing');
    });
  });
}

function validationIssues(config: unknown): { issues: ValidationIssue[]; config?: ReconConfig } {
  const parsed = ReconConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    // Cross-references too, so one run lists every problem; the shape is unchecked here, so any
    // surprise in it only ends this best-effort pass.
    try {
      crossCheck(config as ReconConfig, issues);
    } catch {
      // the shape issues already explain it
    }
    return { issues };
  }
  // Validate, but keep the caller's object (functions and all) as the config.
  const typed = config as ReconConfig;
  const issues: ValidationIssue[] = [];
  crossCheck(typed, issues);
  return { issues, config: typed };
}

/**
 * Check a config and report every problem (shape, ranges, unknown keys, and cross-references such
 * as a link naming an unknown side or a grouped rule without `groupBy`). Never throws.
 */
export function validateConfig(config: unknown): ValidateConfigResult {
  const { issues, config: typed } = validationIssues(config);
  if (issues.length > 0 || !typed) {
    return { ok: false, error: new ConfigError(`Invalid reconciliation config: ${formatIssues(issues)}`, { code: 'MATCH_CONFIG_INVALID', details: { issues } }) };
  }
  return { ok: true, config: typed };
}

/** True for a config returned by {@link compileConfig}. */
export function isCompiled(config: ReconConfig | CompiledConfig): config is CompiledConfigImpl {
  return (config as CompiledConfig).compiled === true;
}

/**
 * Validate and compile a config once (key readers, filters, status tables), for reuse across
 * runs. {@link reconcile} accepts either form.
 *
 * @throws ConfigError (`MATCH_CONFIG_INVALID`) listing every problem in `details.issues`.
 */
export function compileConfig(config: ReconConfig | CompiledConfig): CompiledConfig {
  if (isCompiled(config)) return config;
  const result = validateConfig(config);
  if (!result.ok) throw result.error;
  const cfg = result.config;
  const sides: CompiledSide[] = cfg.sides.map((side) => ({
    name: side.name,
    sources: new Set(side.sources),
    filter: compileFilter(side.filter),
    duplicateKey: side.duplicateKey ? side.duplicateKey.map((p) => keyReader(p, false)) : null,
    duplicateKeyLabel: side.duplicateKey ? side.duplicateKey.join('+') : '',
  }));
  const sideIndex = (name: string) => cfg.sides.findIndex((s) => s.name === name);
  const linkIndex = (name: string) => cfg.links.findIndex((l) => l.name === name);
  const links: CompiledLink[] = cfg.links.map((link) => ({
    name: link.name,
    left: sideIndex(link.left),
    right: sideIndex(link.right),
    leftFilter: compileFilter(link.filters?.left),
    rightFilter: compileFilter(link.filters?.right),
    excludeLeft: (link.excludeResolvedIn?.left ?? []).map(linkIndex),
    excludeRight: (link.excludeResolvedIn?.right ?? []).map(linkIndex),
    rules: link.rules.map((rule) => compileRule(rule, link)),
  }));
  const compiled: CompiledConfigImpl = { config: cfg, compiled: true, sides, links };
  return compiled;
}
