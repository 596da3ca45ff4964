export { computeWebhookSignature, verifyWebhookSignature, type RawBody } from './signature';
export { verifyWebhook, headerValue, type VerifiedWebhook, type VerifyWebhookOptions, type WebhookHeaders } from './verify-webhook';
export { signTestPayload, type SignedTestPayload, type SignTestPayloadOptions } from './sign-test-payload';
export { WebhookError, type WebhookErrorCode } from './webhook-error';
export { createMemoryDedupStore, type MemoryDedupStoreOptions, type WebhookDedupStore } from './dedup-store';
export { translateWebhookEvent, TRANSLATED_EVENTS, type TranslatedEvent } from './translate-event';
export { createWebhookHandler, type WebhookDelivery, type WebhookHandler, type WebhookHandlerOptions, type WebhookRequest, type WebhookResult } from './handler';
export { toNodeListener, type NodeListenerOptions } from './node-listener';
