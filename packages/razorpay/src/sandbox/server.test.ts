import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRazorpaySandbox, type RazorpaySandbox } from './start-sandbox';

let sandbox: RazorpaySandbox;
let auth: string;

beforeAll(async () => {
  sandbox = await startRazorpaySandbox({ seed: 5, payments: 60, days: 3 });
  auth = `Basic ${Buffer.from(`${sandbox.credentials.keyId}:${sandbox.credentials.keySecret}`).toString('base64')}`;
});
afterAll(() => sandbox.close());

/** The union of the shapes these tests read: an error envelope or a collection. */
interface Body {
  error: { code: string; description: string; field?: string; source?: string };
  entity: string;
  count: number;
  items: Array<{ id: string; entity_id: string }>;
}

async function get(path: string, authorization: string | null = auth): Promise<{ status: number; body: Body; headers: Headers }> {
  const response = await fetch(`${sandbox.url}${path}`, { headers: authorization === null ? {} : { authorization } });
  return { status: response.status, body: (await response.json()) as Body, headers: response.headers };
}

describe('Razorpay sandbox server', () => {
  it('answers the documented 400 for count=0, with the full error object', async () => {
    const { status, body } = await get('/v1/payments?count=0');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { code: 'BAD_REQUEST_ERROR', description: 'The count must be at least 1.', source: 'business', step: 'payment_initiation', reason: 'input_validation_failed', metadata: {}, field: 'count' },
    });
  });

  it('caps lists at 100 and recon at 1000', async () => {
    expect((await get('/v1/refunds?count=101')).body.error.description).toBe('The count may not be greater than 100.');
    expect((await get('/v1/settlements?count=100')).status).toBe(200);
    expect((await get('/v1/settlements/recon/combined?year=2024&month=06&count=1001')).body.error.description).toBe('The count may not be greater than 1000.');
    expect((await get('/v1/settlements/recon/combined?year=2024&month=6&count=1000')).status).toBe(200);
  });

  it('validates from/to ranges and recon dates with the documented messages', async () => {
    expect((await get('/v1/payments?from=12')).body.error.description).toBe('from must be between 946684800 and 4765046400');
    expect((await get('/v1/payments?to=1717180200.5')).body.error.description).toBe('to must be between 946684800 and 4765046400');
    expect((await get('/v1/settlements/recon/combined?year=24&month=6')).body.error.description).toBe('The year must be 4 digits.');
    expect((await get('/v1/settlements/recon/combined?year=2024&month=13')).body.error).toMatchObject({ description: 'The month is not a valid month.', field: 'month' });
    expect((await get('/v1/settlements/recon/combined?year=2024&month=6&day=123')).body.error.description).toBe('The day must be between 1 and 2 digits.');
  });

  it('answers unknown ids with 400 and unknown URLs with Razorpay\'s not-found message', async () => {
    expect(await get('/v1/payments/pay_AAAAAAAAAAAAAA')).toMatchObject({ status: 400, body: { error: { description: 'The id provided does not exist' } } });
    expect(await get('/v1/payouts')).toMatchObject({ status: 400, body: { error: { description: 'The requested URL was not found on the server.' } } });
  });

  it('enforces Basic auth exactly as Razorpay does', async () => {
    const token = auth.slice('Basic '.length);
    expect(await get('/v1/payments', null)).toMatchObject({ status: 401, body: { error: { description: 'Please provide your api key for authentication purposes.' } } });
    expect((await get('/v1/payments', `basic ${token}`)).body.error.description).toBe('The api key provided is invalid');
    const wrongKey = Buffer.from(`rzp_test_AAAAAAAAAAAAAA:${sandbox.credentials.keySecret}`).toString('base64');
    expect((await get('/v1/payments', `Basic ${wrongKey}`)).body.error.description).toBe('The api key provided is invalid');
    const wrongSecret = Buffer.from(`${sandbox.credentials.keyId}:nope`).toString('base64');
    expect(await get('/v1/payments', `Basic ${wrongSecret}`)).toMatchObject({ status: 401, body: { error: { description: 'The api secret provided is invalid', source: 'NA' } } });
  });

  it('filters on created_at with both bounds inclusive, newest first, and ignores unknown parameters', async () => {
    const all = sandbox.dataset.payments;
    const pivot = all[10]!.created_at;
    const { body } = await get(`/v1/payments?from=${pivot}&to=${pivot}&count=100&expand[]=card`);
    expect(body.entity).toBe('collection');
    expect(body.count).toBe(body.items.length);
    expect(body.items.map((p: { id: string }) => p.id)).toEqual(all.filter((p) => p.created_at === pivot).map((p) => p.id));
    const page = await get('/v1/payments?count=5&skip=5');
    expect(page.body.items.map((p: { id: string }) => p.id)).toEqual(all.slice(5, 10).map((p) => p.id));
  });

  it('serves the recon report for a day and a whole month', async () => {
    const row = sandbox.dataset.recon[0]!;
    const ist = new Date((row.settled_at + 19_800) * 1000);
    const [y, m, d] = [ist.getUTCFullYear(), ist.getUTCMonth() + 1, ist.getUTCDate()];
    const day = await get(`/v1/settlements/recon/combined?year=${y}&month=${m}&day=${d}`);
    expect(day.body.items.map((r: { entity_id: string }) => r.entity_id)).toContain(row.entity_id);
    const month = await get(`/v1/settlements/recon/combined?year=${y}&month=${String(m).padStart(2, '0')}&count=1000`);
    expect(month.body.items.length).toBeGreaterThanOrEqual(day.body.items.length);
  });

  it('serves recon rows added to the dataset after start, as the list routes serve added entities', async () => {
    const template = sandbox.dataset.recon[0]!;
    // 2025-01-15 10:00 IST: a day the seeded dataset has no rows on.
    const added = { ...template, entity_id: 'pay_AddedAfterStart', settlement_id: 'setl_AddedAfterStart', settled_at: 1_736_915_400 };
    const before = await get('/v1/settlements/recon/combined?year=2025&month=1&day=15');
    sandbox.dataset.recon.push(added);
    try {
      const after = await get('/v1/settlements/recon/combined?year=2025&month=1&day=15');
      expect(before.body.items).toEqual([]);
      expect(after.body.items.map((r) => r.entity_id)).toEqual(['pay_AddedAfterStart']);
    } finally {
      sandbox.dataset.recon.pop();
    }
  });

  it('rate-limits with 429, Razorpay\'s envelope and Retry-After when configured', async () => {
    const limited = await startRazorpaySandbox({ seed: 5, payments: 5, rateLimit: { burst: 2, perSecond: 0.001 } });
    try {
      const header = `Basic ${Buffer.from(`${limited.credentials.keyId}:${limited.credentials.keySecret}`).toString('base64')}`;
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 3; i++) {
        last = await fetch(`${limited.url}/v1/payments`, { headers: { authorization: header } });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await last?.json()) as { error: { description: string } }).error.description).toBe('Too many requests');
    } finally {
      await limited.close();
    }
  });
});
