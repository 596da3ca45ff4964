/**
 * Word lists for realistic Indian ledger data: people, merchants, banks and UPI handles as they
 * appear in real narrations. Fictional people; real bank codes (IFSC prefixes) and UPI handles.
 */

/** A bank as narrations and IFSCs show it. */
export interface Bank {
  /** IFSC prefix (first four letters). */
  code: string;
  name: string;
}

export const BANKS: readonly Bank[] = [
  { code: 'HDFC', name: 'HDFC Bank' },
  { code: 'ICIC', name: 'ICICI Bank' },
  { code: 'SBIN', name: 'State Bank of India' },
  { code: 'UTIB', name: 'Axis Bank' },
  { code: 'KKBK', name: 'Kotak Mahindra Bank' },
  { code: 'YESB', name: 'Yes Bank' },
  { code: 'PUNB', name: 'Punjab National Bank' },
  { code: 'BARB', name: 'Bank of Baroda' },
];

/** UPI handles (the part after `@`) of common apps and banks. */
export const UPI_HANDLES: readonly string[] = ['okhdfc', 'okicici', 'oksbi', 'okaxis', 'ybl', 'paytm', 'ibl', 'axl'];

export const PEOPLE: readonly string[] = [
  'RAHUL SHARMA',
  'PRIYA NAIR',
  'ANKIT VERMA',
  'SNEHA IYER',
  'ARJUN REDDY',
  'KAVYA MENON',
  'VIKRAM SINGH',
  'MEERA PATEL',
  'ROHAN GUPTA',
  'DIVYA KRISHNAN',
  'AMIT DESAI',
  'POOJA JOSHI',
  'SURESH KUMAR',
  'NEHA AGARWAL',
  'KARTHIK SUBRAMANIAN',
  'FATIMA SHAIKH',
];

/** Payees of outgoing payments, with their collect VPAs. */
export const MERCHANTS: ReadonlyArray<{ name: string; vpa: string }> = [
  { name: 'SWIGGY', vpa: 'swiggy@icici' },
  { name: 'ZOMATO', vpa: 'zomato@hdfcbank' },
  { name: 'AMAZON PAY', vpa: 'amazonpay@apl' },
  { name: 'BESCOM', vpa: 'bescom@sbi' },
  { name: 'AIRTEL PAYMENTS', vpa: 'airtel@airtel' },
  { name: 'IRCTC', vpa: 'irctc@sbi' },
  { name: 'BIGBASKET', vpa: 'bigbasket@axisbank' },
  { name: 'ACME LOGISTICS PVT LTD', vpa: 'acmelogistics@okaxis' },
];

/** Remarks people type into NEFT/IMPS transfers. */
export const PURPOSES: readonly string[] = ['INV 2024/118', 'RENT APRIL', 'ADVANCE', 'ORDER 55821', 'SALARY', 'VENDOR PAYMENT', 'REFUND', 'GST INV 3307'];

/** The merchant's own accounts the ledger tracks. */
export const OWN_ACCOUNTS: readonly string[] = ['50200012345678', '921020045678123'];
