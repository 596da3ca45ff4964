import { createOccurrenceCounter } from '@recon/core';
import { mapStatementRow } from '../mapping/map-statement-row';
import type { IciciDataset } from './dataset';

/**
 * The `txn_id`s a full read of the whole dataset must yield, in serving order: each valid row
 * through the connector's own mapping, one occurrence counter for the read.
 */
export function datasetTxnIds(dataset: IciciDataset): string[] {
  const context = { accountNumber: dataset.accountNumber, nextOccurrence: createOccurrenceCounter() };
  return dataset.validRows.map((row) => {
    const result = mapStatementRow(row, context);
    if (!result.ok) throw new Error(`dataset row ${row['TRANSACTIONID'] ?? '?'} does not map: ${JSON.stringify(result.issues)}`);
    return result.txn.txn_id;
  });
}
