export { sampleLedger, SampleLedgerConfig, type SampleLedgerCursor } from './sample-ledger';
export { startSampleLedgerSandbox, SAMPLE_LEDGER_API_KEY_HEADER, SAMPLE_LEDGER_MAX_LIMIT, type SampleLedgerSandbox, type SampleLedgerSandboxOptions } from './ledger-sandbox';
export { createLedgerDataset, type LedgerApiRow, type LedgerDataset, type LedgerDatasetOptions, type LedgerEntry } from './ledger-dataset';
export { mapLedgerRow, SAMPLE_LEDGER_SOURCE, type TransactionCandidate } from './map-ledger-row';
