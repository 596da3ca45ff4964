import { z } from 'zod';
import { SBI_DEFAULT_STATEMENT_PATH } from '../constants';
import { SBI_DATE_FORMATS } from '../mapping/dates';

const Name = z.string().min(1).max(100);

/**
 * How the statement request is written inside the envelope. Defaults follow the EIS layout of the
 * one public SBI CMP integration [S, aerele `sbi_connector.py`]:
 * `{ SOURCE_ID, DESTINATION: "CMP", TXN_TYPE: "ACCOUNT", TXN_SUB_TYPE: "STATEMENT",
 *    EIS_PAYLOAD: { AccountStatementRequest: { accountNo, corporateCode, fromDate, toDate }, HASH } }`
 * with `ddmmyyyy` dates. The path and the paging field are project-defined.
 */
export const SbiStatementRequestSchema = z
  .object({
    /** Path of the statement endpoint under `baseUrl` (project-defined). */
    path: z.string().regex(/^\/[^\s?#]*$/, 'must be an absolute path such as /cmp/v1/account-statement').default(SBI_DEFAULT_STATEMENT_PATH),
    destination: Name.default('CMP'),
    txnType: Name.default('ACCOUNT'),
    txnSubType: Name.default('STATEMENT'),
    /** Key of the inner request inside `EIS_PAYLOAD`. */
    requestName: Name.default('AccountStatementRequest'),
    dateFormat: z.enum(SBI_DATE_FORMATS).default('ddmmyyyy'),
    fields: z
      .object({
        account: Name.default('accountNo'),
        corporateCode: Name.default('corporateCode'),
        from: Name.default('fromDate'),
        to: Name.default('toDate'),
        /** Where the next page's first record number goes (project-defined); `null` for an unpaged API. */
        startRecord: Name.nullable().default('startRecordNumber'),
      })
      .strict()
      .prefault({}),
    /** Sign the inner request into `EIS_PAYLOAD.HASH` [S, aerele]. */
    hash: z.boolean().default(true),
    /** Longer ranges are split into windows of at most this many days (SBI's limit is unknown [U]). */
    maxRangeDays: z.number().int().min(1).max(3660).default(31),
  })
  .strict();

/** Statement request settings with defaults applied. */
export type SbiStatementRequest = z.output<typeof SbiStatementRequestSchema>;
