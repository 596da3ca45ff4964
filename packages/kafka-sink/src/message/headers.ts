/** Header names this package writes. Values are UTF-8 strings. */
export const HEADERS = {
  /** The transaction's `source` (`hdfc`, `razorpay`, ...). */
  source: 'recon-source',
  /** The standard transaction's `schema_version`. */
  schemaVersion: 'recon-schema-version',
  /** Always `application/json` for standard transactions. */
  contentType: 'content-type',
  /** The transaction's `txn_id`: lets a consumer without read_committed de-duplicate. */
  txnId: 'recon-txn-id',
  /** The sync stream the record came through. */
  stream: 'recon-stream',
  /** Dead letters: why the message was rejected (one line). */
  dlqReason: 'recon-dlq-reason',
  /** Dead letters: the error code (`TXN_INVALID`, `NOT_JSON`, ...). */
  dlqCode: 'recon-dlq-code',
  /** Dead letters: validation issues as JSON (`[{ path, message }]`). */
  dlqIssues: 'recon-dlq-issues',
  /** Dead letters: who rejected it (`connector`: the sync; `consumer`: the consumer helper). */
  dlqStage: 'recon-dlq-stage',
  /** Dead letters from the consumer: where the original message was. */
  dlqTopic: 'recon-dlq-topic',
  dlqPartition: 'recon-dlq-partition',
  dlqOffset: 'recon-dlq-offset',
  /** Dead letters: when it was rejected (ISO 8601). */
  dlqAt: 'recon-dlq-at',
} as const;

/** Content type of a standard transaction message. */
export const JSON_CONTENT_TYPE = 'application/json';
