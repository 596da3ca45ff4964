import type { ServedRow } from './dataset';

/**
 * The sandbox's continuation token, in the layout RazorpayX rebuilds ICICI's `LASTTRID` from:
 * `1|<TRANSACTIONID>|<VALUEDATE> 00:00:00|INR|<BALANCE>|<TXNDATE>`. It is stateless (it names the
 * last row served), so a token stored in a cursor still works in a later session. Clients must
 * treat it as opaque.
 */
export function encodeLastTrId(row: ServedRow): string {
  const balance = (row['BALANCE'] ?? '').replaceAll(',', '');
  return ['1', row['TRANSACTIONID'] ?? '', `${row['VALUEDATE'] ?? ''} 00:00:00`, 'INR', balance, row['TXNDATE'] ?? ''].join('|');
}

/** The row a token names: its `TRANSACTIONID` and `TXNDATE` (unique together in a dataset). */
export function decodeLastTrId(token: string): { transactionId: string; txnDate: string } | undefined {
  const parts = token.split('|');
  if (parts.length !== 6 || parts[0] !== '1' || !parts[1] || !parts[5]) return undefined;
  return { transactionId: parts[1], txnDate: parts[5] };
}
