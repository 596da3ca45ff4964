import { fullYear, isoDate } from '../dates';

/**
 * Date layouts of bank exports. `d`/`dd` day, `m`/`mm` month number, `mmm` month name
 * (Jan, JAN, January), `yy`/`yyyy` year; separators `/ - . ` or space.
 */
export type CsvDateFormat =
  | 'dd/mm/yy'
  | 'dd/mm/yyyy'
  | 'dd-mm-yy'
  | 'dd-mm-yyyy'
  | 'dd.mm.yyyy'
  | 'dd.mm.yy'
  | 'd mmm yyyy'
  | 'dd mmm yyyy'
  | 'dd-mmm-yy'
  | 'dd-mmm-yyyy'
  | 'dd mmm yy'
  | 'yyyy-mm-dd'
  | 'mm/dd/yyyy';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** An optional time after the date (`10:22`, `10:22:11`, `10:22 AM`), which is dropped. */
const TIME = '(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\\s*[AaPp][Mm])?)?';

function layout(format: CsvDateFormat): { pattern: RegExp; order: Array<'d' | 'm' | 'y' | 'mmm'> } {
  const order: Array<'d' | 'm' | 'y' | 'mmm'> = [];
  const source = format
    .split(/([/\-. ])/)
    .map((token) => {
      if (token === 'd' || token === 'dd') {
        order.push('d');
        return '([0-9]{1,2})';
      }
      if (token === 'mm') {
        order.push('m');
        return '([0-9]{1,2})';
      }
      if (token === 'mmm') {
        order.push('mmm');
        return '([A-Za-z]{3,9})';
      }
      if (token === 'yy') {
        order.push('y');
        return '([0-9]{2})';
      }
      if (token === 'yyyy') {
        order.push('y');
        return '([0-9]{4})';
      }
      return token === ' ' ? '\\s+' : `\\${token}`;
    })
    .join('');
  return { pattern: new RegExp(`^${source}${TIME}$`), order };
}

const LAYOUTS = new Map<CsvDateFormat, ReturnType<typeof layout>>();

/** Read `text` with the first matching format, as `YYYY-MM-DD`; undefined when none fits. */
export function readCsvDate(text: string, formats: readonly CsvDateFormat[]): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  for (const format of formats) {
    let compiled = LAYOUTS.get(format);
    if (!compiled) {
      compiled = layout(format);
      LAYOUTS.set(format, compiled);
    }
    const match = compiled.pattern.exec(value);
    if (!match) continue;
    let day = 0;
    let month = 0;
    let year = 0;
    compiled.order.forEach((part, i) => {
      const token = match[i + 1] as string;
      if (part === 'd') day = Number(token);
      else if (part === 'm') month = Number(token);
      else if (part === 'mmm') month = MONTHS[token.toLowerCase()] ?? MONTHS[token.slice(0, 3).toLowerCase()] ?? 0;
      else year = token.length === 2 ? fullYear(Number(token)) : Number(token);
    });
    const iso = isoDate(year, month, day);
    if (iso) return iso;
  }
  return undefined;
}
