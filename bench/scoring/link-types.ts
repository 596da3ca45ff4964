/**
 * The links the benchmark scores. Each is a set of pairs the ground truth says correspond; a
 * matcher's output is turned into pairs of the same kinds and compared.
 */
export const LINK_TYPES = ['L1', 'L2', 'L2r', 'L3', 'L4', 'L4r'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** What each link type means, for the report. */
export const LINK_DESCRIPTIONS: Readonly<Record<LinkType, string>> = {
  L1: 'ledger entry ↔ gateway payment (same order)',
  L2: 'gateway payment ↔ its settlement line',
  L2r: 'gateway payment ↔ refund line netted later (informational)',
  L3: 'bank credit ↔ settlement batch (via its lines or its payments)',
  L4: 'gateway payment ↔ bank credit, for batches whose report was withheld',
  L4r: 'gateway refund ↔ bank credit it was netted into, withheld batches (informational)',
};
