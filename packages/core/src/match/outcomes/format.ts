import { toDecimalString } from '../../money/format';
import { STATUS_NAMES } from '../engine/record-table';

/** Decimal string of signed minor units in `currency` (`-1.50`). */
export function decimal(minor: bigint, currency: string): string {
  return toDecimalString({ minor, currency });
}

/** Status names present in a status bit mask. */
export function statusesOf(mask: number): (typeof STATUS_NAMES)[number][] {
  const out: (typeof STATUS_NAMES)[number][] = [];
  for (let s = 0; s < 6; s++) if (mask & (1 << s)) out.push(STATUS_NAMES[s]!);
  return out;
}

/** `+1`, `-2`, `0`: a signed number with its sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
