import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, as recorded beside its figures. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  /** CPUs this process may run on (`taskset` narrows it). */
  affinity: string;
  /** 1-minute load average at the start: above ~0.5 other work shared the CPUs, so times are noisy. */
  load1: number;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function affinity(): string {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Cpus_allowed_list'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  return { cpus: availableParallelism(), cpuModel: cpuModel(), memoryGB: totalmem() / 1024 ** 3, node: process.version, affinity: affinity(), load1: loadavg()[0] ?? Number.NaN };
}
