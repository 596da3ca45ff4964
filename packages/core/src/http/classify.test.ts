import { describe, expect, it } from 'vitest';
import { classifyError } from './classify';

describe('classifyError', () => {
  it('applies the default table', () => {
    const cases: Array<[Parameters<typeof classifyError>[0], string, string]> = [
      [{ method: 'GET', status: 401 }, 'refresh_auth', 'auth'],
      [{ method: 'GET', status: 403 }, 'fail', 'auth'],
      [{ method: 'GET', status: 429 }, 'rate_limited', 'rate_limit'],
      [{ method: 'GET', status: 408 }, 'retry', 'upstream'],
      [{ method: 'GET', status: 425 }, 'retry', 'upstream'],
      [{ method: 'GET', status: 500 }, 'retry', 'upstream'],
      [{ method: 'GET', status: 504 }, 'retry', 'upstream'],
      [{ method: 'GET', status: 501 }, 'fail', 'upstream'],
      [{ method: 'GET', status: 404 }, 'fail', 'upstream'],
      [{ method: 'GET', status: 200, code: 'RESPONSE_MALFORMED' }, 'retry', 'upstream'],
      [{ method: 'GET', code: 'TIMEOUT' }, 'retry', 'timeout'],
      [{ method: 'GET', code: 'ECONNRESET' }, 'retry', 'network'],
      [{ method: 'GET', code: 'ECONNREFUSED' }, 'retry', 'network'],
      [{ method: 'GET', code: 'CERT_HAS_EXPIRED' }, 'fail', 'network'],
    ];
    for (const [ctx, action, kind] of cases) expect(classifyError(ctx), JSON.stringify(ctx)).toMatchObject({ action, kind });
  });

  it('tries connector rules first and returns the verdict without the matcher', () => {
    const verdict = classifyError({ method: 'POST', status: 500 }, [{ match: (ctx) => ctx.status === 500, action: 'fail', code: 'BANK_DOWN' }]);
    expect(verdict).toEqual({ action: 'fail', code: 'BANK_DOWN' });
  });
});
