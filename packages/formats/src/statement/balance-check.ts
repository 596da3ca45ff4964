import { formatMinor } from '../money/decimal';
import type { FormatWarning, Statement } from '../types';

/**
 * Opening + Σ booked entries = closing, as a warning with the figures, never a failure: one real
 * statement in four does not add up (trimmed or anonymised files, statement-level entries), and
 * a parser that throws on it loses the whole file. Entries that could not be read are counted
 * in the data, since they make the sum incomplete.
 */
export function balanceWarnings(statement: Statement): FormatWarning[] {
  const { openingBalance: opening, closingBalance: closing } = statement;
  if (!opening || !closing) return [];
  const currency = opening.amount.currency;
  if (closing.amount.currency !== currency) {
    return [
      {
        code: 'BALANCE_NOT_CHECKED',
        message: `Opening balance in ${currency} and closing balance in ${closing.amount.currency}: continuity not checked`,
        data: { openingCurrency: currency, closingCurrency: closing.amount.currency },
      },
    ];
  }
  let sum = 0n;
  let foreign = 0;
  let counted = 0;
  for (const entry of statement.entries) {
    if (entry.status !== 'booked') continue;
    if (entry.amount.currency !== currency) {
      foreign++;
      continue;
    }
    sum += entry.amount.minor;
    counted++;
  }
  if (foreign > 0) {
    return [
      {
        code: 'BALANCE_NOT_CHECKED',
        message: `${foreign} booked entr${foreign === 1 ? 'y is' : 'ies are'} not in the balance currency ${currency}: continuity not checked`,
        data: { currency, entriesInOtherCurrencies: foreign },
      },
    ];
  }
  const expected = opening.amount.minor + sum;
  if (expected === closing.amount.minor) return [];
  const fmt = (minor: bigint) => formatMinor(minor, currency);
  return [
    {
      code: 'BALANCE_MISMATCH',
      message: `Opening ${opening.code} ${fmt(opening.amount.minor)} + entries ${fmt(sum)} = ${fmt(expected)}, but closing ${closing.code} is ${fmt(closing.amount.minor)} ${currency} (difference ${fmt(closing.amount.minor - expected)})`,
      ...(statement.line !== undefined && { line: statement.line }),
      data: {
        currency,
        opening: fmt(opening.amount.minor),
        openingCode: opening.code,
        entriesSum: fmt(sum),
        entriesCounted: counted,
        unreadEntries: statement.errors.filter((e) => e.code === 'ENTRY_INVALID').length,
        expectedClosing: fmt(expected),
        closing: fmt(closing.amount.minor),
        closingCode: closing.code,
        difference: fmt(closing.amount.minor - expected),
      },
    },
  ];
}

/**
 * Between consecutive statements of one account, the next opening should equal the previous
 * closing (MT940 `:62M:` → `:60M:` pages of one statement, or day after day). A gap is a warning
 * on the later statement, naming both statements and both balance codes.
 */
export function continuityWarnings(statements: readonly Statement[]): Array<{ statement: Statement; warning: FormatWarning }> {
  const out: Array<{ statement: Statement; warning: FormatWarning }> = [];
  for (let i = 1; i < statements.length; i++) {
    const current = statements[i] as Statement;
    const warning = continuityWarning(statements[i - 1] as Statement, current, i);
    if (warning) out.push({ statement: current, warning });
  }
  return out;
}

/**
 * The continuity check of {@link continuityWarnings} for one pair: `current` is the statement at
 * 0-based position `index` of its file, `previous` the one before it. Lets a stream check each
 * statement as it comes, holding only the previous one.
 */
export function continuityWarning(previous: Statement, current: Statement, index: number): FormatWarning | undefined {
  const i = index;
  const closing = previous.closingBalance;
  const opening = current.openingBalance;
  if (!closing || !opening || previous.account.id !== current.account.id || previous.account.id === undefined) return undefined;
  if (closing.amount.currency !== opening.amount.currency || closing.amount.minor === opening.amount.minor) return undefined;
  const currency = closing.amount.currency;
  return {
    code: 'BALANCE_DISCONTINUITY',
    message: `Statement ${current.sequence ?? current.id ?? i + 1} opens with ${opening.code} ${formatMinor(opening.amount.minor, currency)} but the previous statement ${previous.sequence ?? previous.id ?? i} closed with ${closing.code} ${formatMinor(closing.amount.minor, currency)} ${currency}`,
    ...(current.line !== undefined && { line: current.line }),
    data: {
      currency,
      previousStatement: previous.sequence ?? previous.id ?? null,
      previousClosing: formatMinor(closing.amount.minor, currency),
      previousClosingCode: closing.code,
      opening: formatMinor(opening.amount.minor, currency),
      openingCode: opening.code,
      difference: formatMinor(opening.amount.minor - closing.amount.minor, currency),
    },
  };
}
