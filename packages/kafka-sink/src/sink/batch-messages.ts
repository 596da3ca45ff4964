import type { InvalidRecord, StandardTransaction } from '@recon/core';
import { encodeInvalidRecord, encodeTransaction } from '../message/encode';
import type { PartitionKeyFn } from '../message/partition-key';
import type { OutgoingMessage, TopicMessages } from '../port/types';
import type { TopicForSource } from '../topics/topic-names';

/** How records become messages: shared by the plain and the exactly-once sink. */
export interface MessagePlan {
  topicFor: TopicForSource;
  key: PartitionKeyFn;
  deadLetterTopic: string;
}

/** Records to their source topics and invalid records to the dead-letter topic, grouped by topic. */
export function batchMessages(stream: string, records: readonly StandardTransaction[], invalid: readonly InvalidRecord[], plan: MessagePlan): TopicMessages[] {
  const byTopic = new Map<string, OutgoingMessage[]>();
  const add = (topic: string, message: OutgoingMessage) => {
    let list = byTopic.get(topic);
    if (!list) byTopic.set(topic, (list = []));
    list.push(message);
  };
  for (const txn of records) add(plan.topicFor(txn.source), encodeTransaction(txn, plan.key, stream));
  for (const record of invalid) add(plan.deadLetterTopic, encodeInvalidRecord(record));
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
