import { ConfigError } from '../errors';
import type { FetchedPage } from './paginate';

/** Options of {@link offsetPaging}. */
export interface OffsetPagingOptions {
  pageSize: number;
  /** Query parameter for the page size ['count', as Razorpay]. */
  countParam?: string;
  /** Query parameter for the offset ['skip', as Razorpay]. */
  skipParam?: string;
}

/** Helpers for count/skip paging, to use inside a `paginate` fetcher. The cursor is the offset. */
export interface OffsetPaging {
  readonly pageSize: number;
  /** Query parameters for the page at `skip` (0 when undefined). */
  params(skip: number | undefined): Record<string, number>;
  /** The fetched page with `next` = skip + count when the page is full, else none (last page). */
  page<TItem>(items: TItem[], skip: number | undefined): FetchedPage<TItem, number>;
}

/**
 * Count/skip paging: ask for `pageSize` items at offset `skip`; a full page means there may be
 * more, a short page is the last.
 *
 * @example
 * const paging = offsetPaging({ pageSize: 100 });
 * paginate((skip, signal) => client.get<{ items: Payment[] }>('/payments', { params: paging.params(skip), signal })
 *   .then((res) => paging.page(res.data.items, skip)));
 */
export function offsetPaging(options: OffsetPagingOptions): OffsetPaging {
  const { pageSize, countParam = 'count', skipParam = 'skip' } = options;
  if (!Number.isInteger(pageSize) || pageSize <= 0) throw new ConfigError('[recon] offsetPaging: `pageSize` must be a positive integer');
  return Object.freeze({
    pageSize,
    params: (skip: number | undefined) => ({ [countParam]: pageSize, [skipParam]: skip ?? 0 }),
    page: <TItem>(items: TItem[], skip: number | undefined): FetchedPage<TItem, number> =>
      items.length >= pageSize ? { items, next: (skip ?? 0) + items.length } : { items },
  });
}
