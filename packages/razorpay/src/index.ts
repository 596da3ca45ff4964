/**
 * `@recon/razorpay`: Razorpay payments, refunds, settlements and the settlement recon report as
 * standard transactions, incremental sync, and webhook verification. The sandbox server lives in
 * `@recon/razorpay/sandbox`.
 * @packageDocumentation
 */
export { VERSION } from './version';
export * from './constants';
export * from './api';
export * from './mapping';
export * from './connector';
export * from './webhooks';
