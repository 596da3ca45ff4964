import type { Channel, TransactionStatus, TransactionType } from '@recon/core';
import type { EntryStatus, StatementEntry } from '../types';

/** Entry status → standard status. Pending, future and information-only lines are not final. */
export function standardStatus(status: EntryStatus): TransactionStatus {
  return status === 'booked' ? 'SUCCESS' : 'PENDING';
}

/**
 * The standard transaction type from the bank's code, where the code says something reliable:
 * SWIFT `:61:` types (`NCHG`, `NINT`, `NTRF`, `NCHK`, `NDDT`) and ISO 20022 bank transaction
 * codes (`…/CHRG`, `…/INTR`, `PMNT/RCDT|ICDT/…`, `PMNT/RDDT|IDDT/…`). Reversals first; `OTHER`
 * when nothing matches, never a guess from free text.
 */
export function transactionType(entry: Pick<StatementEntry, 'reversal' | 'typeCode'>): TransactionType {
  if (entry.reversal) return 'REVERSAL';
  const code = entry.typeCode?.toUpperCase();
  if (!code) return 'OTHER';
  if (/^[NFS](CHG|COM)$/.test(code) || /\/(CHRG|COMM|COMT|FEES)$/.test(code)) return 'FEE';
  if (/^[NFS]INT$/.test(code) || /\/(INTR|RIMP)$/.test(code)) return 'INTEREST';
  if (/^[NFS](CHK|DDT|DCR|POS|ECK)$/.test(code) || /^PMNT\/(RDDT|IDDT|CCRD|RCHQ|ICHQ|MCRD)\//.test(code)) return 'PAYMENT';
  if (/^[NFS](TRF|STO|RTI|CLR)$/.test(code) || /^PMNT\/(RCDT|ICDT)\//.test(code)) return 'TRANSFER';
  return 'OTHER';
}

/** The rail an entry's codes name (cheques), when the narration named none. */
export function channelFromCode(typeCode: string | undefined): Channel | undefined {
  const code = typeCode?.toUpperCase();
  if (!code) return undefined;
  if (/^[NFS](CHK|ECK)$/.test(code) || /\/(RCHQ|ICHQ|CCHQ|BCHQ|CQRV)\b/.test(code)) return 'CHEQUE';
  if (/^PMNT\/(CCRD|MCRD)\//.test(code)) return 'CARD';
  return undefined;
}
