import { describe, expect, it } from 'vitest';
import { MIN_TIMESTAMP } from '../constants';
import { nextWindow } from './created-at-stream';
import { revisionOf } from './revision';

const ctx = { initialLo: 1_700_000_000, signpost: 1_700_100_000, overlapSeconds: 3_600 };

describe('nextWindow', () => {
  it('starts the first window at the initial bound, clamped to what the API accepts', () => {
    expect(nextWindow(null, ctx)).toEqual({ lo: 1_700_000_000, hi: 1_700_100_000, skip: 0, done: false, seen: {} });
    expect(nextWindow(null, { ...ctx, initialLo: 0 })?.lo).toBe(MIN_TIMESTAMP);
    expect(nextWindow(null, { ...ctx, initialLo: ctx.signpost })).toBeUndefined();
  });

  it('resumes an interrupted window unchanged, whatever the new signpost', () => {
    const state = { lo: 1, hi: 2, skip: 40, done: false, seen: {} };
    expect(nextWindow(state, { ...ctx, signpost: 9_999_999_999 })).toBe(state);
  });

  it('starts after a finished window at hi − overlap, keeping what was seen there', () => {
    const seen: Record<string, [number, string]> = { pay_A: [1_700_099_000, 'captured/0'] };
    expect(nextWindow({ lo: 1_699_000_000, hi: 1_700_099_500, skip: 0, done: true, seen }, ctx)).toEqual({ lo: 1_700_095_900, hi: 1_700_100_000, skip: 0, done: false, seen });
    expect(nextWindow({ lo: 1, hi: ctx.signpost, skip: 0, done: true, seen }, ctx)).toBeUndefined();
  });
});

describe('revisionOf', () => {
  it('tags the fields whose change is a new version', () => {
    expect(revisionOf('payments', { status: 'captured', amount_refunded: 0 })).toBe('captured/0');
    expect(revisionOf('payments', { status: 'captured', amount_refunded: 100 })).toBe('captured/100');
    expect(revisionOf('settlements', { status: 'created', utr: null })).toBe('created/');
    expect(revisionOf('settlements', { status: 'processed', utr: 'AXISCN1153863727' })).toBe('processed/AXISCN1153863727');
    expect(revisionOf('refunds', { status: 'pending' })).not.toBe(revisionOf('refunds', { status: 'processed' }));
  });

  it('falls back to a content hash for entities without those fields', () => {
    expect(revisionOf('payments', { status: { odd: true } })).toMatch(/^#[0-9a-f]{16}$/);
    expect(revisionOf('payments', 'not an object')).toBe(revisionOf('payments', 'not an object'));
  });
});
