/**
 * `@recon/icici/sandbox`: an ICICI CIB statement API on 127.0.0.1 for tests, demos and examples.
 * @packageDocumentation
 */
export { startIciciSandbox, type IciciSandbox, type IciciSandboxCredentials, type IciciSandboxOptions } from './start-icici-sandbox';
export { createIciciDataset, type DatasetEntry, type IciciDataset, type IciciDatasetOptions, type InvalidKind, type ServedRow } from './dataset';
export { generateRsaKeyPair, type PemKeyPair } from './keys';
export { encodeLastTrId, decodeLastTrId } from './last-trid';
export type { SandboxRegistration, StatementCall } from './statement-route';
export { datasetTxnIds } from './dataset-txn-ids';
