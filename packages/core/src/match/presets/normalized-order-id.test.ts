import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { txn } from '../fixtures.test-helper';
import { normalizedOrderId } from './indian-payments';

const withOrder = (order_id: string | undefined) => txn({ txn_id: 'L1', source: 'ledger', references: order_id === undefined ? {} : { order_id } });
const norm = (id: string) => normalizedOrderId(withOrder(id));

// The rule as first written (a regex and a fixed `order:` form): which ids meet must not change.
const PREFIX = /^(?:order_|ORD[-_]?)/i;
const reference = (id: string) => {
  const body = id.replace(PREFIX, '');
  return body.length >= 10 ? `order:${body}` : id;
};

describe('normalizedOrderId', () => {
  it('meets Razorpay ids and the forms merchants write', () => {
    expect(norm('order_KX3a9f0Y2bLmQp')).toBe('order_KX3a9f0Y2bLmQp');
    for (const form of ['ORD-KX3a9f0Y2bLmQp', 'ORD_KX3a9f0Y2bLmQp', 'ORDKX3a9f0Y2bLmQp', 'ORDER_KX3a9f0Y2bLmQp', 'Order_KX3a9f0Y2bLmQp', 'ord-KX3a9f0Y2bLmQp', 'KX3a9f0Y2bLmQp']) {
      expect(norm(form), form).toBe('order_KX3a9f0Y2bLmQp');
    }
  });

  it('keeps short merchant numbers and other ids exact', () => {
    expect(norm('ORD-1001')).toBe('ORD-1001');
    expect(norm('order_1001')).toBe('order_1001');
    expect(norm('INV-0001')).toBe('INV-0001');
    expect(norm('OR')).toBe('OR');
    expect(normalizedOrderId(withOrder(undefined))).toBeUndefined();
  });

  it('returns the record’s own string when the id is already in Razorpay’s form', () => {
    const id = ['order', 'KX3a9f0Y2bLmQp'].join('_');
    expect(norm(id)).toBe(id);
  });

  it('puts two ids together exactly when the regex rule did', () => {
    const piece = fc.constantFrom('order_', 'ORDER_', 'Order', 'ORD-', 'ORD_', 'ORD', 'ord', 'or', 'O', 'ORDE_', '', 'x');
    const body = fc.stringMatching(/^[A-Za-z0-9_-]{0,16}$/);
    // Half the pairs share a body (different prefixes), so meeting is tested, not only parting.
    fc.assert(
      fc.property(piece, piece, body, body, fc.boolean(), (p, q, x, y, shared) => {
        const a = p + x;
        const b = q + (shared ? x : y);
        expect(norm(a) === norm(b)).toBe(reference(a) === reference(b));
      }),
      { numRuns: 5000 },
    );
  });
});
