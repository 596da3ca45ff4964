import { UpstreamError } from '../errors';
import { abortedError } from './abort';

/** What a page fetcher returns: the items and the cursor of the next page (absent on the last). */
export interface FetchedPage<TItem, TCursor> {
  items: TItem[];
  next?: TCursor | undefined;
}

/** Fetch the page at `cursor` (`undefined` for the first page). */
export type PageFetcher<TItem, TCursor> = (cursor: TCursor | undefined, signal?: AbortSignal) => Promise<FetchedPage<TItem, TCursor>>;

/** One page as yielded by {@link paginate}. */
export interface Page<TItem, TCursor> {
  items: TItem[];
  /** The cursor that fetched this page (`undefined` for the first). Persist it to re-read this page. */
  cursor: TCursor | undefined;
  /** The cursor of the following page, or `undefined` on the last. */
  next: TCursor | undefined;
  /** 0-based page number. */
  index: number;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<TItem, TCursor> {
  signal?: AbortSignal;
  /** Hard cap; exceeding it throws `PAGINATION_LIMIT` rather than silently truncating [100 000]. */
  maxPages?: number;
  /**
   * Identity of a page's content, to catch a server that ignores the cursor and serves the same
   * page again. Default: JSON of the first and last item. `false` disables the check (for feeds
   * where identical consecutive pages are legitimate).
   */
  pageKey?: ((page: FetchedPage<TItem, TCursor>) => string) | false;
  /** Connector id for errors. */
  connector?: string;
}

const defaultPageKey = (page: FetchedPage<unknown, unknown>): string => JSON.stringify([page.items[0], page.items[page.items.length - 1]]);

const cursorKey = (cursor: unknown): string => JSON.stringify(cursor) ?? 'undefined';

// Cursors stay out of error details: a next-page link can carry a signature.
const loopError = (message: string, connector: string | undefined, details: Record<string, unknown>) =>
  new UpstreamError(`[recon:${connector ?? 'paginate'}] ${message}`, { code: 'PAGINATION_LOOP', retryable: false, details, ...(connector !== undefined && { connector }) });

/**
 * Walk a paged API as an async iterable of pages. Stops when a page has no `next` or no items.
 * Guards (the AWS `stopOnSameToken` idea, made strict): a `next` cursor already used, or a page
 * whose content repeats the previous page, throws `PAGINATION_LOOP` before the repeated data is
 * yielded, instead of looping forever or emitting duplicates.
 */
export async function* paginate<TItem, TCursor>(fetchPage: PageFetcher<TItem, TCursor>, options: PaginateOptions<TItem, TCursor> = {}): AsyncGenerator<Page<TItem, TCursor>, void, undefined> {
  const { signal, connector } = options;
  const maxPages = options.maxPages ?? 100_000;
  const pageKey = options.pageKey === false ? undefined : (options.pageKey ?? defaultPageKey);
  const seenCursors = new Set<string>([cursorKey(undefined)]);
  let cursor: TCursor | undefined;
  let previousKey: string | undefined;
  for (let index = 0; ; index += 1) {
    if (signal?.aborted) throw abortedError(connector, 'Pagination aborted');
    if (index >= maxPages) {
      throw new UpstreamError(`[recon:${connector ?? 'paginate'}] More than ${maxPages} pages; stopping (raise maxPages if this is expected)`, {
        code: 'PAGINATION_LIMIT',
        retryable: false,
        details: { maxPages },
        ...(connector !== undefined && { connector }),
      });
    }
    const page = await fetchPage(cursor, signal);
    const items = page.items;
    const next = page.next ?? undefined;
    if (pageKey && items.length > 0) {
      const key = pageKey(page);
      if (key === previousKey) throw loopError(`Page ${index} repeats page ${index - 1}; the server is ignoring the cursor`, connector, { index });
      previousKey = key;
    }
    const more = next !== undefined && items.length > 0;
    if (more) {
      const key = cursorKey(next);
      if (seenCursors.has(key)) throw loopError(`Page ${index} points back to an already used cursor`, connector, { index });
      seenCursors.add(key);
    }
    yield { items, cursor, next: more ? next : undefined, index };
    if (!more) return;
    cursor = next;
  }
}

/** {@link paginate}, flattened to items. */
export async function* paginateItems<TItem, TCursor>(fetchPage: PageFetcher<TItem, TCursor>, options: PaginateOptions<TItem, TCursor> = {}): AsyncGenerator<TItem, void, undefined> {
  for await (const page of paginate(fetchPage, options)) yield* page.items;
}
