import type { Direction, InvalidDataError, JsonValue, Money } from '@recon/core';

/** What a whole file was recognised as. */
export type FileFormat = 'mt940' | 'mt942' | 'camt.052' | 'camt.053' | 'camt.054' | 'csv' | 'json';

/** What one statement inside a file is. An MT940 file may hold MT942 messages and the reverse. */
export type StatementFormat = 'mt940' | 'mt942' | 'camt.052' | 'camt.053' | 'camt.054' | 'csv';

/** Character encodings the parsers can decode. `cp852` is never guessed; select it explicitly. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1' | 'iso-8859-2' | 'iso-8859-15' | 'cp852';

/**
 * Something worth knowing that did not stop parsing: a balance that does not add up, a skipped
 * header line, a totals block that disagrees. `data` carries the figures (decimal strings), so a
 * caller can act without parsing the message.
 */
export interface FormatWarning {
  /** SCREAMING_SNAKE, stable across releases (e.g. `BALANCE_MISMATCH`). */
  code: string;
  message: string;
  /** 1-based line in the decoded text, when the warning is about one place. */
  line?: number;
  data?: { [key: string]: JsonValue };
}

/** The account a statement is about, as the file names it. */
export interface StatementAccount {
  /**
   * The identifier as written: MT940 `:25:` (trimmed), camt `Acct/Id/IBAN` or `Acct/Id/Othr/Id`,
   * or the CSV mapping's `accountId`. Absent only in fragments that name no account.
   */
  id?: string;
  /** The IBAN, when the identifier is or contains one. */
  iban?: string;
  /** BIC of the account servicer (`:25:` `BIC/account` form, camt `Svcr`). */
  bic?: string;
  /** National bank code (German BLZ in `:25:` `BLZ/account`). */
  bankCode?: string;
  /** Account number part of a `BIC/account` or `BLZ/account` identifier. */
  number?: string;
  /** Account currency when the file states it (`Acct/Ccy`, a `:25:` currency suffix). */
  currency?: string;
  /** Account name (`Acct/Nm`). */
  name?: string;
  /** Account owner's name (`Acct/Ownr/Nm`). */
  owner?: string;
  /** Scheme of an `Othr` id (`SchmeNm/Cd` or `Prtry`), e.g. `BBAN`. */
  scheme?: string;
}

/** What a balance means, whatever code the format used for it. */
export type BalanceKind =
  | 'opening'
  | 'closing'
  | 'interim-opening'
  | 'interim-closing'
  | 'opening-available'
  | 'closing-available'
  | 'interim-available'
  | 'forward-available'
  | 'previously-closed'
  | 'information'
  | 'expected'
  | 'other';

/** One balance line: MT940 `:60F:`/`:60M:`/`:62F:`/`:62M:`/`:64:`/`:65:`, camt `Bal`. */
export interface Balance {
  kind: BalanceKind;
  /** The format's own code: `60F`, `62M`, `OPBD`, `CLAV`, or a proprietary code. */
  code: string;
  /** Signed: a debit balance is negative. */
  amount: Money;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** ISO 8601 date-time, when the file gives a time (camt `DtTm`). */
  dateTime?: string;
}

/** How far an entry has got: camt `Sts` (BOOK, PDNG, INFO, FUTR); MT94x lines are booked. */
export type EntryStatus = 'booked' | 'pending' | 'information' | 'future';

/** The other party of an entry, when the file names it. */
export interface EntryCounterparty {
  name?: string;
  /** IBAN or account number. */
  account?: string;
  bic?: string;
  /** National bank code (German BLZ in `?30`). */
  bankCode?: string;
}

/** References a matcher can join on. Each is taken verbatim from the file. */
export interface EntryReferences {
  /** ISO 20022 `EndToEndId`; SEPA `EREF+` / `/EREF/` in `:86:`. `NOTPROVIDED` is dropped. */
  endToEndId?: string;
  /** SWIFT gpi UETR. */
  uetr?: string;
  /** The bank's own id of the line: camt `AcctSvcrRef`, MT940 `:61:` reference after `//`. */
  accountServicerReference?: string;
  /** camt `NtryRef`. */
  entryReference?: string;
  /** camt `InstrId`. */
  instructionId?: string;
  /** camt `PmtInfId` (batch / payment information id). */
  paymentInformationId?: string;
  /** camt `MsgId` of the original payment message. */
  messageId?: string;
  /** camt `TxId`. */
  transactionId?: string;
  /** camt `ClrSysRef`. */
  clearingSystemReference?: string;
  /** SEPA mandate id (`MndtId`, `MREF+`). */
  mandateId?: string;
  /** SEPA creditor id (`CdtrSchmeId`, `CRED+`). */
  creditorId?: string;
  /** Structured creditor reference (`CdtrRefInf/Ref`, ISR/QR reference). */
  creditorReference?: string;
  /** `:61:` reference for the account owner (not `NONREF`). */
  customerReference?: string;
  /** `KREF+` customer reference in German `:86:`. */
  customerReferenceSepa?: string;
  chequeNumber?: string;
}

/** An amount with the exchange details the file gave for it (camt `AmtDtls`, MT940 `/OCMT/`). */
export interface ForeignAmount {
  /** Unsigned. */
  amount: Money;
  exchange?: CurrencyExchange;
}

/** camt `CcyXchg`. The rate stays a decimal string: it is a ratio, not money. */
export interface CurrencyExchange {
  sourceCurrency?: string;
  targetCurrency?: string;
  unitCurrency?: string;
  rate?: string;
  contractId?: string;
  quotationDate?: string;
}

/** camt `AmtDtls`, kept apart from the account-currency amount. */
export interface AmountDetails {
  instructed?: ForeignAmount;
  transaction?: ForeignAmount;
  counterValue?: ForeignAmount;
  announced?: ForeignAmount;
}

/** One charge record (camt `Chrgs/Rcrd`, MT940 `/CHGS/`). */
export interface Charge {
  /** Signed from the account's point of view: a charge taken is negative. */
  amount: Money;
  /** True when the charge is already included in the entry amount (`ChrgInclInd`). */
  included?: boolean;
  /** `Tp/Cd` or `Tp/Prtry/Id`. */
  type?: string;
  /** `Br` (DEBT, CRED, SHAR, SLEV). */
  bearer?: string;
}

/** Structured content of a narrative field (`:86:`), from one of the dialects. */
export interface NarrativeDetails {
  /** Which dialect read it: `subfields` (German GVC `?NN`, `>NN`), `slash-tags` (`/TAG/value/`), `free-text`, or a custom name. */
  dialect: string;
  /** Business transaction code (German GVC, the 3 digits before `?00`). */
  code?: string;
  /** Booking text (`?00`, `/TRTP/`). */
  bookingText?: string;
  /** Remittance information / purpose as one string. */
  purpose?: string;
  counterparty?: EntryCounterparty;
  references?: EntryReferences;
  /** Every sub-field as read, keyed by its tag as written (`?20`, `>31`, `TRTP`, `SVWZ`); repeated keys joined with a space. */
  fields: { [key: string]: string };
}

/** camt `TxDtls`: one underlying payment of an entry, with its own amount where the bank gives one. */
export interface TransactionDetails {
  /** Signed in the entry's direction; absent when the bank gives no per-transaction amount. */
  amount?: Money;
  amountDetails?: AmountDetails;
  references: EntryReferences;
  counterparty?: EntryCounterparty;
  /** Ultimate debtor / creditor names when given. */
  ultimateParty?: string;
  /** Unstructured remittance (`RmtInf/Ustrd`), joined. */
  remittance?: string;
  /** `AddtlTxInf`. */
  additionalInformation?: string;
  /** Return reason (`RtrInf/Rsn`). */
  returnReason?: string;
  charges?: Charge[];
  /** `BkTxCd` of this transaction when it differs from the entry's. */
  typeCode?: string;
  /** Purpose code (`Purp/Cd`). */
  purposeCode?: string;
}

/** camt `Btch`: a batch booked as one entry. */
export interface BatchInfo {
  messageId?: string;
  paymentInformationId?: string;
  count?: number;
  total?: Money;
}

/** A carried-through field the parser does not interpret (`:NS:`, `:21:`, unknown tags). */
export interface ExtraField {
  tag: string;
  value: string;
  line?: number;
}

/** One booked (or pending) line of a statement. */
export interface StatementEntry {
  /** 0-based position within the statement, in file order. */
  index: number;
  /** Signed from the account's point of view: credits positive, debits negative. */
  amount: Money;
  direction: Direction;
  /** MT940 `RC`/`RD`, camt `RvslInd`: the line reverses an earlier one (the sign above is already the booking's). */
  reversal: boolean;
  status: EntryStatus;
  /** The file's status code verbatim (`BOOK`, `PDNG`). */
  rawStatus?: string;
  /** `YYYY-MM-DD`. */
  valueDate?: string;
  /** `YYYY-MM-DD`: MT940 entry date, camt `BookgDt`. */
  bookingDate?: string;
  /** ISO 8601 with offset when the file gives a time (camt `DtTm`). */
  bookingDateTime?: string;
  valueDateTime?: string;
  /** MT940 type (`NTRF`, `N051`), camt `Domn/Fmly/SubFmlyCd` joined with `/`, or `Prtry/Cd`. */
  typeCode?: string;
  /** MT940 funds code letter (third letter of the currency code). */
  fundsCode?: string;
  /** MT940 `:61:` supplementary details (its second line). */
  supplementaryDetails?: string;
  /** The narrative as written: MT940 `:86:` (lines joined with `\n`), camt `AddtlNtryInf`. */
  information?: string;
  /** Structured reading of `information` by a `:86:` dialect. */
  details?: NarrativeDetails;
  /** The best one-line narration for people and for the matcher. */
  description?: string;
  counterparty?: EntryCounterparty;
  references: EntryReferences;
  /** MT940 `/OCMT/` or camt `AmtDtls`: the amount in another currency, never mixed into `amount`. */
  amountDetails?: AmountDetails;
  charges?: Charge[];
  batch?: BatchInfo;
  /** camt `TxDtls` in order; empty for MT940 and CSV. */
  transactions: TransactionDetails[];
  /** Running balance after this line (CSV exports). Signed. */
  balanceAfter?: Money;
  /** Fields carried through without interpretation. */
  extras: ExtraField[];
  /** 1-based line where the entry starts (MT940, CSV). */
  line?: number;
  /** The entry exactly as in the decoded file: `:61:` + `:86:` text, the `<Ntry>` element, the CSV row. */
  raw: string;
}

/** Totals the file states about itself (camt `TxsSummry`, MT942 `:90D:`/`:90C:`). Used as a cross-check. */
export interface StatementSummary {
  credits?: { count?: number; sum?: Money };
  debits?: { count?: number; sum?: Money };
  entries?: { count?: number; sum?: Money };
}

/** One statement, report or notification. */
export interface Statement {
  format: StatementFormat;
  /** MT940 `:20:`, camt `Stmt/Id` (`Rpt/Id`, `Ntfctn/Id`). */
  id?: string;
  /** MT940 `:28C:` (`statement/sequence`), camt `ElctrncSeqNb` / `LglSeqNb`. */
  sequence?: string;
  /** camt `CreDtTm` (falling back to the group header), MT942 `:13D:`. ISO 8601. */
  createdAt?: string;
  /** camt `FrToDt`. */
  period?: { from?: string; to?: string };
  account: StatementAccount;
  /** Currency of the balances and entries (`Money.currency`). */
  currency?: string;
  /** MT940 `:60F:`/`:60M:`, camt `OPBD` (else `PRCD`). */
  openingBalance?: Balance;
  /** MT940 `:62F:`/`:62M:`, camt `CLBD`. */
  closingBalance?: Balance;
  /** Every balance in file order, including the two above. */
  balances: Balance[];
  entries: StatementEntry[];
  summary?: StatementSummary;
  /** MT942 `:34F:` floor limits. */
  floorLimits?: { debit?: Money; credit?: Money };
  /** Statement-level narrative: MT940 `:86:` outside an entry, camt `AddtlStmtInf`. */
  information: string[];
  extras: ExtraField[];
  warnings: FormatWarning[];
  /** Entries or fields that could not be read, each with its raw text; the rest of the statement still parsed. */
  errors: InvalidDataError[];
  /** 1-based line where the statement starts (MT940, CSV). */
  line?: number;
}

/** The result of parsing one file. */
export interface StatementFile {
  format: FileFormat;
  encoding: TextEncoding | 'string';
  /** camt message name from the namespace or the `AppHdr` (`camt.053.001.08`). */
  messageName?: string;
  /** camt `GrpHdr/MsgId`. */
  messageId?: string;
  /** camt `GrpHdr/CreDtTm`. */
  createdAt?: string;
  statements: Statement[];
  /** File-level warnings (skipped header lines, encoding fallback). */
  warnings: FormatWarning[];
}
