/**
 * `@recon/sbi/sandbox`: an SBI corporate API sandbox server for tests, examples and demos.
 * Kept off the main entry so production imports never load the test kit.
 * @packageDocumentation
 */
export { startSbiSandbox, sbiSandboxConfig, type SbiSandbox, type SbiSandboxCredentials, type SbiSandboxOptions } from './sbi-sandbox';
export { createSbiDataset, type SbiDataset, type SbiDatasetOptions, type SbiStatementLine, type SbiBreakage } from './sbi-dataset';
export type { SbiResponseCorruption } from './statement-endpoint';
