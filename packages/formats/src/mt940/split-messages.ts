/** One `:TAG:value` field of an MT940/MT942 message, continuation lines joined with `\n`. */
export interface MtField {
  tag: string;
  value: string;
  /** 1-based line of the tag. */
  line: number;
  /** Offsets of the field in the text, for raw slices (end exclusive, line terminator excluded). */
  start: number;
  end: number;
  /** Offset of the value (after the `:TAG:`). */
  valueStart: number;
}

/** One message (statement) of a file: its fields in order. */
export interface MtMessage {
  fields: MtField[];
  /** 1-based line of the first field. */
  line: number;
  /** Message type from a SWIFT block 2 (`{2:I940…}` → `940`), when the message had an envelope. */
  messageType?: string;
}

/** What the front end found besides messages: the non-tag lines it skipped outside any field. */
export interface MtSplit {
  /** Number of messages handed to the callback. */
  count: number;
  /** The first {@link SKIPPED_EXAMPLES} skipped lines. */
  skipped: Array<{ line: number; text: string }>;
  /** How many lines were skipped in all. */
  skippedCount: number;
}

/**
 * Tags after which a new `:20:` starts a new message. Files without `-` separators (the 2003
 * Rabobank layout) rely on this; a stray `:12:` before `:20:` does not start one.
 */
const BODY_TAGS: ReadonlySet<string> = new Set(['20', '21', '25', '28', '28C', '60', '60F', '60M', '61', '62', '62F', '62M', '64', '65', '86', '90C', '90D']);

const COLON = 58;
const DASH = 45;
const BRACE = 123;
const CR = 13;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;

/** Length of the `:TAG:` prefix at `pos` (`:20:` → 4, `:28C:` → 5, `:NS:` → 4), or 0 when there is none. */
function tagLength(text: string, pos: number, end: number): number {
  if (end - pos < 4 || text.charCodeAt(pos) !== COLON) return 0;
  const a = text.charCodeAt(pos + 1);
  const b = text.charCodeAt(pos + 2);
  const c = text.charCodeAt(pos + 3);
  if (isDigit(a) && isDigit(b)) {
    if (c === COLON) return 4;
    if (isUpper(c) && end - pos >= 5 && text.charCodeAt(pos + 4) === COLON) return 5;
    return 0;
  }
  return a === 78 /* N */ && b === 83 /* S */ && c === COLON ? 4 : 0;
}

/**
 * The tags the parser compares against, written out: string literals are internalized, so
 * `tag === '86'` is decided by identity, where a computed copy of the same characters (from
 * `padStart` or `slice`) is compared character by character, several times per field.
 */
const LITERAL_TAGS: ReadonlyMap<string, string> = new Map(
  ['13', '13D', '20', '21', '25', '28', '28C', '34F', '60', '60F', '60M', '61', '62', '62F', '62M', '64', '65', '86', '90C', '90D'].map((t): [string, string] => [t, t]),
);

function literalTag(tag: string): string {
  return LITERAL_TAGS.get(tag) ?? tag;
}

/**
 * Tags as shared constant strings, by character codes: a fresh two-character slice per field
 * would be garbage, and comparing constants (`tag === '86'`) is cheaper than comparing copies.
 */
const TWO_DIGIT_TAGS: readonly string[] = Array.from({ length: 100 }, (_, n) => literalTag(String(n).padStart(2, '0')));
/** Tags with a letter (`28C`, `60F`) by their two digits and letter: `two * 26 + letter`, filled as met. */
const LETTER_TAGS: Array<string | undefined> = Array.from({ length: 100 * 26 }, () => undefined);

function tagAt(text: string, pos: number, length: number): string {
  const a = text.charCodeAt(pos + 1);
  if (a === 78 /* N */) return 'NS';
  const two = (a - 48) * 10 + (text.charCodeAt(pos + 2) - 48);
  if (length === 4) return TWO_DIGIT_TAGS[two] as string;
  // tagLength has checked that the third character is an upper-case letter.
  const key = two * 26 + (text.charCodeAt(pos + 3) - 65);
  let tag = LETTER_TAGS[key];
  if (tag === undefined) {
    tag = literalTag(text.slice(pos + 1, pos + 4));
    LETTER_TAGS[key] = tag;
  }
  return tag;
}

/** How many skipped lines are kept as examples: the rest are only counted, so memory stays bounded. */
export const SKIPPED_EXAMPLES = 20;

/** The front end's state while it walks the lines of one text. */
interface SplitState {
  text: string;
  /** Messages complete but not yet taken by {@link nextMessage}: at most one per line read. */
  ready: MtMessage[];
  count: number;
  skipped: Array<{ line: number; text: string }>;
  skippedCount: number;
  message: MtMessage | undefined;
  /** The field being read: its value is sliced from the text once, when it is complete. */
  field: MtField | undefined;
  bodySeen: boolean;
  pendingType: string | undefined;
  terminator: string;
  lf: boolean;
  /** Whether the text holds a CR anywhere (CRLF or CR-only line ends, or a stray one). */
  cr: boolean;
  /**
   * The first CR at or after the last place one was looked for (the text's length when there is
   * none): fields come in text order, so each stretch of text is searched once, even where CRLF
   * and LF files were concatenated and the next CR is far ahead.
   */
  nextCr: number;
  pos: number;
  lineNo: number;
  done: boolean;
}

/** A pull reader over one text's messages: {@link nextMessage} hands them out one at a time. */
export type MessageReader = SplitState;

/** A reader at the start of `text` (see {@link splitMessages} for what the front end accepts). */
export function messageReader(text: string): MessageReader {
  const lf = text.includes('\n');
  return {
    text,
    ready: [],
    count: 0,
    skipped: [],
    skippedCount: 0,
    message: undefined,
    field: undefined,
    bodySeen: false,
    pendingType: undefined,
    terminator: lf ? '\n' : '\r',
    lf,
    cr: text.includes('\r'),
    nextCr: -1,
    pos: 0,
    lineNo: 0,
    done: false,
  };
}

/**
 * The next complete message, or undefined at the end of the text. Reads only as many lines as it
 * takes, so a caller that drops each message keeps one message's fields alive at a time.
 */
export function nextMessage(state: MessageReader): MtMessage | undefined {
  const { text, terminator, lf, ready } = state;
  const length = text.length;
  // Position and line number in locals while walking lines; stored back before returning.
  let pos = state.pos;
  let lineNo = state.lineNo;
  while (ready.length === 0) {
    if (pos > length) {
      if (state.done) break;
      state.done = true;
      closeMessage(state);
      continue;
    }
    let next = text.indexOf(terminator, pos);
    if (next < 0) next = length;
    lineNo++;
    // CRLF: the CR is not part of the line.
    const end = lf && next > pos && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    const start = pos;
    pos = next + 1;
    handleLine(state, start, end, lineNo);
  }
  state.pos = pos;
  state.lineNo = lineNo;
  return state.ready.shift();
}

/**
 * The tolerant front end: split decoded MT940/MT942 text into messages of fields.
 *
 * - line ends: CRLF, LF or CR alone;
 * - SWIFT envelopes `{1:…}{2:…}{3:…}{4:` (one line or several) are unwrapped; `-}` and `{5:…}` end a message;
 * - a line that is only `-` ends a message; so does a `:20:` after body fields (files without separators);
 * - lines before the first tag (bank headers such as `ABNANL2A/940/ABNANL2A`, `:940:`, Danske's
 *   explanatory text) are skipped and reported;
 * - any other line continues the current field (`:86:` text, `:61:` supplementary details).
 *
 * Linear in the input, and it works on offsets: a field's value is sliced once, not line by line.
 * Each message goes to `onMessage` as soon as it is complete, so its fields are short-lived
 * garbage instead of a whole file's worth held until the end.
 */
export function splitMessages(text: string, onMessage: (message: MtMessage) => void): MtSplit {
  const state = messageReader(text);
  for (let message = nextMessage(state); message !== undefined; message = nextMessage(state)) onMessage(message);
  return { count: state.count, skipped: state.skipped, skippedCount: state.skippedCount };
}

function closeField(state: SplitState): void {
  const { field, message, text } = state;
  if (!field || !message) return;
  // CRLF (or CR-only) files: continuation lines are joined with a plain `\n`. A text without any
  // CR (most LF files) needs no look at each value.
  const { valueStart, end } = field;
  if (state.cr && state.nextCr < valueStart) {
    const cr = text.indexOf('\r', valueStart);
    state.nextCr = cr < 0 ? text.length : cr;
  }
  field.value = state.cr && state.nextCr < end ? joinLines(text, state.nextCr, valueStart, end) : text.slice(valueStart, end);
  message.fields.push(field);
  state.field = undefined;
}

/**
 * `text.slice(start, end)` with each `\r\n` or lone `\r` as `\n`, as `replace(/\r\n?/g, '\n')` gives
 * it: pieces between the CRs, found by `indexOf`, instead of a pattern over every value. `firstCr`
 * is the first CR at or after `start`, known to be before `end`.
 */
function joinLines(text: string, firstCr: number, start: number, end: number): string {
  let cr = firstCr;
  let value = '';
  let from = start;
  while (cr >= 0 && cr < end) {
    value += `${text.slice(from, cr)}\n`;
    from = cr + 1 < end && text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    cr = text.indexOf('\r', from);
  }
  return value + text.slice(from, end);
}

function closeMessage(state: SplitState): void {
  closeField(state);
  if (state.message) {
    state.count++;
    state.ready.push(state.message);
  }
  state.message = undefined;
  state.bodySeen = false;
}

function handleLine(state: SplitState, start: number, end: number, lineNo: number): void {
  if (end === start) return;
  const text = state.text;
  const first = text.charCodeAt(start);
  if (first === COLON) {
    const length = tagLength(text, start, end);
    if (length > 0) {
      const tag = tagAt(text, start, length);
      closeField(state);
      if (tag === '20' && state.bodySeen) closeMessage(state);
      if (!state.message) {
        state.message = { fields: [], line: lineNo };
        if (state.pendingType) state.message.messageType = state.pendingType;
        state.pendingType = undefined;
      }
      state.field = { tag, value: '', line: lineNo, start, end, valueStart: start + length };
      if (!state.bodySeen && BODY_TAGS.has(tag)) state.bodySeen = true;
      return;
    }
  }
  if (first === DASH && (end - start === 1 || text.charCodeAt(start + 1) === 125 /* } */ || text.slice(start, end).trim() === '-')) {
    closeMessage(state);
    return;
  }
  if (first === BRACE && /^\{[1-5]:/.test(text.slice(start, start + 3))) {
    // A new envelope: whatever came before is complete.
    if (state.message && (state.message.fields.length > 0 || state.field)) closeMessage(state);
    const line = text.slice(start, end);
    const type = /\{2:[IO]([0-9]{3})/.exec(line);
    if (type) state.pendingType = type[1];
    const block4 = line.indexOf('{4:');
    if (block4 >= 0 && line.slice(block4 + 3).trim() !== '') handleLine(state, start + block4 + 3, end, lineNo);
    return;
  }
  if (state.field) {
    state.field.end = end;
    return;
  }
  const line = text.slice(start, end);
  if (line.trim() === '') return;
  state.skippedCount++;
  if (state.skipped.length < SKIPPED_EXAMPLES) state.skipped.push({ line: lineNo, text: line });
}
