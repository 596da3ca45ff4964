import { setTimeout as sleep } from 'node:timers/promises';
import type { AdminPort, PartitionOffsets } from '../port/types';
import type { RdKafkaContext } from './rdkafka-client';
import type { RdKafka } from './load-rdkafka';

type AdminClient = ReturnType<RdKafka['AdminClient']['create']>;

const TOPIC_ALREADY_EXISTS = 36;
const GROUP_ID_NOT_FOUND = 69;
const REQUEST_TIMEOUT_MS = 30_000;
/** How long `createTopics` waits for every new partition to have a leader (as kafkajs's `waitForLeaders`). */
const LEADERS_TIMEOUT_MS = 30_000;

/** The binding's admin client also answers Metadata requests (inherited; not in its type declarations). */
interface MetadataClient {
  getMetadata(options: { allTopics?: boolean; topic?: string; timeout?: number }, cb: (error: unknown, metadata: { brokers: unknown[]; topics: Array<{ name: string; partitions: unknown[] }> }) => void): void;
}

/** A connected librdkafka admin client with the calls the port and `readToEnd` need. */
export interface RdKafkaAdmin {
  client: AdminClient;
  /** First and next-to-write offsets of every partition (`high` is the high watermark). */
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
}

/** Opens an admin client (the binding connects it synchronously). */
export function openRdKafkaAdmin(context: RdKafkaContext): RdKafkaAdmin {
  let client: AdminClient;
  try {
    client = context.rd.AdminClient.create(context.config({}, {}));
  } catch (error) {
    throw context.wrap(error, 'connecting the admin client');
  }
  const partitionsOf = async (topic: string): Promise<number[]> => {
    const [description] = await context.call<Array<{ partitions: Array<{ partition: number }>; error?: unknown }>>(`describing topic "${topic}"`, (done) =>
      client.describeTopics([topic], { timeout: REQUEST_TIMEOUT_MS }, done),
    );
    if (description?.error) throw context.wrap(description.error, `describing topic "${topic}"`);
    return (description?.partitions ?? []).map((p) => p.partition).sort((a, b) => a - b);
  };
  return {
    client,
    async topicOffsets(topic) {
      const partitions = await partitionsOf(topic);
      const { OffsetSpec } = context.rd;
      const list = (spec: InstanceType<typeof OffsetSpec>) =>
        context.call<Array<{ partition: number; offset: number; error?: unknown }>>(`listing offsets of "${topic}"`, (done) =>
          client.listOffsets(
            partitions.map((partition) => ({ topic, partition, offset: spec })),
            { timeout: REQUEST_TIMEOUT_MS },
            done,
          ),
        );
      const [low, high] = await Promise.all([list(OffsetSpec.EARLIEST), list(OffsetSpec.LATEST)]);
      const offsetOf = (results: Array<{ partition: number; offset: number; error?: unknown }>, partition: number) => {
        const result = results.find((r) => r.partition === partition);
        if (!result || result.error) throw context.wrap(result?.error ?? new Error(`no offset for partition ${partition}`), `listing offsets of "${topic}"`);
        return String(result.offset);
      };
      return partitions.map((partition) => ({ partition, low: offsetOf(low, partition), high: offsetOf(high, partition) }));
    },
  };
}

/** The port's admin calls over librdkafka's admin client. */
export function createRdKafkaAdminPort(loadContext: () => Promise<RdKafkaContext>): AdminPort {
  let context: RdKafkaContext | undefined;
  let admin: RdKafkaAdmin | undefined;
  const ready = () => {
    if (!context || !admin) throw new Error('[recon:kafka] admin used before connect()');
    return { ctx: context, client: admin.client, admin };
  };
  const metadata = () => {
    const { ctx, client } = ready();
    return ctx.call<{ brokers: unknown[]; topics: Array<{ name: string; partitions: unknown[] }> }>('reading cluster metadata', (done) =>
      (client as unknown as MetadataClient).getMetadata({ allTopics: true, timeout: REQUEST_TIMEOUT_MS }, done),
    );
  };
  return {
    async connect() {
      context = await loadContext();
      admin = openRdKafkaAdmin(context);
    },
    async createTopics(topics) {
      const { ctx, client } = ready();
      const existing = new Set(await ctx.call<string[]>('listing topics', (done) => client.listTopics({ timeout: REQUEST_TIMEOUT_MS }, done)));
      const missing = topics.filter((t) => !existing.has(t.topic));
      const created: string[] = [];
      for (const t of missing) {
        try {
          await ctx.call(`creating topic "${t.topic}"`, (done) =>
            client.createTopic({ topic: t.topic, num_partitions: t.partitions, replication_factor: t.replicationFactor, config: t.config ?? {} }, REQUEST_TIMEOUT_MS, done),
          );
          created.push(t.topic);
        } catch (error) {
          // Created by someone else in the meantime: it exists, which is what was asked.
          if ((error as { code?: unknown }).code !== TOPIC_ALREADY_EXISTS) throw error;
        }
      }
      // A new topic has no leader for a moment; producing or listing offsets then would fail.
      const deadline = Date.now() + LEADERS_TIMEOUT_MS;
      for (const topic of created) {
        for (;;) {
          const described = await ctx
            .call<Array<{ partitions: Array<{ leader: unknown }>; error?: unknown }>>(`describing topic "${topic}"`, (done) => client.describeTopics([topic], { timeout: REQUEST_TIMEOUT_MS }, done))
            .catch(() => undefined);
          const partitions = described?.[0]?.error ? [] : (described?.[0]?.partitions ?? []);
          if (partitions.length > 0 && partitions.every((p) => p.leader)) break;
          if (Date.now() > deadline) throw new Error(`[recon:kafka] topic "${topic}" has partitions without a leader after ${LEADERS_TIMEOUT_MS} ms`);
          await sleep(100);
        }
      }
      return created;
    },
    brokerCount: async () => (await metadata()).brokers.length,
    async partitionCounts(topics) {
      const wanted = new Set(topics);
      const counts = new Map<string, number>();
      for (const t of (await metadata()).topics) if (wanted.has(t.name)) counts.set(t.name, t.partitions.length);
      return counts;
    },
    topicOffsets: (topic) => ready().admin.topicOffsets(topic),
    async deleteGroups(groupIds) {
      const { ctx, client } = ready();
      const results = await ctx.call<Array<{ groupId: string; error?: { code?: number } }>>('deleting consumer groups', (done) =>
        client.deleteGroups(groupIds, { timeout: REQUEST_TIMEOUT_MS }, done),
      );
      const failed = results.find((r) => r.error && r.error.code !== GROUP_ID_NOT_FOUND);
      if (failed) throw ctx.wrap(failed.error, `deleting consumer group "${failed.groupId}"`);
    },
    async disconnect() {
      admin?.client.disconnect();
      admin = undefined;
    },
  };
}
