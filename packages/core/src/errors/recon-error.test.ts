import { describe, expect, it } from 'vitest';
import { AuthError, ConfigError, InvalidDataError, isReconError, NetworkError, RateLimitError, ReconError, UpstreamError } from './recon-error';

describe('ReconError', () => {
  it('defaults retryable from kind', () => {
    expect(new RateLimitError('slow').retryable).toBe(true);
    expect(new NetworkError('reset').retryable).toBe(true);
    expect(new NetworkError('stop', { kind: 'aborted' }).retryable).toBe(false);
    expect(new ConfigError('bad').retryable).toBe(false);
    expect(new AuthError('no').retryable).toBe(false);
    expect(new UpstreamError('500', { retryable: true }).retryable).toBe(true);
  });

  it('recognises errors from another copy of the package by brand, not prototype', () => {
    const foreign = Object.create(Error.prototype) as Record<PropertyKey, unknown>;
    foreign[Symbol.for('@recon/error')] = true;
    expect(isReconError(foreign)).toBe(true);
    expect(foreign instanceof ReconError).toBe(true);
    expect(isReconError(new Error('plain'))).toBe(false);
    expect(new Error('plain') instanceof ReconError).toBe(false);
  });

  it('keeps subclass instanceof exact', () => {
    const e = new ConfigError('bad');
    expect(e instanceof ConfigError).toBe(true);
    expect(e instanceof AuthError).toBe(false);
    expect(e instanceof ReconError).toBe(true);
    expect(e.name).toBe('ConfigError');
  });

  it('serialises to JSON without the cause object graph', () => {
    const e = new InvalidDataError('bad record', { issues: [{ path: ['amount'], message: 'required' }], raw: { a: 1 }, cause: new TypeError('x') });
    const json = e.toJSON();
    expect(json).toMatchObject({ name: 'InvalidDataError', code: 'INVALID_DATA', kind: 'invalid_data', retryable: false, cause: { name: 'TypeError', message: 'x' } });
    expect(JSON.parse(JSON.stringify(e))).toEqual(json);
    expect(e.issues).toHaveLength(1);
    expect(e.raw).toEqual({ a: 1 });
  });
});
