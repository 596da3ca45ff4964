/**
 * Word lists for realistic ICICI statement narrations: fictional people and companies, real bank
 * codes (IFSC prefixes), real UPI handles and billers as they appear in Indian bank statements.
 */

/** A bank as IFSCs and narrations show it. */
export interface Bank {
  /** IFSC prefix. */
  code: string;
  name: string;
}

export const BANKS: readonly Bank[] = [
  { code: 'HDFC', name: 'HDFC BANK' },
  { code: 'SBIN', name: 'STATE BANK OF INDIA' },
  { code: 'UTIB', name: 'AXIS BANK' },
  { code: 'KKBK', name: 'KOTAK MAHINDRA BANK' },
  { code: 'YESB', name: 'YES BANK' },
  { code: 'PUNB', name: 'PUNJAB NATIONAL BANK' },
  { code: 'BARB', name: 'BANK OF BARODA' },
  { code: 'IDFB', name: 'IDFC FIRST BANK' },
  { code: 'ICIC', name: 'ICICI BANK' },
];

/** Corporate remitters and payees. */
export const COMPANIES: readonly string[] = [
  'RAZORPAY SOFTWARE PVT LTD',
  'SHREE GANESH TRADERS',
  'ACME LOGISTICS PVT LTD',
  'BHARAT STEEL SUPPLIERS',
  'SUNRISE TEXTILES LLP',
  'NAVKAR ENTERPRISES',
  'INDUS PACKAGING PVT LTD',
  'DECCAN AGRO FOODS',
  'KRISHNA ELECTRICALS',
  'MAHALAXMI HARDWARE',
];

/** Individuals (customers, employees). */
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
  'FATIMA SHAIKH',
  'KARTHIK SUBRAMANIAN',
  'NEHA AGARWAL',
];

/** UPI handles (after the `@`) with the bank that shows in ICICI narrations. */
export const UPI_HANDLES: ReadonlyArray<{ handle: string; bank: string }> = [
  { handle: 'okicici', bank: 'ICICI Bank' },
  { handle: 'okhdfcbank', bank: 'HDFC BANK LTD' },
  { handle: 'oksbi', bank: 'State Bank Of India' },
  { handle: 'okaxis', bank: 'AXIS BANK' },
  { handle: 'ybl', bank: 'YES BANK LIMITED' },
  { handle: 'paytm', bank: 'Paytm Payments Bank' },
  { handle: 'ibl', bank: 'INDUSIND BANK' },
];

/** Billers paid through ICICI bill-pay (`BIL/ONL`, `BIL/BPAY`). */
export const BILLERS: readonly string[] = ['BESCOM', 'AIRTEL POSTPAID', 'MAHANAGAR GAS', 'TATA POWER', 'BSNL LANDLINE', 'ACT FIBERNET'];

/** What people write in UPI notes and NEFT/IMPS remarks. */
export const PURPOSES: readonly string[] = ['INV 2024-118', 'ORDER 55821', 'ADVANCE', 'RENT', 'SALARY', 'VENDOR PAYMENT', 'GST INV 3307', 'PAYMENT', 'SETTLEMENT'];
