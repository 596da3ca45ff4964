export * from './types';
export { runSync, type RunSyncOptions, type SyncSource } from './run-sync';
export { createMemorySink, type MemorySink } from './memory-sink';
export { createJsonLinesSink, type JsonLinesSink, type JsonLinesSinkOptions } from './json-lines-sink';
export { readJsonLines, scanLines, decodeLine, type JsonLine, type ReadJsonLinesOptions, type ScanResult } from './json-lines-format';
export { createMemoryCursorStore, type MemoryCursorStore } from './memory-cursor-store';
export { createFileCursorStore } from './file-cursor-store';
export { createScheduler, type Scheduler, type SchedulerOptions, type SchedulerState, type SchedulerStatus, type SchedulerTimers, type JobStatus, type SyncJob } from './scheduler';
export { writeFileAtomic } from './durable-fs';
