/**
 * The batch reconciliation engine: declarative sides, links and rules in, one outcome per record
 * per link out, with evidence, a summary and byte-stable JSON/CSV exports.
 *
 * ```ts
 * const result = reconcile(records, indianPaymentsPreset());
 * writeFileSync('outcomes.json', exportJson(result));
 * ```
 * @packageDocumentation
 */
export type * from './types';
export { reconcile } from './engine/reconcile';
export { TransactionStore, type TransactionStoreStats } from './store/transaction-store';
export { compileConfig, validateConfig } from './config/compile';
export { keyFromField } from './config/field-key';
export { extractReferences, type ExtractedReferences } from './extract/narration';
export { exportJson, outcomeToJson, OUTCOMES_FORMAT } from './export/json';
export { exportCsv, csvField, CSV_COLUMNS } from './export/csv';
export {
  captureCycle,
  indianPaymentsPreset,
  ledgerToGatewayLink,
  normalizedOrderId,
  paymentsToSettlementLink,
  settlementToBankLink,
  withheldReportLink,
  type IndianPaymentsPresetOptions,
  type SideSelector,
} from './presets/indian-payments';
export * from './stream';
