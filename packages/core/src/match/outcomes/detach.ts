import { outcomeToJson } from '../export/json';
import type { Outcome } from '../types';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** `toJSON` and the console form, shared by every detached outcome (not enumerable). */
const behaviour = {
  toJSON(this: Outcome): Record<string, unknown> {
    return outcomeToJson(this);
  },
  [INSPECT](this: Outcome): Record<string, unknown> {
    return outcomeToJson(this);
  },
};

/**
 * A plain copy of `o`: every field read once, nothing pointing back into the run that built it.
 *
 * Why: an engine outcome is a view that computes its records, evidence and amounts from its run's
 * tables when read, so holding it holds the whole run. The streaming reconciler keeps outcomes
 * across thousands of small re-runs; holding views kept every one of those runs alive (gigabytes
 * over a 100k-order stream). A detached copy costs its own fields only. It serialises exactly as
 * the view does.
 */
export function detachOutcome(o: Outcome): Outcome {
  const base = { id: o.id, link: o.link, left: o.left, right: o.right };
  let plain: Outcome;
  switch (o.kind) {
    case 'matched':
      plain = { ...base, kind: o.kind, rule: o.rule, evidence: o.evidence, confidence: o.confidence, amounts: o.amounts };
      break;
    case 'mismatched': {
      const amounts = o.amounts;
      plain = { ...base, kind: o.kind, rule: o.rule, evidence: o.evidence, mismatches: o.mismatches, ...(amounts && { amounts }) };
      break;
    }
    case 'suggested':
      plain = { ...base, kind: o.kind, rule: o.rule, reason: o.reason, candidates: o.candidates };
      break;
    case 'unmatched':
      plain = { ...base, kind: o.kind, side: o.side, reason: o.reason };
      break;
    case 'duplicate':
      plain = { ...base, kind: o.kind, side: o.side, of: o.of, key: o.key };
      break;
  }
  Object.defineProperties(plain, {
    toJSON: { value: behaviour.toJSON, enumerable: false },
    [INSPECT]: { value: behaviour[INSPECT], enumerable: false },
  });
  return plain;
}
