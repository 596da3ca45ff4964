import { z } from 'zod';
import { HDFC_DEFAULT_STATEMENT_PATH } from '../constants';
import { DATE_FORMATS } from '../mapping/dates';

const Name = z.string().min(1).max(100);

/**
 * How a statement request body is written before it is signed and encrypted. Project-defined
 * defaults (no public source names the fields, reference §3.4): `{ accountNumber, fromDate,
 * toDate, pageSize, pageToken }` plus any fixed `extraFields` (e.g. `LOGIN_ID`, `INPUT_GCIF`,
 * which HDFC's confirmed `corp-*` APIs carry).
 */
export const HdfcStatementRequestSchema = z
  .object({
    /** Path of the statement endpoint under `baseUrl`. */
    path: z.string().regex(/^\/[^\s?#]*$/, 'must be an absolute path such as /api/v1/corp-acctStatement').default(HDFC_DEFAULT_STATEMENT_PATH),
    /** Layout of `fromDate` / `toDate` (both inclusive calendar days). */
    dateFormat: z.enum(DATE_FORMATS).default('yyyy-mm-dd'),
    fields: z
      .object({
        account: Name.default('accountNumber'),
        from: Name.default('fromDate'),
        to: Name.default('toDate'),
        /** `null` when the API takes no page size. */
        pageSize: Name.nullable().default('pageSize'),
        /** Field carrying the previous page's token; `null` when the API is not paged. */
        pageToken: Name.nullable().default('pageToken'),
      })
      .strict()
      .prefault({}),
    /** Rows per page asked for. */
    pageSize: z.number().int().min(1).max(1000).default(100),
    /** Fixed fields added to every request body. */
    extraFields: z.record(z.string().min(1), z.string()).default({}),
    /** Longer date ranges are split into windows of at most this many days, each paged separately. */
    maxRangeDays: z.number().int().min(1).max(3660).default(31),
  })
  .strict();

/** Statement request settings with defaults applied. */
export type HdfcStatementRequest = z.output<typeof HdfcStatementRequestSchema>;
