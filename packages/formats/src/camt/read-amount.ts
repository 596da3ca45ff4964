import type { Money } from '@recon/core';
import { readDecimal } from '../money/decimal';
import type { AmountDetails, CurrencyExchange, ForeignAmount } from '../types';
import { attribute, child, textAt } from './xml/query';
import type { XmlElement } from './xml/parse-xml';

/** Problems met while reading amounts of one entry; the caller turns them into one error. */
export type Problems = string[];

/**
 * An `<Amt Ccy="EUR">12.50</Amt>`-style element as {@link Money}. `fallbackCurrency` covers the
 * rare file that drops the (mandatory) `Ccy`. Problems are collected, never thrown.
 */
export function readAmount(element: XmlElement | undefined, problems: Problems, where: string, negative = false, fallbackCurrency?: string): Money | undefined {
  if (!element) return undefined;
  const currency = attribute(element, 'Ccy') ?? fallbackCurrency;
  const text = element.text.trim();
  if (!currency) {
    problems.push(`${where}: no Ccy attribute`);
    return undefined;
  }
  const read = readDecimal(text, currency, negative);
  if (!read.ok) {
    problems.push(`${where}: ${read.message}`);
    return undefined;
  }
  if (text.startsWith('-')) problems.push(`${where}: negative amount ${text}; camt amounts are unsigned, the sign is CdtDbtInd`);
  return read.money;
}

/** `CdtDbtInd`: true for DBIT, false for CRDT, undefined when absent or unknown. */
export function isDebit(element: XmlElement | undefined): boolean | undefined {
  const indicator = textAt(element, 'CdtDbtInd');
  return indicator === 'DBIT' ? true : indicator === 'CRDT' ? false : undefined;
}

/** camt `CcyXchg`. */
export function readExchange(element: XmlElement | undefined): CurrencyExchange | undefined {
  if (!element) return undefined;
  const exchange: CurrencyExchange = {};
  const source = textAt(element, 'SrcCcy');
  const target = textAt(element, 'TrgtCcy');
  const unit = textAt(element, 'UnitCcy');
  const rate = textAt(element, 'XchgRate');
  const contract = textAt(element, 'CtrctId');
  const quoted = textAt(element, 'QtnDt');
  if (source) exchange.sourceCurrency = source;
  if (target) exchange.targetCurrency = target;
  if (unit) exchange.unitCurrency = unit;
  if (rate) exchange.rate = rate;
  if (contract) exchange.contractId = contract;
  if (quoted) exchange.quotationDate = quoted;
  return Object.keys(exchange).length > 0 ? exchange : undefined;
}

function foreign(element: XmlElement | undefined, problems: Problems, where: string): ForeignAmount | undefined {
  if (!element) return undefined;
  const amount = readAmount(child(element, 'Amt'), problems, `${where}/Amt`);
  if (!amount) return undefined;
  const exchange = readExchange(child(element, 'CcyXchg'));
  return exchange ? { amount, exchange } : { amount };
}

/**
 * camt `AmtDtls` (`InstdAmt`, `TxAmt`, `CntrValAmt`, `AnncdPstngAmt`): kept apart from the
 * account-currency amount, so Σ entries stays comparable with the balances.
 */
export function readAmountDetails(element: XmlElement | undefined, problems: Problems, where: string): AmountDetails | undefined {
  if (!element) return undefined;
  const details: AmountDetails = {};
  const instructed = foreign(child(element, 'InstdAmt'), problems, `${where}/InstdAmt`);
  const transaction = foreign(child(element, 'TxAmt'), problems, `${where}/TxAmt`);
  const counterValue = foreign(child(element, 'CntrValAmt'), problems, `${where}/CntrValAmt`);
  const announced = foreign(child(element, 'AnncdPstngAmt'), problems, `${where}/AnncdPstngAmt`);
  if (instructed) details.instructed = instructed;
  if (transaction) details.transaction = transaction;
  if (counterValue) details.counterValue = counterValue;
  if (announced) details.announced = announced;
  return Object.keys(details).length > 0 ? details : undefined;
}
