import { z } from 'zod';
import { DATE_FORMATS } from '../mapping/dates';

/** A field path: dotted text or an array of keys (for keys that contain dots, such as `Chq./Ref.No.`). */
export const FieldPathSchema = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(100)).min(1).max(10).readonly()]);

/**
 * How a decrypted statement page is read. Every name here is configuration because no public
 * source documents HDFC's statement API (reference §3.4): the presets are educated defaults.
 */
export const HdfcStatementMappingSchema = z
  .object({
    /** Where the rows are; an array, or a single object when one row matched (both accepted). */
    rowsPath: FieldPathSchema,
    /** Where the next page's token is; absent or empty means the last page. Omit for an unpaged API. */
    nextPageTokenPath: FieldPathSchema.optional(),
    /** The business status inside the decrypted payload; anything but `success` fails the read. */
    status: z
      .object({
        path: FieldPathSchema,
        success: z.array(z.string().min(1)).min(1),
        errorCodePath: FieldPathSchema.optional(),
        errorMessagePath: FieldPathSchema.optional(),
      })
      .strict()
      .optional(),
    fields: z
      .object({
        /** The bank's own id of the line (becomes `references.bank_txn_id`). */
        bankTxnId: FieldPathSchema.optional(),
        /** Unsigned amount, read with `direction`. */
        amount: FieldPathSchema.optional(),
        /** Credit/debit indicator, matched against `creditValues` / `debitValues`. */
        direction: FieldPathSchema.optional(),
        /** Withdrawal column, when the API splits amounts into two columns instead. */
        debitAmount: FieldPathSchema.optional(),
        /** Deposit column, when the API splits amounts into two columns instead. */
        creditAmount: FieldPathSchema.optional(),
        /** Balance after the line (may be negative on an overdraft). */
        balance: FieldPathSchema.optional(),
        /** Posting date or date-time: the transaction's `timestamp`. */
        postedAt: FieldPathSchema,
        valueDate: FieldPathSchema.optional(),
        narration: FieldPathSchema.optional(),
        /** The bank's reference column (cheque or reference number). */
        reference: FieldPathSchema.optional(),
        chequeNumber: FieldPathSchema.optional(),
        /** ISO 4217 code per row; `currency` from the config when absent. */
        currency: FieldPathSchema.optional(),
      })
      .strict(),
    creditValues: z.array(z.string().min(1)).min(1).default(['CREDIT', 'CR', 'C']),
    debitValues: z.array(z.string().min(1)).min(1).default(['DEBIT', 'DR', 'D']),
    postedAtFormat: z.enum(DATE_FORMATS),
    valueDateFormat: z.enum(DATE_FORMATS).default('yyyy-mm-dd'),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const { amount, direction, debitAmount, creditAmount } = mapping.fields;
    const indicator = amount !== undefined && direction !== undefined;
    const split = debitAmount !== undefined && creditAmount !== undefined;
    if (indicator === split) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'set either `amount` + `direction`, or `debitAmount` + `creditAmount`' });
    }
  });

/** A statement mapping as written in config (defaults not yet applied). */
export type HdfcStatementMappingInput = z.input<typeof HdfcStatementMappingSchema>;
/** A statement mapping with defaults applied. */
export type HdfcStatementMapping = z.output<typeof HdfcStatementMappingSchema>;

/**
 * Default: rows shaped like the Account Aggregator (ReBIT) deposit `Transaction` (reference §6),
 * which HDFC already produces for AA, inside a project-defined page envelope
 * `{ status, errorCode?, errorMessage?, Transactions: { Transaction: [...] }, nextPageToken? }`.
 */
export const HDFC_AA_DEPOSIT_MAPPING: HdfcStatementMappingInput = Object.freeze({
  rowsPath: 'Transactions.Transaction',
  nextPageTokenPath: 'nextPageToken',
  status: { path: 'status', success: ['SUCCESS'], errorCodePath: 'errorCode', errorMessagePath: 'errorMessage' },
  fields: {
    bankTxnId: 'txnId',
    amount: 'amount',
    direction: 'type',
    balance: 'currentBalance',
    postedAt: 'transactionTimestamp',
    valueDate: 'valueDate',
    narration: 'narration',
    reference: 'reference',
    currency: 'currency',
  },
  postedAtFormat: 'iso',
  valueDateFormat: 'yyyy-mm-dd',
});

/**
 * Rows named after the columns of HDFC's downloadable statement (`Date`, `Narration`,
 * `Chq./Ref.No.`, `Value Dt`, `Withdrawal Amt.`, `Deposit Amt.`, `Closing Balance`, dates
 * `dd/mm/yy`) [S x2: public statement parsers], in the same project-defined envelope with rows at `rows`.
 */
export const HDFC_NETBANKING_COLUMNS_MAPPING: HdfcStatementMappingInput = Object.freeze({
  rowsPath: 'rows',
  nextPageTokenPath: 'nextPageToken',
  status: { path: 'status', success: ['SUCCESS'], errorCodePath: 'errorCode', errorMessagePath: 'errorMessage' },
  fields: {
    debitAmount: ['Withdrawal Amt.'],
    creditAmount: ['Deposit Amt.'],
    balance: ['Closing Balance'],
    postedAt: ['Date'],
    valueDate: ['Value Dt'],
    narration: ['Narration'],
    reference: ['Chq./Ref.No.'],
  },
  postedAtFormat: 'dd/mm/yy',
  valueDateFormat: 'dd/mm/yy',
});

/** The shipped mappings by name. */
export const HDFC_STATEMENT_MAPPINGS = Object.freeze({ 'aa-deposit': HDFC_AA_DEPOSIT_MAPPING, 'netbanking-columns': HDFC_NETBANKING_COLUMNS_MAPPING });

/** Name of a shipped mapping. */
export type HdfcStatementMappingName = keyof typeof HDFC_STATEMENT_MAPPINGS;
