import { formatIssues, InvalidDataError, safeParseTransaction } from '@recon/core';
import type { InvalidMessage, StandardTransaction } from '@recon/core';
import { RAZORPAY_SOURCE } from '../constants';
import { mapPayment } from '../mapping/map-payment';
import { mapRefund } from '../mapping/map-refund';
import { mapSettlement } from '../mapping/map-settlement';
import type { MapOptions, MapResult } from '../mapping/result';

/** The events translated into standard transactions, and the payload entity each one carries. */
export const TRANSLATED_EVENTS: Readonly<Record<string, { key: 'payment' | 'refund' | 'settlement'; map: (entity: unknown, options: MapOptions) => MapResult }>> = Object.freeze({
  'payment.captured': { key: 'payment', map: mapPayment },
  'payment.failed': { key: 'payment', map: mapPayment },
  'refund.processed': { key: 'refund', map: mapRefund },
  'settlement.processed': { key: 'settlement', map: mapSettlement },
});

/** What an event became. */
export interface TranslatedEvent {
  /** False for events this SDK does not translate (they are acknowledged and otherwise ignored). */
  translated: boolean;
  records: StandardTransaction[];
  invalid: InvalidMessage[];
}

/**
 * Translate a verified event into standard transactions, mapped exactly as the connector maps the
 * same entity from the API: same `txn_id`, so webhook and polling versions upsert into one row.
 *
 * Only terminal events are translated. Razorpay does not order deliveries, so a
 * `payment.authorized` arriving after `payment.captured` would, if translated, move the payment
 * back to PENDING in a consumer that upserts blindly. For the same reason `refund.processed`
 * yields only the refund, not the payment snapshot it also carries.
 */
export function translateWebhookEvent(body: Record<string, unknown>, options: MapOptions = {}): TranslatedEvent {
  const event = body['event'];
  const spec = typeof event === 'string' ? TRANSLATED_EVENTS[event] : undefined;
  if (!spec) return { translated: false, records: [], invalid: [] };
  const payload = body['payload'] as Record<string, unknown> | undefined;
  const holder = payload?.[spec.key];
  const entity = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)['entity'] : undefined;
  if (entity === undefined) {
    const error = new InvalidDataError(`[recon:${RAZORPAY_SOURCE}] ${String(event)} event has no payload.${spec.key}.entity`, {
      code: 'RAZORPAY_EVENT_INVALID',
      connector: RAZORPAY_SOURCE,
      issues: [{ path: ['payload', spec.key, 'entity'], message: 'is required', code: 'required' }],
      raw: body,
    });
    return { translated: true, records: [], invalid: [{ type: 'invalid', raw: body, error }] };
  }
  const mapped = spec.map(entity, options);
  if (!mapped.ok) return { translated: true, records: [], invalid: [{ type: 'invalid', raw: entity, error: mapped.error }] };
  const parsed = safeParseTransaction(mapped.txn);
  if (parsed.success) return { translated: true, records: [parsed.data], invalid: [] };
  const error = new InvalidDataError(`[recon:${RAZORPAY_SOURCE}] ${String(event)} entity is not a valid transaction: ${formatIssues(parsed.error.issues)}`, {
    code: 'TXN_INVALID',
    connector: RAZORPAY_SOURCE,
    issues: parsed.error.issues,
    raw: entity,
  });
  return { translated: true, records: [], invalid: [{ type: 'invalid', raw: entity, error }] };
}
