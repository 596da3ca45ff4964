export { generateDataset, PRICE_POINTS, type Dataset, type DatasetStats } from './generate';
export { DEFAULT_NOISE, resolveOptions, type GeneratorOptions, type NoiseRates, type ResolvedOptions } from './options';
export { Label, LABEL_NAMES, type GroundTruth, type BatchTruth } from './truth';
export { SOURCES, ACCOUNTS } from './sources';
export { FEE_BPS, GST_BPS, feeBreakdown } from './fees';
export { TRUNCATED_CHARS } from './utr';
export { ledgerIndexOf, orderOfPaymentId, orderOfOrderId, refundIndexOf, batchOfSettlementId } from './decode';
