import { ReconError, type ErrorKind } from '@recon/core';
import { RAZORPAY_SOURCE } from '../constants';

/** Why a webhook delivery was refused. */
export type WebhookErrorCode =
  | 'WEBHOOK_SIGNATURE_MISSING'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOK_BODY_NOT_RAW'
  | 'WEBHOOK_BODY_RESERIALIZED'
  | 'WEBHOOK_EVENT_ID_MISSING'
  | 'WEBHOOK_PAYLOAD_INVALID';

const KIND: Readonly<Record<WebhookErrorCode, ErrorKind>> = {
  WEBHOOK_SIGNATURE_MISSING: 'auth',
  WEBHOOK_SIGNATURE_INVALID: 'auth',
  WEBHOOK_BODY_NOT_RAW: 'config',
  WEBHOOK_BODY_RESERIALIZED: 'config',
  WEBHOOK_EVENT_ID_MISSING: 'invalid_data',
  WEBHOOK_PAYLOAD_INVALID: 'invalid_data',
};

/** Signature failures answer 401 (a re-serialized body is one: the signature did not match). */
const UNAUTHORIZED: ReadonlySet<WebhookErrorCode> = new Set(['WEBHOOK_SIGNATURE_MISSING', 'WEBHOOK_SIGNATURE_INVALID', 'WEBHOOK_BODY_RESERIALIZED']);

/**
 * A refused webhook delivery. `httpStatus` is what to answer Razorpay: 401 when the signature did
 * not verify, 400 otherwise. The message never contains the secret, the signature or the body.
 */
export class WebhookError extends ReconError {
  override readonly code: WebhookErrorCode;
  readonly httpStatus: number;

  constructor(code: WebhookErrorCode, message: string) {
    super(`[recon:${RAZORPAY_SOURCE}] ${message}`, { code, kind: KIND[code], retryable: false, connector: RAZORPAY_SOURCE });
    this.code = code;
    this.httpStatus = UNAUTHORIZED.has(code) ? 401 : 400;
  }
}
