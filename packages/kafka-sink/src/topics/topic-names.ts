/** Topic per source, as in the integration guide. */
export const DEFAULT_SOURCE_TOPICS: Readonly<Record<string, string>> = Object.freeze({
  hdfc: 'hdfc_txns',
  icici: 'icici_txns',
  sbi: 'sbi_txns',
  axis: 'axis_txns',
  kotak: 'kotak_txns',
  razorpay: 'razorpay_txns',
});

/** Default dead-letter topic (raw message + reason in headers). */
export const DEFAULT_DEAD_LETTER_TOPIC = 'recon_dead_letters';

/** Default compacted topic holding the sync cursors of exactly-once sinks. */
export const DEFAULT_CURSOR_TOPIC = 'recon_connector_cursors';

/** Picks the topic of a transaction from its `source`. */
export type TopicForSource = (source: string) => string;

/**
 * The topic of a source: `topics[source]` when given, else the guide's topic for the six known
 * sources, else `<source>_txns` with characters Kafka does not allow replaced by `_`
 * (`sftp:kotak` → `sftp_kotak_txns`; map it to `kotak_txns` explicitly if that is what you want).
 */
export function topicForSource(topics: Readonly<Record<string, string>> = {}): TopicForSource {
  return (source) => topics[source] ?? DEFAULT_SOURCE_TOPICS[source] ?? `${source.replace(/[^a-zA-Z0-9._-]/g, '_')}_txns`;
}
