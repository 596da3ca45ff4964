import { z } from 'zod';
import { SBI_DATE_FORMATS } from '../mapping/dates';

const Path = z.string().min(1).max(200);

/**
 * How the statement inside `EIS_RESPONSE` is read. Defaults are the fields the one public SBI CMP
 * integration reads [S, aerele `format_statement_response`]: rows in `accountStatementDetails`
 * (a list, or one object), `VALUE_DATE` as `dd/mm/yyyy`, `AMOUNT` signed by a trailing `+`/`-`,
 * the narration in `NARRATION`, `TRANSFER_STATEMENT` or `MISC_NARRATION`, `STATEMENT`,
 * `RECORD_NUMBER`, `CHEQUE_NUMBER`, and `responseStatus` `"0"` for success. Paging
 * (`nextRecordNumber`) is project-defined.
 */
export const SbiStatementMappingSchema = z
  .object({
    rowsPath: Path.default('accountStatementDetails'),
    /** Where the next page's first record number is; absent on the last page. `null` for an unpaged API. */
    nextRecordPath: Path.nullable().default('nextRecordNumber'),
    status: z
      .object({
        path: Path.default('responseStatus'),
        success: z.array(z.string().min(1)).min(1).default(['0']),
        errorCodePath: Path.default('errorCode'),
        errorMessagePath: Path.default('errorDescription'),
      })
      .strict()
      .nullable()
      .prefault({}),
    fields: z
      .object({
        /** Day of the line (also its value date). */
        date: Path.default('VALUE_DATE'),
        /** Signed amount (`1180.00-`, `+50.00`, `50.00 Dr`), or unsigned when `direction` is set. */
        amount: Path.default('AMOUNT'),
        /** Credit/debit indicator, when the API has one; `null` reads the sign of `amount`. */
        direction: Path.nullable().default(null),
        /** Candidate narration fields, first non-empty wins. */
        narration: z.array(Path).min(1).default(['NARRATION', 'TRANSFER_STATEMENT', 'MISC_NARRATION']),
        reference: Path.nullable().default('STATEMENT'),
        chequeNumber: Path.nullable().default('CHEQUE_NUMBER'),
        /** The line's number in the bank's statement; part of the derived id so identical lines stay apart. */
        recordNumber: Path.nullable().default('RECORD_NUMBER'),
        balance: Path.nullable().default(null),
      })
      .strict()
      .prefault({}),
    dateFormat: z.enum(SBI_DATE_FORMATS).default('dd/mm/yyyy'),
    creditValues: z.array(z.string().min(1)).min(1).default(['CR', 'C', 'CREDIT']),
    debitValues: z.array(z.string().min(1)).min(1).default(['DR', 'D', 'DEBIT']),
  })
  .strict();

/** Statement mapping with defaults applied. */
export type SbiStatementMapping = z.output<typeof SbiStatementMappingSchema>;
/** Statement mapping as written in config. */
export type SbiStatementMappingInput = z.input<typeof SbiStatementMappingSchema>;
