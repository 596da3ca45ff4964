import type { CsvMapping } from './mapping';

/**
 * Column mappings for the netbanking statement exports of five Indian banks. Header texts vary
 * between the "delimited", Excel-saved-as-CSV and older layouts of each bank, so every field lists
 * the variants seen; rows before the header (account details) and after the data (statement
 * summary, legends) are skipped and reported. Dates are day-first.
 */
export const CSV_PRESETS = {
  hdfc: {
    name: 'hdfc',
    columns: {
      date: ['Date', 'Txn Date', 'Transaction Date'],
      description: ['Narration', 'Description'],
      reference: ['Chq./Ref.No.', 'Chq/Ref Number', 'Chq / Ref No', 'Ref No./Cheque No.', 'Cheque/Ref No'],
      valueDate: ['Value Dt', 'Value Date', 'Value Dat'],
      debit: ['Withdrawal Amt.', 'Withdrawal Amount', 'Debit Amount', 'Debit'],
      credit: ['Deposit Amt.', 'Deposit Amount', 'Credit Amount', 'Credit'],
      balance: ['Closing Balance', 'Balance'],
    },
    dateFormats: ['dd/mm/yy', 'dd/mm/yyyy', 'dd-mm-yyyy', 'dd-mm-yy'],
    currency: 'INR',
  },
  icici: {
    name: 'icici',
    columns: {
      transactionId: ['Tran. Id', 'Tran Id', 'Transaction ID'],
      date: ['Transaction Date', 'Txn Date', 'Tran Date', 'Date'],
      valueDate: ['Value Date'],
      reference: ['Cheque Number', 'Cheque No.', 'Cheque. No./Ref. No.', 'Chq No', 'Ref No'],
      description: ['Transaction Remarks', 'Remarks', 'Particulars', 'Description'],
      debit: ['Withdrawal Amount (INR )', 'Withdrawal Amount (INR)', 'Withdrawal Amt (INR)', 'Withdrawal Amount', 'Debit'],
      credit: ['Deposit Amount (INR )', 'Deposit Amount (INR)', 'Deposit Amt (INR)', 'Deposit Amount', 'Credit'],
      balance: ['Balance (INR )', 'Balance (INR)', 'Balance'],
    },
    dateFormats: ['dd/mm/yyyy', 'dd-mm-yyyy', 'dd/mm/yy', 'dd-mmm-yyyy', 'dd-mmm-yy'],
    currency: 'INR',
  },
  sbi: {
    name: 'sbi',
    columns: {
      date: ['Txn Date', 'Transaction Date', 'Date'],
      valueDate: ['Value Date'],
      description: ['Description', 'Narration'],
      reference: ['Ref No./Cheque No.', 'Ref No/Cheque No', 'Cheque No', 'Ref No'],
      debit: ['Debit', 'Withdrawal'],
      credit: ['Credit', 'Deposit'],
      balance: ['Balance'],
    },
    dateFormats: ['d mmm yyyy', 'dd-mmm-yy', 'dd-mmm-yyyy', 'dd/mm/yyyy', 'dd-mm-yyyy', 'dd/mm/yy'],
    currency: 'INR',
  },
  axis: {
    name: 'axis',
    columns: {
      date: ['Tran Date', 'Transaction Date', 'Date'],
      valueDate: ['Value Date'],
      reference: ['CHQNO', 'Cheque No', 'Chq No'],
      description: ['PARTICULARS', 'Narration', 'Description'],
      debit: ['DR', 'Debit', 'Withdrawal Amt'],
      credit: ['CR', 'Credit', 'Deposit Amt'],
      balance: ['BAL', 'Balance'],
    },
    dateFormats: ['dd-mm-yyyy', 'dd/mm/yyyy', 'dd-mm-yy', 'dd/mm/yy'],
    currency: 'INR',
  },
  kotak: {
    name: 'kotak',
    columns: {
      date: ['Transaction Date', 'Txn Date', 'Date'],
      valueDate: ['Value Date'],
      description: ['Description', 'Narration'],
      reference: ['Chq / Ref No.', 'Chq/Ref No', 'Chq / Ref number', 'Ref No'],
      debit: ['Withdrawal (Dr)', 'Debit', 'Withdrawal'],
      credit: ['Deposit (Cr)', 'Credit', 'Deposit'],
      // The older export: `Amount, Dr / Cr, Balance, Dr / Cr`.
      amount: ['Amount'],
      direction: ['Dr / Cr', 'Dr/Cr', 'DR/CR'],
      balance: ['Balance'],
      balanceDirection: ['Dr / Cr', 'Dr/Cr', 'DR/CR'],
    },
    dateFormats: ['dd-mm-yyyy', 'dd/mm/yyyy', 'dd-mm-yy', 'dd mmm yyyy', 'dd-mmm-yyyy'],
    currency: 'INR',
  },
} as const satisfies Record<string, CsvMapping>;

/** The name of a built-in preset. */
export type CsvPresetName = keyof typeof CSV_PRESETS;
