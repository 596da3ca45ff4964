/**
 * `@recon/razorpay/sandbox`: a faithful Razorpay v1 sandbox server for tests, demos and benchmarks.
 * @packageDocumentation
 */
export { startRazorpaySandbox, rateLimitFault, type RazorpaySandbox, type RazorpaySandboxCredentials, type RazorpaySandboxOptions } from './start-sandbox';
export { createRazorpayDataset, DEFAULT_DATASET_START, type DatasetWindow, type InvalidKind, type RazorpayDataset, type RazorpayDatasetOptions } from './dataset';
export { buildWebhookEvents, type BuildWebhookEventsOptions, type SandboxWebhookEvent } from './webhook-events';
export { deliverWebhooks, type DeliverWebhooksOptions, type WebhookDeliveryReport } from './deliver-webhooks';
export { phpJsonEncode } from './php-json';
export type { SandboxRateLimit } from './rate-limit';
