import { randomInt } from 'node:crypto';

const IST_OFFSET_MS = 19_800_000;

/**
 * A 25-character `REQUEST_REFERENCE_NUMBER`: `SBI` + source id + IST `yyDDDHHMMSSmmm` + random
 * digits (3 after a 5-character source id, 6 after a 2-character one) [S, aerele
 * `generate_request_reference_number`].
 */
export function newRequestReference(sourceId: string, now: number = Date.now()): string {
  const ist = new Date(now + IST_OFFSET_MS);
  const startOfYear = Date.UTC(ist.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((ist.getTime() - startOfYear) / 86_400_000) + 1;
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${String(ist.getUTCFullYear()).slice(2)}${String(dayOfYear).padStart(3, '0')}${two(ist.getUTCHours())}${two(ist.getUTCMinutes())}${two(ist.getUTCSeconds())}${String(ist.getUTCMilliseconds()).padStart(3, '0')}`;
  let sequence = '';
  for (let i = sourceId.length === 5 ? 3 : 6; i > 0; i--) sequence += String(randomInt(10));
  return `SBI${sourceId}${stamp}${sequence}`;
}
