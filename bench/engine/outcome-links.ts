import type { Outcome, OutcomeKind, ReconConfig, StandardTransaction } from '@recon/core';
import { batchOfSettlementId, Label, LABEL_NAMES, ledgerIndexOf, orderOfPaymentId, refundIndexOf, SOURCES, type Dataset } from '../generator/index';
import { scoreGatewaySettlementPair } from '../scoring/gateway-settlement-pair';
import { createLinkScorer, type LinkScores } from '../scoring/link-scorer';
import { bankMissCauses, ledgerMissCauses, type MissCauses } from '../scoring/miss-causes';

/** Outcome counts of one engine link, per side. */
export interface LinkKindCounts {
  name: string;
  left: Record<OutcomeKind, number>;
  right: Record<OutcomeKind, number>;
}

/** Expected label (rows) against the outcome kind the engine gave (columns), for one side of a link. */
export interface Confusion {
  link: string;
  source: string;
  /** `matrix[label][kind]` record counts. */
  matrix: Record<string, Record<OutcomeKind, number>>;
}

/** How the engine did against the ground truth. */
export interface EngineQuality {
  links: LinkScores;
  kinds: LinkKindCounts[];
  /** Settlement ↔ bank outcomes whose line set is exactly one whole reported batch plus its credit. */
  exactBatches: { exact: number; reported: number };
  /** Matched/mismatched pairs between sources no link type covers (should be 0). */
  otherPairs: number;
  confusion: Confusion[];
  /** Missed L1 and L3 pairs by the noise that caused them. */
  missCauses: { L1: MissCauses; L3: MissCauses };
}

const zeroKinds = (): Record<OutcomeKind, number> => ({ matched: 0, mismatched: 0, unmatched: 0, duplicate: 0, suggested: 0 });

/**
 * Turns engine outcomes into scored links. Records are identified by decoding their generated ids
 * (see generator/decode.ts), bank lines through a small id → position map.
 */
export function scoreOutcomes(dataset: Dataset, config: ReconConfig, outcomes: readonly Outcome[]): EngineQuality {
  const t = dataset.truth;
  const scorer = createLinkScorer(dataset);
  const bankIndex = new Map<string, number>();
  dataset.bank.forEach((r, i) => {
    if (!bankIndex.has(r.txn_id)) bankIndex.set(r.txn_id, i);
  });
  const bankOf = (r: StandardTransaction): number => bankIndex.get(r.txn_id) ?? -1;
  const kinds = new Map<string, LinkKindCounts>();
  const confusion = new Map<string, Confusion>();
  let otherPairs = 0;
  let exact = 0;

  // Which link joins the ledger and the gateway: its records get labels to compare with.
  const sideSources = new Map(config.sides.map((s) => [s.name, new Set(s.sources)]));
  const ledgerLinks = new Set(
    config.links
      .filter((l) => {
        const sources = new Set([...(sideSources.get(l.left) ?? []), ...(sideSources.get(l.right) ?? [])]);
        return sources.has(SOURCES.ledger) && sources.has(SOURCES.gateway);
      })
      .map((l) => l.name),
  );
  const expectedLabel = (r: StandardTransaction, kind: OutcomeKind): string | undefined => {
    const copy = t.duplicateKeys.get(`${r.source}/${r.txn_id}`);
    if (copy === false || (copy === true && kind === 'duplicate')) return LABEL_NAMES[Label.DUPLICATE];
    if (r.source === SOURCES.ledger) return LABEL_NAMES[t.ledgerLabel[ledgerIndexOf(r.txn_id)] ?? -1];
    if (r.source !== SOURCES.gateway) return undefined;
    const order = orderOfPaymentId(r.txn_id);
    const k = t.orderPayment[order] ?? -1;
    return LABEL_NAMES[t.paymentLabel[k] ?? -1];
  };

  // Sources as bits, so a pair's kind is one integer switch rather than a string per pair.
  const LEDGER = 1;
  const GATEWAY = 2;
  const SETTLEMENT = 4;
  const BANK = 8;
  const codeOf = (r: StandardTransaction): number =>
    r.source === SOURCES.ledger ? LEDGER : r.source === SOURCES.gateway ? GATEWAY : r.source === SOURCES.settlement ? SETTLEMENT : r.source === SOURCES.bank ? BANK : 0;
  const pair = (a: StandardTransaction, b: StandardTransaction): void => {
    const ca = codeOf(a);
    const kind = ca | codeOf(b);
    // Order the pair by source bit: the lower bit first.
    const [x, y] = ca < kind - ca ? [a, b] : [b, a];
    if (kind === (LEDGER | GATEWAY)) return scorer.ledgerPayment(ledgerIndexOf(x.txn_id), orderOfPaymentId(y.txn_id));
    if (kind === (GATEWAY | SETTLEMENT)) return scoreGatewaySettlementPair(scorer, t, x, y);
    if (kind === (SETTLEMENT | BANK)) return scorer.bankBatch(bankOf(y), batchOfSettlementId(x.references.settlement_id ?? ''));
    if (kind === (GATEWAY | BANK)) {
      if (x.transaction_type === 'REFUND') {
        // A refund netted into a payout found without its report (L4r); its batch is the credit's.
        const refund = refundIndexOf(x.txn_id);
        scorer.refundBank(refund, bankOf(y));
        return scorer.bankBatch(bankOf(y), refund >= 0 ? (t.refundBatch[refund] ?? -1) : -1);
      }
      const order = orderOfPaymentId(x.txn_id);
      scorer.paymentBank(order, bankOf(y));
      return scorer.bankBatch(bankOf(y), t.orderBatch[order] ?? -1);
    }
    otherPairs++;
  };

  for (const outcome of outcomes) {
    let counts = kinds.get(outcome.link);
    if (!counts) {
      counts = { name: outcome.link, left: zeroKinds(), right: zeroKinds() };
      kinds.set(outcome.link, counts);
    }
    // Read each side once: outcomes may build these arrays on every access.
    const left = outcome.left;
    const right = outcome.right;
    counts.left[outcome.kind] += left.length;
    counts.right[outcome.kind] += right.length;

    if (ledgerLinks.has(outcome.link)) {
      for (const r of left.length === 0 ? right : right.length === 0 ? left : [...left, ...right]) {
        const label = expectedLabel(r, outcome.kind);
        if (label === undefined) continue;
        const id = `${outcome.link}|${r.source}`;
        let c = confusion.get(id);
        if (!c) {
          c = { link: outcome.link, source: r.source, matrix: {} };
          confusion.set(id, c);
        }
        const row = (c.matrix[label] ??= zeroKinds());
        row[outcome.kind]++;
      }
    }

    if (outcome.kind !== 'matched' && outcome.kind !== 'mismatched') continue;
    for (const a of left) for (const b of right) pair(a, b);
    if (left.length + right.length > 2 && isExactBatch(dataset, [...left, ...right], bankOf)) exact++;
  }

  let reported = 0;
  t.batches.withheld.forEach((w) => {
    if (!w) reported++;
  });
  return {
    links: scorer.result(),
    kinds: [...kinds.values()],
    exactBatches: { exact, reported },
    otherPairs,
    confusion: [...confusion.values()],
    missCauses: { L1: ledgerMissCauses(dataset, scorer.missed('L1')), L3: bankMissCauses(dataset, scorer.missed('L3')) },
  };
}

/** One bank credit against exactly the report lines of its batch (payments and refunds). */
function isExactBatch(dataset: Dataset, records: readonly StandardTransaction[], bankOf: (r: StandardTransaction) => number): boolean {
  const banks = records.filter((r) => r.source === SOURCES.bank);
  const lines = records.filter((r) => r.source === SOURCES.settlement);
  if (banks.length !== 1 || lines.length === 0 || lines.length + 1 !== records.length) return false;
  const batch = dataset.truth.bankBatch[bankOf(banks[0] as StandardTransaction)] ?? -1;
  if (batch < 0 || lines.some((l) => batchOfSettlementId(l.references.settlement_id ?? '') !== batch)) return false;
  // Lines of a reported batch are all emitted, so the count decides whether the group is whole.
  return new Set(lines.map((l) => l.txn_id)).size === dataset.truth.batches.lineCount[batch];
}
