/** Debit/credit mark of a `:61:` line. `RC`/`RD` reverse a credit/debit; `EC`/`ED` are MT942 expected items. */
export type Mark61 = 'C' | 'D' | 'RC' | 'RD' | 'EC' | 'ED';

/** The sub-fields of a `:61:` statement line, as text. */
export interface Field61 {
  /** `YYMMDD`. */
  valueDate: string;
  /** `MMDD`, absent when blank or space-filled. */
  entryDate?: string;
  mark: Mark61;
  /** Funds code: the third letter of the currency (`DD212,39` for USD). */
  fundsCode?: string;
  /** Amount as written (`1027,25`, `000000000300.00`, `2,`). */
  amount: string;
  /** Transaction type: `N`/`F`/`S` and three characters (`NTRF`, `N051`, `NOV `, trimmed). */
  typeCode?: string;
  /** Reference for the account owner, possibly longer than the standard 16 characters. */
  customerReference?: string;
  /** Reference of the account servicing institution (after `//`). */
  bankReference?: string;
  /** Supplementary details: the second line, or text padded after a fixed-width reference. */
  supplementary?: string;
}

/** Result of {@link parseField61}. */
export type Field61Result = { ok: true; field: Field61 } | { ok: false; problem: string };

/**
 * value date, optional entry date (4 digits, or spaces), optional spaces, mark, optional funds
 * code letter, amount. The rest of the line is read by hand: its layout varies too much for one
 * pattern (type code present or not, a space before it, references over 16 characters).
 */
const HEAD = /^([0-9]{6})([0-9]{4})?[ ]*(RC|RD|EC|ED|C|D)([A-Z])?([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)/;

/**
 * Parse a `:61:` value (its continuation lines joined with `\n`), with the variants real files
 * have: reversal marks, funds code letters, a blank entry date, a space before the type code,
 * no type code at all (`…,00//ref`, `…,00NONREF`), comma or dot decimals with zero padding,
 * long references, supplementary details on the next line.
 */
export function parseField61(value: string): Field61Result {
  const newline = value.indexOf('\n');
  const first = newline < 0 ? value : value.slice(0, newline);
  const continuation = newline < 0 ? '' : value.slice(newline + 1);
  const head = HEAD.exec(first);
  if (!head) return { ok: false, problem: describeHeadProblem(first) };
  const field: Field61 = { valueDate: head[1] as string, mark: head[3] as Mark61, amount: head[5] as string };
  if (head[2]) field.entryDate = head[2];
  if (head[4]) field.fundsCode = head[4];

  let rest = first.slice(head[0].length).replace(/^ +/, '');
  if (rest.startsWith('NONREF')) {
    // `D20,00NONREF` (Penta): no type code; reading `NONR` as one would leave the reference "EF".
  } else if (/^[NFS][A-Z0-9][A-Z0-9 ]{2}/.test(rest)) {
    field.typeCode = rest.slice(0, 4).trimEnd();
    rest = rest.slice(4);
  }
  const slashes = rest.indexOf('//');
  const customer = (slashes < 0 ? rest : rest.slice(0, slashes)).trimEnd();
  const bank = slashes < 0 ? '' : rest.slice(slashes + 2).trim();
  const inline = splitPadded(customer);
  if (inline.reference !== '') field.customerReference = inline.reference;
  if (bank !== '') field.bankReference = bank;
  const supplementary = [inline.padded, continuation.trim()].filter((s) => s !== '').join('\n');
  if (supplementary !== '') field.supplementary = supplementary;
  return { ok: true, field };
}

/**
 * Fixed-width layouts (old ING and Rabobank) pad the 16-character reference with spaces and put
 * supplementary text after it on the same line: `1173113681      ROBECO`. A long reference
 * without such a gap (Wise) stays whole.
 */
function splitPadded(text: string): { reference: string; padded: string } {
  const gap = /^(\S(?:.*?\S)?) {2,}(\S.*)$/.exec(text);
  if (gap && (gap[1] as string).length <= 16) return { reference: gap[1] as string, padded: gap[2] as string };
  return { reference: text.trim(), padded: '' };
}

function describeHeadProblem(line: string): string {
  if (!/^[0-9]{6}/.test(line)) return 'a :61: line must start with a YYMMDD value date';
  const afterDates = line.slice(6).replace(/^[0-9]{4}/, '').replace(/^ +/, '');
  if (!/^(RC|RD|EC|ED|C|D)/.test(afterDates)) return 'missing debit/credit mark (C, D, RC, RD) after the dates';
  return 'missing or malformed amount after the debit/credit mark';
}
