import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

/**
 * A kafkajs partition assigner that gives partition *n* of **every** subscribed topic to the same
 * member (Kafka's RangeAssigner does the same in Java; kafkajs ships only round-robin). With equal
 * partition counts and the same key, a bank line and the gateway record it settles land in the
 * same process: the co-partitioning a streaming reconciler needs. Members are sorted by id so
 * every member computes the same plan.
 */
export const coPartitionAssigner: PartitionAssigner = ({ cluster }) => ({
  name: 'ReconCoPartition',
  version: 1,
  async assign({ members, topics }) {
    const memberIds = members.map((m) => m.memberId).sort();
    const plan = new Map<string, Record<string, number[]>>(memberIds.map((id) => [id, {}]));
    for (const topic of topics) {
      const partitions = cluster
        .findTopicPartitionMetadata(topic)
        .map((p) => p.partitionId)
        .sort((a, b) => a - b);
      for (const partition of partitions) {
        const owner = memberIds[partition % memberIds.length];
        if (owner === undefined) continue;
        const assignment = plan.get(owner) ?? {};
        (assignment[topic] ??= []).push(partition);
        plan.set(owner, assignment);
      }
    }
    return memberIds.map((memberId) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 1, assignment: plan.get(memberId) ?? {}, userData: Buffer.alloc(0) }),
    }));
  },
  protocol({ topics }) {
    return { name: 'ReconCoPartition', metadata: AssignerProtocol.MemberMetadata.encode({ version: 1, topics, userData: Buffer.alloc(0) }) };
  },
});
