import { describe, expect, it } from 'vitest';
import { splitMessages, type MtMessage } from './split-messages';

function split(text: string) {
  const messages: MtMessage[] = [];
  const result = splitMessages(text, (m) => messages.push(m));
  return { messages, skipped: result.skipped, count: result.count };
}
const tags = (m: MtMessage | undefined) => m?.fields.map((f) => f.tag);

describe('splitMessages', () => {
  it('reads LF, CRLF and CR-only files alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const { messages } = split([':20:REF', ':25:123', ':86:line one', 'line two', '-'].join(eol));
      expect(tags(messages[0])).toEqual(['20', '25', '86']);
      expect(messages[0]?.fields[2]?.value).toBe('line one\nline two');
    }
  });

  it('skips bank header lines before the first tag and reports them', () => {
    const { messages, skipped } = split('ABNANL2A\n940\nABNANL2A\n:940:\n:20:ABN\n:25:1\n');
    expect(tags(messages[0])).toEqual(['20', '25']);
    expect(skipped.map((s) => s.text)).toEqual(['ABNANL2A', '940', 'ABNANL2A', ':940:']);
    expect(skipped[0]?.line).toBe(1);
  });

  it('unwraps SWIFT envelopes on one line or several, and keeps the message type', () => {
    const oneLine = split('{1:F01KNABNL2HAXXX0000000000}{2:I942KNABNL2HXXXXN3020}{4:\n:20:A\n-}\n{1:F01X}{2:I940X}{4:\n:20:B\n-}{5:}');
    expect(oneLine.messages.map((m) => [m.messageType, m.fields[0]?.value])).toEqual([
      ['942', 'A'],
      ['940', 'B'],
    ]);
    const multiLine = split('{1:F01INGBNL2AXXXX00001}\r\n{2:I940INGBNL2AXXXN}\r\n{4:\r\n:20:MPBZ\r\n:25:1\r\n-}');
    expect(tags(multiLine.messages[0])).toEqual(['20', '25']);
    const inline = split('{1:F01X}{2:I940X}{4::20:INLINE\n:25:1\n-}');
    expect(inline.messages[0]?.fields[0]).toMatchObject({ tag: '20', value: 'INLINE' });
  });

  it('starts a new message at a :20: after body fields when a file has no separators', () => {
    const { messages } = split(':940:\n:20:A\n:25:1\n:60F:C030106EUR0,00\n:62F:C030107EUR0,00\n:20:B\n:25:1\n');
    expect(messages.map((m) => m.fields[0]?.value)).toEqual(['A', 'B']);
  });

  it('does not split on a stray tag before :20:, nor on a dash inside text', () => {
    const { messages } = split(':12:11\n:20:A\n:86:text\n-ID:?27X\n:62F:C160301EUR1,00\n-');
    expect(messages).toHaveLength(1);
    expect(tags(messages[0])).toEqual(['12', '20', '86', '62F']);
    expect(messages[0]?.fields[2]?.value).toBe('text\n-ID:?27X');
  });

  it('treats text that starts with a brace as narrative, not as an envelope', () => {
    const { messages } = split(':20:A\n:86:first\n{not a block}\n-');
    expect(messages[0]?.fields[1]?.value).toBe('first\n{not a block}');
  });

  it('reads :NS: and letter-suffixed tags, and not three-digit ones', () => {
    const { messages } = split(':20:A\n:NS:01My Street\n02City\n:28C:1/1\n:123:no tag\n');
    expect(tags(messages[0])).toEqual(['20', 'NS', '28C']);
    expect(messages[0]?.fields[2]?.value).toBe('1/1\n:123:no tag');
  });

  it('records offsets and lines so entries can keep their raw text', () => {
    const text = 'HEADER\r\n:20:A\r\n:61:2001010101C1,00NTRF\r\n:86:x\r\ny\r\n-';
    const { messages } = split(text);
    const f86 = messages[0]?.fields[2];
    expect(f86?.line).toBe(4);
    expect(text.slice(f86?.start, f86?.end)).toBe(':86:x\r\ny');
  });

  it('joins continuation lines with a plain LF whatever the line ends, as a CR pattern replace would', () => {
    // Mixed ends, a stray CR inside a line and after the last character, and CRLF text after LF
    // text (concatenated files): each value must equal its raw slice with `\r\n?` as `\n`.
    const lines = [':20:A', ':86:one', 'two\rthree', 'four\r', ':61:2001010101C1,00NTRF', 'sup', '-', ':20:B', ':86:x', 'y'];
    const ends = ['\n', '\r\n', '\n', '\r\n', '\r', '\n', '\n', '\r\n', '\r\n', '\r\n'];
    const text = lines.map((line, i) => line + ends[i]).join('');
    const { messages } = split(text);
    const fields = messages.flatMap((m) => m.fields);
    expect(fields.map((f) => f.tag)).toEqual(['20', '86', '61', '20', '86']);
    for (const f of fields) expect(f.value).toBe(text.slice(f.valueStart, f.end).replace(/\r\n?/g, '\n'));
    expect(fields[1]?.value).toBe('one\ntwo\nthree\nfour\n');
    expect(fields[4]?.value).toBe('x\ny');
  });

  it('finds nothing in text without tags', () => {
    expect(split('just some text\nand more').count).toBe(0);
  });
});
