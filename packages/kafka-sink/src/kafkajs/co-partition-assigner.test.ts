import { AssignerProtocol, type Cluster } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { coPartitionAssigner } from './co-partition-assigner';

const cluster = { findTopicPartitionMetadata: () => [3, 0, 2, 1, 5, 4].map((partitionId) => ({ partitionId })) } as unknown as Cluster;

describe('coPartitionAssigner', () => {
  it('gives partition n of every topic to the same member, and every partition to exactly one member', async () => {
    const assigner = coPartitionAssigner({ cluster, groupId: 'g', logger: {} as never });
    const plan = await assigner.assign({ members: [{ memberId: 'b' }, { memberId: 'a' }] as never, topics: ['bank', 'gateway'] });
    const decoded = plan.map((p) => ({ member: p.memberId, assignment: AssignerProtocol.MemberAssignment.decode(p.memberAssignment)?.assignment ?? {} }));
    expect(decoded).toEqual([
      { member: 'a', assignment: { bank: [0, 2, 4], gateway: [0, 2, 4] } },
      { member: 'b', assignment: { bank: [1, 3, 5], gateway: [1, 3, 5] } },
    ]);
  });
});
