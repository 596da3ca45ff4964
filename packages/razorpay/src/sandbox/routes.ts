import type { RouteHandler, SandboxRequest, SandboxResponse, SandboxRoute } from '@recon/core/testing';
import type { RazorpayReconItem } from '../api/types';
import { istDate } from '../mapping/time';
import type { RazorpayDataset } from './dataset';
import { badRequest, collection, naError } from './envelope';
import { parseListQuery, parseReconQuery } from './query';

/** First index in a newest-first array whose `created_at` is <= `bound` (binary search). */
function firstAtOrBefore(items: ReadonlyArray<{ created_at: number }>, bound: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as { created_at: number }).created_at > bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A list endpoint over a newest-first array: `from`/`to` filter on `created_at`, then `skip` and
 * `count` slice. Razorpay does not document whether `from`/`to` are inclusive; the sandbox takes
 * both as inclusive (the stricter case for a client: a boundary second can come back twice).
 */
function listOf<T extends { created_at: number }>(items: () => readonly T[], filter?: (item: T, req: SandboxRequest) => boolean): RouteHandler {
  return (req) => {
    const query = parseListQuery(req.query);
    if (!query.ok) return query.response;
    const all = items();
    const start = query.to === undefined ? 0 : firstAtOrBefore(all, query.to);
    const end = query.from === undefined ? all.length : firstAtOrBefore(all, query.from - 1);
    if (filter) {
      const matching = all.slice(start, Math.max(start, end)).filter((item) => filter(item, req));
      return collection(matching.slice(query.skip, query.skip + query.count));
    }
    // Slice only the page: copying the whole range per request would make paging quadratic.
    const first = start + query.skip;
    return collection(all.slice(Math.min(first, end), Math.min(first + query.count, end)));
  };
}

/** A fetch-by-id endpoint: Razorpay answers an unknown id with 400, not 404. */
function byId<T extends { id: string }>(items: () => readonly T[]): RouteHandler {
  return (req) => {
    const found = items().find((item) => item.id === req.params['id']);
    return found ? { body: found } : badRequest('The id provided does not exist');
  };
}

/** Recon rows indexed by IST settlement day. */
function reconIndex(rows: readonly RazorpayReconItem[]): Map<string, RazorpayReconItem[]> {
  const byDay = new Map<string, RazorpayReconItem[]>();
  for (const row of rows) {
    const day = istDate(row.settled_at);
    const rows = byDay.get(day);
    if (rows) rows.push(row);
    else byDay.set(day, [row]);
  }
  return byDay;
}

function reconHandler(dataset: RazorpayDataset): RouteHandler {
  return (req) => {
    const query = parseReconQuery(req.query);
    if (!query.ok) return query.response;
    // Indexed per request, like the other routes read their lists per request: rows a test or a
    // demo adds to `dataset.recon` after start are served too.
    const byDay = reconIndex(dataset.recon);
    const prefix = `${String(query.year)}-${String(query.month).padStart(2, '0')}`;
    const rows =
      query.day === undefined
        ? [...byDay.entries()].filter(([day]) => day.startsWith(prefix)).flatMap(([, r]) => r)
        : (byDay.get(`${prefix}-${String(query.day).padStart(2, '0')}`) ?? []);
    return collection(rows.slice(query.skip, query.skip + query.count));
  };
}

const notFound = (): SandboxResponse => naError(400, 'The requested URL was not found on the server.');

/** Every unknown path or method answers like Razorpay: 400 "The requested URL was not found on the server." */
function catchAll(): SandboxRoute[] {
  const routes: SandboxRoute[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    let path = '';
    for (let depth = 1; depth <= 6; depth++) {
      path += `/:p${depth}`;
      routes.push({ method, path, handler: notFound });
    }
  }
  return routes;
}

/**
 * The Razorpay v1 routes the sandbox serves from `dataset`. `wrap` is applied to every data route
 * (the rate limit). The catch-all routes come last, so they only answer what nothing else matched.
 */
export function razorpayRoutes(dataset: RazorpayDataset, wrap: (handler: RouteHandler) => RouteHandler = (h) => h): SandboxRoute[] {
  const data: SandboxRoute[] = [
    { method: 'GET', path: '/v1/payments', handler: listOf(() => dataset.payments) },
    { method: 'GET', path: '/v1/payments/:id', handler: byId(() => dataset.payments) },
    {
      method: 'GET',
      path: '/v1/payments/:id/refunds',
      handler: (req) =>
        dataset.payments.some((p) => p.id === req.params['id'])
          ? listOf(() => dataset.refunds, (refund, r) => refund.payment_id === r.params['id'])(req)
          : badRequest('The id provided does not exist'),
    },
    { method: 'GET', path: '/v1/refunds', handler: listOf(() => dataset.refunds) },
    { method: 'GET', path: '/v1/refunds/:id', handler: byId(() => dataset.refunds) },
    { method: 'GET', path: '/v1/settlements', handler: listOf(() => dataset.settlements) },
    { method: 'GET', path: '/v1/settlements/recon/combined', handler: reconHandler(dataset) },
    { method: 'GET', path: '/v1/settlements/:id', handler: byId(() => dataset.settlements) },
  ];
  return [...data.map((route) => ({ ...route, handler: wrap(route.handler) })), ...catchAll()];
}
