import type { Channel } from '@recon/core';

/** What {@link referencesFromNarration} found. */
export interface NarrationReferences {
  utr?: string;
  rrn?: string;
  channel?: Channel;
}

// Layouts from the bank-API reference (§5): RTGS 22 characters (bank code, R, channel digit,
// date, sequence); NEFT 22 characters with N, or the classic 16 starting with the bank code.
const RTGS_UTR = /(?:^|[^A-Z0-9])([A-Z]{4}R[0-9A-Z][0-9]{16})(?![A-Z0-9])/;
const NEFT_UTR_22 = /(?:^|[^A-Z0-9])([A-Z]{4}N[0-9A-Z][0-9]{16})(?![A-Z0-9])/;
/**
 * A 16-character NEFT UTR (bank code + 12) only in a narration that names NEFT, and only a token
 * with at least six digits: on its own the layout matches too many words.
 */
const NEFT_TOKEN_16 = /(?:^|[^A-Z0-9])([A-Z]{4}[A-Z0-9]{12})(?![A-Z0-9])/g;
/** 12-digit RRN after an IMPS or UPI marker (`UPI/365744674436/…`, `MMT/IMPS/104910349740/…`, `IMPS 104910349740`). */
const RRN = /(?:UPI|IMPS)(?:[\s/:-]*(?:CR|DR|P2A|P2P|MMT|RVSL))*[\s/:-]*([0-9]{12})(?![0-9])/;

function neftUtr16(text: string): [string, string] | null {
  NEFT_TOKEN_16.lastIndex = 0;
  for (let m = NEFT_TOKEN_16.exec(text); m; m = NEFT_TOKEN_16.exec(text)) {
    const token = m[1] as string;
    if (token.replace(/[^0-9]/g, '').length >= 6) return [m[0], token];
  }
  return null;
}

/**
 * Indian payment references in a narration: NEFT/RTGS UTRs and IMPS/UPI RRNs, and the rail the
 * narration names. Deliberately narrow (a reference must sit next to its rail's marker, or have
 * the exact 22-character UTR layout), so European narrations yield nothing rather than noise.
 */
export function referencesFromNarration(text: string | undefined): NarrationReferences {
  if (!text) return {};
  const upper = text.toUpperCase();
  const out: NarrationReferences = {};
  const rtgs = RTGS_UTR.exec(upper);
  const neft = NEFT_UTR_22.exec(upper) ?? (upper.includes('NEFT') ? neftUtr16(upper) : null);
  const rrn = RRN.exec(upper);
  if (rtgs) out.utr = rtgs[1] as string;
  else if (neft) out.utr = neft[1] as string;
  if (rrn) out.rrn = rrn[1] as string;
  const channel = /(?:^|[^A-Z])(UPI|IMPS|NEFT|RTGS)(?![A-Z])/.exec(upper)?.[1] as Channel | undefined;
  if (channel) out.channel = channel;
  return out;
}
