import type { SandboxResponse } from '@recon/core/testing';
import type { RazorpayErrorBody } from '../api/types';

/** Razorpay's error envelope for a 400 input-validation failure (the documented `count=0` shape). */
export function badRequest(description: string, field?: string): SandboxResponse {
  const error: RazorpayErrorBody = {
    code: 'BAD_REQUEST_ERROR',
    description,
    source: 'business',
    step: 'payment_initiation',
    reason: 'input_validation_failed',
    metadata: {},
    ...(field !== undefined && { field }),
  };
  return { status: 400, body: { error } };
}

/** An error whose `source`, `step` and `reason` are all `NA` (auth failures, unknown URLs). */
export function naError(status: number, description: string, code = 'BAD_REQUEST_ERROR'): { status: number; body: unknown } {
  return { status, body: { error: { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {} } } };
}

/** Body of a 429. Razorpay documents neither body nor headers for it; this follows the envelope. */
export function tooManyRequestsBody(): { error: RazorpayErrorBody } {
  return { error: { code: 'BAD_REQUEST_ERROR', description: 'Too many requests', source: 'NA', step: 'NA', reason: 'NA', metadata: {} } };
}

/** A collection page: `count` is the size of this page. */
export function collection(items: unknown[]): SandboxResponse {
  return { body: { entity: 'collection', count: items.length, items } };
}
