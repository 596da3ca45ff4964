import { InvalidDataError, type Money } from '@recon/core';
import { FormatErrorCode, fileError, recordError } from '../errors';
import { isStatementCurrency } from '../money/currency';
import { decimalProblemMessage, formatMinor, readMoney } from '../money/decimal';
import { balanceWarnings, continuityWarning } from '../statement/balance-check';
import type { Balance, BalanceKind, ExtraField, FormatWarning, Statement, StatementAccount, StatementEntry, StatementSummary } from '../types';
import { buildEntry, toExtra, type EntryContext, type EntryFields } from './build-entry';
import type { NarrativeDialect } from './narrative';
import { parseAccountField, parseDateTimeIndication, parseEntryCount, parseFloorLimit, readBalanceText, type BalanceText } from './simple-fields';
import { messageReader, nextMessage, SKIPPED_EXAMPLES, type MessageReader, type MtField, type MtMessage } from './split-messages';

/** Options of {@link parseMt940}. */
export interface Mt940Options {
  /**
   * Currency to assume for a statement that names none (no balance, no `:34F:`, no currency
   * suffix on `:25:`): fragments only. Without it, such entries are reported as errors.
   */
  currency?: string;
  /** Extra `:86:` dialects, tried before the built-in ones (sub-fields, slash tags, free text). */
  narrativeDialects?: readonly NarrativeDialect[];
  /**
   * Read `@@` as a line break, as some German bank exports write MT940 on one line
   * (`@@:20:STARTUMS@@:25:…`). Off by default: such a file is otherwise rejected as not MT940.
   */
  atAtLineBreaks?: boolean;
}

/** Result of {@link parseMt940}. */
export interface Mt940Result {
  statements: Statement[];
  /** File-level warnings (skipped header lines). */
  warnings: FormatWarning[];
}

/**
 * What a balance tag means, or undefined for other tags. A switch over the shared tag constants
 * rather than a record: `'60'` and `'62'` are array-index keys to V8, which made the record
 * lookup a slow keyed one for every field.
 */
function balanceKind(tag: string): BalanceKind | undefined {
  switch (tag) {
    case '60F':
    case '60':
      return 'opening';
    case '60M':
      return 'interim-opening';
    case '62F':
    case '62':
      return 'closing';
    case '62M':
      return 'interim-closing';
    case '64':
      return 'closing-available';
    case '65':
      return 'forward-available';
    default:
      return undefined;
  }
}

/** MT942-only tags. Tags are shared constant strings (see `split-messages.ts`): cheap to compare. */
const isMt942Tag = (tag: string) => tag === '13D' || tag === '34F' || tag === '90D' || tag === '90C' || tag === '13';

/**
 * Parse MT940 (customer statement) and MT942 (interim report) text: any number of messages,
 * with or without SWIFT envelopes, bank headers and separators. Each message becomes a
 * {@link Statement}; a bad `:61:` line or balance becomes an `InvalidDataError` in
 * `statement.errors` and the rest still parses. Balance continuity is checked as a warning.
 *
 * @throws InvalidDataError `NOT_A_STATEMENT` when no line starts with an MT940 tag.
 */
export function parseMt940(input: string, options: Mt940Options = {}): Mt940Result {
  const cursor = statementCursor(input, options);
  const statements: Statement[] = [];
  for (let statement = nextStatement(cursor); statement !== undefined; statement = nextStatement(cursor)) statements.push(statement);
  return { statements, warnings: cursor.warnings };
}

/**
 * Statements of MT940/MT942 text one at a time, and the file-level warnings once they are all read.
 * `warnings` is complete when the iteration has ended (skipped lines are only known then).
 */
export interface Mt940Iteration extends IterableIterator<Statement> {
  /** File-level warnings (skipped header lines); complete once the iteration has ended. */
  readonly warnings: FormatWarning[];
}

/**
 * {@link parseMt940} as a stream: each statement is handed out as soon as its message is read,
 * and only the current message and the previous statement (for continuity) are held, so memory
 * stays bounded however large the file (the input string aside). Collected, the statements and
 * `warnings` equal `parseMt940`'s result exactly, continuity warnings included.
 *
 * @throws InvalidDataError `NOT_A_STATEMENT` (from `next()`, at the end) when no line starts with an MT940 tag.
 */
export function iterateMt940(input: string, options: Mt940Options = {}): Mt940Iteration {
  const cursor = statementCursor(input, options);
  const iteration: Mt940Iteration = {
    warnings: cursor.warnings,
    next(): IteratorResult<Statement, undefined> {
      const statement = nextStatement(cursor);
      return statement === undefined ? { done: true, value: undefined } : { done: false, value: statement };
    },
    [Symbol.iterator]() {
      return iteration;
    },
  };
  return iteration;
}

/** Where a parse of one text stands: the message reader, the previous statement (for continuity), the file warnings. */
interface StatementCursor {
  input: string;
  text: string;
  options: Mt940Options;
  dialects: readonly NarrativeDialect[];
  reader: MessageReader;
  previous: Statement | undefined;
  index: number;
  warnings: FormatWarning[];
  finished: boolean;
  /**
   * The statement being built gathers its balances and entries here (from slot 0, emptied after)
   * and keeps exact copies: an array grown by push keeps room for 17 and more, and the result lives on.
   */
  balances: Array<Balance | undefined>;
  entries: Array<StatementEntry | undefined>;
}

function statementCursor(input: string, options: Mt940Options): StatementCursor {
  const text = options.atAtLineBreaks ? input.replace(/@@/g, '\n') : input;
  return { input, text, options, dialects: options.narrativeDialects ?? [], reader: messageReader(text), previous: undefined, index: 0, warnings: [], finished: false, balances: [], entries: [] };
}

function nextStatement(cursor: StatementCursor): Statement | undefined {
  if (cursor.finished) return undefined;
  const message = nextMessage(cursor.reader);
  if (message === undefined) {
    cursor.finished = true;
    finish(cursor);
    return undefined;
  }
  const statement = buildStatement(message, cursor);
  if (cursor.previous !== undefined) {
    const warning = continuityWarning(cursor.previous, statement, cursor.index);
    if (warning) statement.warnings.push(warning);
  }
  cursor.previous = statement;
  cursor.index++;
  return statement;
}

/** End of the text: reject a text with no message at all, report skipped lines. */
function finish(cursor: StatementCursor): void {
  const { reader, options, input } = cursor;
  cursor.previous = undefined;
  if (reader.count === 0) {
    const hint = !options.atAtLineBreaks && /@@:[0-9]{2}[A-Z]?:/.test(input) ? ' The text uses "@@" as line breaks; pass atAtLineBreaks: true to read it.' : '';
    throw fileError(FormatErrorCode.NOT_A_STATEMENT, `No MT940/MT942 field found: no line starts with a tag such as :20:, :25:, :60F: or :61:.${hint}`, input);
  }
  if (reader.skippedCount > 0) {
    cursor.warnings.push({
      code: 'LINES_SKIPPED',
      message: `${reader.skippedCount} line(s) outside any field were skipped (bank header or preamble)`,
      line: (reader.skipped[0] as { line: number }).line,
      data: { count: reader.skippedCount, lines: reader.skipped.slice(0, SKIPPED_EXAMPLES).map((s) => ({ line: s.line, text: s.text })) },
    });
  }
}

/** A balance field as read: the balance, or the problem as text. */
type BalanceRead = BalanceText | string;

/**
 * The balance field {@link statementCurrency} read last and what it read: the statement loop reads
 * the same field again, and a balance is read once instead of twice (two per statement).
 */
let lastBalanceField: MtField | undefined;
let lastBalanceRead: BalanceRead | undefined;

function readBalanceField(f: MtField): BalanceRead {
  if (f === lastBalanceField) return lastBalanceRead as BalanceRead;
  lastBalanceField = f;
  lastBalanceRead = readBalanceText(f.value);
  return lastBalanceRead;
}

/** The statement currency: first readable balance, else `:34F:`, `:90D:`/`:90C:`, the `:25:` suffix, the option. */
function statementCurrency(fields: readonly MtField[], fallback: string | undefined): string | undefined {
  for (const f of fields) {
    if (balanceKind(f.tag) !== undefined) {
      const read = readBalanceField(f);
      if (typeof read !== 'string' && isStatementCurrency(read.currency)) return read.currency;
    }
  }
  for (const f of fields) {
    const currency = f.tag === '34F' ? parseFloorLimit(f.value)?.currency : f.tag === '90D' || f.tag === '90C' ? parseEntryCount(f.value)?.currency : undefined;
    if (currency && isStatementCurrency(currency)) return currency;
  }
  const account = fields.find((f) => f.tag === '25');
  const suffix = account ? parseAccountField(account.value).currency : undefined;
  return suffix ?? fallback;
}

/**
 * Where each optional key of a statement goes, as {@link buildStatement} records the order in
 * which the fields first set them (three bits each, the first one highest).
 */
const ID = 1;
const SEQUENCE = 2;
const OPENING = 3;
const CLOSING = 4;
const CREATED = 5;
const FLOOR = 6;
/** `:20:`, `:28C:`, `:60F:`, `:62F:` in that order: almost every statement. */
const USUAL_ORDER = ((ID * 8 + SEQUENCE) * 8 + OPENING) * 8 + CLOSING;

function buildStatement(message: MtMessage, cursor: StatementCursor): Statement {
  const { text, dialects } = cursor;
  const fallbackCurrency = cursor.options.currency;
  // Gathered in the cursor's arrays by count (slots past the count are stale and never read), so
  // no length is ever set: that is a call into the engine.
  const { balances, entries } = cursor;
  let balanceCount = 0;
  let entryCount = 0;
  let isMt942 = message.messageType === '942';
  for (let i = 0; !isMt942 && i < message.fields.length; i++) isMt942 = isMt942Tag((message.fields[i] as MtField).tag);
  // The statement's parts are gathered in locals and the statement is made once at the end, in
  // one literal when its keys come in the usual order: keys added one by one after a literal
  // moved every statement through five shapes and into an out-of-object property store.
  // `order` records which optional key was set first, second, … so the keys keep the order in
  // which the fields set them, as before.
  const warnings: FormatWarning[] = [];
  const errors: InvalidDataError[] = [];
  const information: string[] = [];
  const extras: ExtraField[] = [];
  let account: StatementAccount | undefined;
  let id: string | undefined;
  let sequence: string | undefined;
  let createdAt: string | undefined;
  let openingBalance: Balance | undefined;
  let closingBalance: Balance | undefined;
  let floorLimits: { debit?: Money; credit?: Money } | undefined;
  let summary: StatementSummary | undefined;
  let order = 0;
  const currency = statementCurrency(message.fields, fallbackCurrency);
  let open: EntryFields | undefined;
  // One context per statement, its index moved along, instead of an object per entry.
  const ctx: EntryContext = { text, currency, index: 0, dialects };

  for (const whole of message.fields) {
    const f = whole.tag === '86' || whole.tag === 'NS' || whole.tag === '61' ? whole : firstLineOnly(whole, warnings);
    if (f.tag === '86' || f.tag === 'NS') {
      if (open) {
        // Most entries have one `:86:` and no `:NS:`: an array only when there is something to hold.
        if (f.tag === '86') {
          if (open.narrative === NO_FIELDS) open.narrative = [f];
          else open.narrative.push(f);
        } else if (open.extras === NO_FIELDS) open.extras = [f];
        else open.extras.push(f);
      } else if (f.tag === '86') information.push(f.value);
      else extras.push(toExtra(f));
      continue;
    }
    if (open) {
      const entry = closeEntry(open, entryCount, ctx, warnings, errors);
      if (entry) entries[entryCount++] = entry;
      open = undefined;
    }
    const kind = balanceKind(f.tag);
    if (kind !== undefined) {
      // `f` is `whole` unless continuation lines were cut off, and then it must be read anew.
      const read = f === whole ? readBalanceField(f) : readBalanceText(f.value);
      if (typeof read === 'string') {
        fieldError(errors, text, f, read);
        continue;
      }
      const amount = amountOf(errors, text, f, read.amount, read.currency, read.mark === 'D');
      if (!amount) continue;
      const balance: Balance = { kind, code: f.tag, amount, date: read.date };
      balances[balanceCount++] = balance;
      if (kind === 'opening' || kind === 'interim-opening') {
        if (openingBalance) duplicate(warnings, f);
        else order = order * 8 + OPENING;
        openingBalance = balance;
      } else if (kind === 'closing' || kind === 'interim-closing') {
        if (closingBalance) duplicate(warnings, f);
        else order = order * 8 + CLOSING;
        closingBalance = balance;
      }
      continue;
    }
    switch (f.tag) {
      case '61':
        open = { line61: f, narrative: NO_FIELDS, extras: NO_FIELDS };
        break;
      case '20':
        if (id === undefined) order = order * 8 + ID;
        id = f.value.trim();
        break;
      case '25':
        account = parseAccountField(f.value);
        break;
      case '28':
      case '28C':
        if (sequence === undefined) order = order * 8 + SEQUENCE;
        sequence = f.value.trim();
        break;
      case '13D':
      case '13': {
        const at = parseDateTimeIndication(f.value);
        if (at) {
          if (createdAt === undefined) order = order * 8 + CREATED;
          createdAt = at;
        } else fieldError(errors, text, f, 'expected YYMMDDHHMM and an optional ±HHMM offset');
        break;
      }
      case '34F': {
        const limit = parseFloorLimit(f.value);
        if (!limit) {
          fieldError(errors, text, f, 'expected a currency, an optional D/C mark and an amount');
          break;
        }
        const amount = amountOf(errors, text, f, limit.amount, limit.currency);
        if (!amount) break;
        if (floorLimits === undefined) {
          floorLimits = {};
          order = order * 8 + FLOOR;
        }
        // One :34F: without a mark is the limit for debits and credits alike.
        if (limit.mark !== 'C') floorLimits.debit = amount;
        if (limit.mark !== 'D') floorLimits.credit = amount;
        break;
      }
      case '90D':
      case '90C': {
        const count = parseEntryCount(f.value);
        if (!count) {
          fieldError(errors, text, f, 'expected a number of entries, a currency and a sum');
          break;
        }
        const sum = amountOf(errors, text, f, count.amount, count.currency, f.tag === '90D');
        if (sum) (summary ??= {})[f.tag === '90D' ? 'debits' : 'credits'] = { count: count.count, sum };
        break;
      }
      default:
        extras.push(toExtra(f));
    }
  }
  if (open) {
    const entry = closeEntry(open, entryCount, ctx, warnings, errors);
    if (entry) entries[entryCount++] = entry;
  }
  lastBalanceField = undefined;
  lastBalanceRead = undefined;
  const format = isMt942 ? 'mt942' : 'mt940';
  const line = message.line;
  const balanceList = balanceCount > 0 ? takeGathered(balances, balanceCount) : [];
  const entryList = entryCount > 0 ? takeGathered(entries, entryCount) : [];
  let statement: Statement;
  if (order === USUAL_ORDER && currency) {
    statement = {
      format,
      account: account ?? {},
      balances: balanceList,
      entries: entryList,
      information,
      extras,
      warnings,
      errors,
      line,
      currency,
      id: id as string,
      sequence: sequence as string,
      openingBalance: openingBalance as Balance,
      closingBalance: closingBalance as Balance,
    };
  } else {
    statement = { format, account: account ?? {}, balances: balanceList, entries: entryList, information, extras, warnings, errors, line };
    if (currency) statement.currency = currency;
    // The recorded order, first key first.
    let keys = 0;
    for (let rest = order; rest > 0; rest = Math.floor(rest / 8)) keys++;
    for (let k = keys - 1; k >= 0; k--) {
      switch (Math.floor(order / 8 ** k) % 8) {
        case ID:
          statement.id = id;
          break;
        case SEQUENCE:
          statement.sequence = sequence;
          break;
        case OPENING:
          statement.openingBalance = openingBalance;
          break;
        case CLOSING:
          statement.closingBalance = closingBalance;
          break;
        case CREATED:
          statement.createdAt = createdAt;
          break;
        case FLOOR:
          statement.floorLimits = floorLimits;
          break;
      }
    }
  }
  if (summary) {
    statement.summary = summary;
    warnings.push(...summaryWarnings(statement, summary));
  }
  const balance = balanceWarnings(statement);
  if (balance.length > 0) warnings.push(...balance);
  return statement;
}

/** The shared empty field list of an entry being gathered (never written to: replaced when a field comes). */
const NO_FIELDS: MtField[] = [];

/** The first `count` slots of `scratch` as an exact array; the slots are emptied so nothing stays alive through them. */
function takeGathered<T>(scratch: Array<T | undefined>, count: number): T[] {
  // One or two (most statements' balances and entries) as a literal, which costs less than a slice call.
  const out = (count === 1 ? [scratch[0]] : count === 2 ? [scratch[0], scratch[1]] : scratch.slice(0, count)) as T[];
  for (let i = 0; i < count; i++) scratch[i] = undefined;
  return out;
}

/** The `:61:` (with its `:86:` and `:NS:`) as entry number `index`, or undefined after adding the error that says why it is none. */
function closeEntry(open: EntryFields, index: number, ctx: EntryContext, warnings: FormatWarning[], errors: InvalidDataError[]): StatementEntry | undefined {
  ctx.index = index;
  const built = buildEntry(open, ctx, warnings);
  if (!(built instanceof InvalidDataError)) return built;
  errors.push(built);
  return undefined;
}

function fieldError(errors: InvalidDataError[], text: string, f: MtField, problem: string): void {
  errors.push(recordError(FormatErrorCode.FIELD_INVALID, `Unreadable :${f.tag}: field: ${problem}`, text.slice(f.start, f.end), { line: f.line, field: f.tag }, [problem]));
}

function amountOf(errors: InvalidDataError[], text: string, f: MtField, amountText: string, fieldCurrency: string, negative = false): Money | undefined {
  const money = readMoney(amountText, fieldCurrency, negative);
  if (typeof money !== 'string') return money;
  fieldError(errors, text, f, decimalProblemMessage(money, amountText, fieldCurrency));
  return undefined;
}

/**
 * Balances, references and counts are one-line fields. Text after their first line is a typo'd
 * tag (`:86 :`), a DOS end-of-file mark or a broken export; it is reported, not read.
 */
function firstLineOnly(f: MtField, warnings: FormatWarning[]): MtField {
  const newline = f.value.indexOf('\n');
  if (newline < 0) return f;
  const rest = f.value.slice(newline + 1);
  // Whitespace and the DOS end-of-file mark (Ctrl-Z) are not content.
  if (rest.split('\u001a').join('').trim() !== '') {
    warnings.push({
      code: 'FIELD_CONTINUATION_IGNORED',
      message: `:${f.tag}: is a one-line field; the ${rest.split('\n').length} line(s) after it were not read`,
      line: f.line,
      data: { tag: f.tag, text: rest },
    });
  }
  return { ...f, value: f.value.slice(0, newline) };
}

function duplicate(warnings: FormatWarning[], f: MtField): void {
  warnings.push({ code: 'DUPLICATE_FIELD', message: `:${f.tag}: appears more than once in one statement; the last one is used`, line: f.line, data: { tag: f.tag } });
}

/** MT942 `:90D:`/`:90C:` against the entries actually present. */
function summaryWarnings(statement: Statement, summary: StatementSummary): FormatWarning[] {
  const out: FormatWarning[] = [];
  for (const side of ['debits', 'credits'] as const) {
    const stated = summary[side];
    if (!stated?.sum) continue;
    const entries = statement.entries.filter((e) => (side === 'debits' ? e.amount.minor < 0n : e.amount.minor > 0n));
    const sum = entries.reduce((acc, e) => acc + e.amount.minor, 0n);
    if (entries.length !== stated.count || sum !== stated.sum.minor) {
      const currency = stated.sum.currency;
      out.push({
        code: 'SUMMARY_MISMATCH',
        message: `:${side === 'debits' ? '90D' : '90C'}: states ${stated.count} ${side} totalling ${formatMinor(stated.sum.minor, currency)}, the statement has ${entries.length} totalling ${formatMinor(sum, currency)}`,
        data: { side, statedCount: stated.count ?? null, statedSum: formatMinor(stated.sum.minor, currency), count: entries.length, sum: formatMinor(sum, currency), currency },
      });
    }
  }
  return out;
}
