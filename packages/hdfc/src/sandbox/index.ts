/**
 * `@recon/hdfc/sandbox`: an HDFC API Banking sandbox server for tests, examples and demos.
 * Kept off the main entry so production imports never load the test kit.
 * @packageDocumentation
 */
export { startHdfcSandbox, hdfcSandboxConfig, type HdfcSandbox, type HdfcSandboxCredentials, type HdfcSandboxOptions } from './hdfc-sandbox';
export { createHdfcDataset, type HdfcDataset, type HdfcDatasetOptions, type HdfcStatementLine, type Breakage } from './hdfc-dataset';
export type { HdfcSandboxFormat } from './render-rows';
export type { ResponseCorruption } from './statement-endpoint';
export type { SandboxTlsOptions } from './tls-front';
