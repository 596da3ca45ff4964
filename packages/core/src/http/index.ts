/**
 * The HTTP kit every API connector shares: client, retry/classification, rate limit, auth, paging.
 * @module
 */
export * from './types';
export { createHttpClient } from './create-http-client';
export { DEFAULT_ERROR_RULES, classifyError } from './classify';
export { DEFAULT_RETRY_POLICY } from './retry-policy';
export type { RetryPolicy } from './retry-policy';
export { parseRetryAfter } from './retry-after';
export { backoffDelay } from './backoff';
export { paginate, paginateItems } from './paginate';
export type { FetchedPage, Page, PageFetcher, PaginateOptions } from './paginate';
export { offsetPaging } from './offset-paging';
export type { OffsetPaging, OffsetPagingOptions } from './offset-paging';
export * from './auth';
