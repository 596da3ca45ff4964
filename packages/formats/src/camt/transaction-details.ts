import type { Charge, EntryCounterparty, EntryReferences, TransactionDetails } from '../types';
import { isDebit, readAmount, readAmountDetails, type Problems } from './read-amount';
import { at, child, childrenNamed, firstText, textAt } from './xml/query';
import type { XmlElement } from './xml/parse-xml';

/** `Domn/Cd` + `Fmly/Cd` + `SubFmlyCd` as `PMNT/RCDT/ESCT`, else the proprietary code. */
export function bankTransactionCode(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const domain = textAt(element, 'Domn', 'Cd');
  if (domain) {
    const family = textAt(element, 'Domn', 'Fmly', 'Cd');
    const sub = textAt(element, 'Domn', 'Fmly', 'SubFmlyCd');
    return [domain, family, sub].filter((p) => p !== undefined).join('/');
  }
  return textAt(element, 'Prtry', 'Cd');
}

/** The references of a `TxDtls/Refs` block (plus UETR and cheque numbers where versions put them). */
export function readReferences(refs: XmlElement | undefined): EntryReferences {
  const out: EntryReferences = {};
  if (!refs) return out;
  const set = (key: keyof EntryReferences, value: string | undefined) => {
    if (value !== undefined && value.toUpperCase() !== 'NOTPROVIDED') out[key] = value;
  };
  set('messageId', textAt(refs, 'MsgId'));
  set('accountServicerReference', textAt(refs, 'AcctSvcrRef'));
  set('paymentInformationId', textAt(refs, 'PmtInfId'));
  set('instructionId', textAt(refs, 'InstrId'));
  set('endToEndId', textAt(refs, 'EndToEndId'));
  set('uetr', textAt(refs, 'UETR'));
  set('transactionId', textAt(refs, 'TxId'));
  set('mandateId', textAt(refs, 'MndtId'));
  set('chequeNumber', textAt(refs, 'ChqNb'));
  set('clearingSystemReference', textAt(refs, 'ClrSysRef'));
  return out;
}

/** A party's name, whichever version's layout (`Dbtr/Nm` in v2, `Dbtr/Pty/Nm` in v8). */
function partyName(party: XmlElement | undefined): string | undefined {
  return firstText(party, ['Nm'], ['Pty', 'Nm'], ['Agt', 'FinInstnId', 'Nm']);
}

function accountId(account: XmlElement | undefined): string | undefined {
  return firstText(account, ['Id', 'IBAN'], ['Id', 'Othr', 'Id']);
}

function agentBic(agent: XmlElement | undefined): string | undefined {
  return firstText(agent, ['FinInstnId', 'BIC'], ['FinInstnId', 'BICFI']);
}

/**
 * The other party of a transaction: the debtor of money coming in, the creditor of money going
 * out. Which side is "other" follows from the entry's direction.
 */
export function readCounterparty(tx: XmlElement, incoming: boolean): EntryCounterparty | undefined {
  const parties = child(tx, 'RltdPties');
  const agents = child(tx, 'RltdAgts');
  const side = incoming ? 'Dbtr' : 'Cdtr';
  const counterparty: EntryCounterparty = {};
  const name = partyName(child(parties, side)) ?? partyName(child(parties, incoming ? 'UltmtDbtr' : 'UltmtCdtr'));
  const account = accountId(child(parties, `${side}Acct`));
  const bic = agentBic(child(agents, `${side}Agt`));
  if (name) counterparty.name = name;
  if (account) counterparty.account = account;
  if (bic) counterparty.bic = bic;
  return Object.keys(counterparty).length > 0 ? counterparty : undefined;
}

/**
 * camt `Chrgs`: either `TtlChrgsAndTaxAmt` plus `Rcrd` elements (v4+), only the total (then one
 * charge of type `TOTAL`), or repeated `Chrgs` each holding one record (v2). Signed from the
 * account's point of view; a record without `CdtDbtInd` is a charge taken (negative).
 */
export function readCharges(holder: XmlElement, problems: Problems, where: string): Charge[] | undefined {
  const blocks = childrenNamed(holder, 'Chrgs');
  if (blocks.length === 0) return undefined;
  const charges: Charge[] = [];
  for (const block of blocks) {
    const records = childrenNamed(block, 'Rcrd');
    const total = child(block, 'TtlChrgsAndTaxAmt');
    if (records.length === 0 && !child(block, 'Amt') && total) {
      // Only the total is given (camt.052 v4+ often does this): it is the charge.
      const amount = readAmount(total, problems, `${where}/Chrgs/TtlChrgsAndTaxAmt`, true);
      if (amount) charges.push({ amount, type: 'TOTAL' });
      continue;
    }
    for (const record of records.length > 0 ? records : [block]) {
      const debit = isDebit(record);
      const amount = readAmount(child(record, 'Amt'), problems, `${where}/Chrgs/Amt`, debit !== false);
      if (!amount) continue;
      const charge: Charge = { amount };
      const included = textAt(record, 'ChrgInclInd');
      if (included !== undefined) charge.included = included === 'true' || included === '1';
      const type = firstText(record, ['Tp', 'Cd'], ['Tp', 'Prtry', 'Id'], ['Tp']);
      if (type) charge.type = type;
      const bearer = textAt(record, 'Br');
      if (bearer) charge.bearer = bearer;
      charges.push(charge);
    }
  }
  return charges;
}

/** One `TxDtls`, with its own amount when the bank gives one (`Amt` from v3, `AmtDtls/TxAmt` in v2). */
export function readTransactionDetails(tx: XmlElement, entryDebit: boolean, problems: Problems, where: string): TransactionDetails {
  const debit = isDebit(tx) ?? entryDebit;
  const details: TransactionDetails = { references: readReferences(child(tx, 'Refs')) };
  const amountDetails = readAmountDetails(child(tx, 'AmtDtls'), problems, `${where}/AmtDtls`);
  const own = child(tx, 'Amt');
  const amount = own
    ? readAmount(own, problems, `${where}/Amt`, debit)
    : amountDetails?.transaction && { minor: debit ? -amountDetails.transaction.amount.minor : amountDetails.transaction.amount.minor, currency: amountDetails.transaction.amount.currency };
  if (amount) details.amount = amount;
  if (amountDetails) details.amountDetails = amountDetails;
  const uetr = textAt(tx, 'Refs', 'UETR') ?? textAt(tx, 'UETR');
  if (uetr) details.references.uetr = uetr;
  const creditorId = textAt(tx, 'RltdPties', 'Cdtr', 'Id', 'PrvtId', 'Othr', 'Id');
  if (creditorId && textAt(tx, 'RltdPties', 'Cdtr', 'Id', 'PrvtId', 'Othr', 'SchmeNm', 'Prtry') === 'SEPA') details.references.creditorId = creditorId;
  const counterparty = readCounterparty(tx, !debit);
  if (counterparty) details.counterparty = counterparty;
  const ultimate = partyName(at(tx, 'RltdPties', debit ? 'UltmtCdtr' : 'UltmtDbtr'));
  if (ultimate) details.ultimateParty = ultimate;
  const remittance = childrenNamed(child(tx, 'RmtInf'), 'Ustrd')
    .map((u) => u.text.trim())
    .filter((u) => u !== '')
    .join(' ');
  if (remittance !== '') details.remittance = remittance;
  const creditorReference = textAt(tx, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref');
  if (creditorReference) details.references.creditorReference = creditorReference;
  const additional = textAt(tx, 'AddtlTxInf');
  if (additional) details.additionalInformation = additional;
  const returnReason = firstText(tx, ['RtrInf', 'Rsn', 'Cd'], ['RtrInf', 'Rsn', 'Prtry']);
  if (returnReason) details.returnReason = returnReason;
  const purpose = firstText(tx, ['Purp', 'Cd'], ['Purp', 'Prtry']);
  if (purpose) details.purposeCode = purpose;
  const typeCode = bankTransactionCode(child(tx, 'BkTxCd'));
  if (typeCode) details.typeCode = typeCode;
  const charges = readCharges(tx, problems, where);
  if (charges) details.charges = charges;
  return details;
}
