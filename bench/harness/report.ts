import type { DatasetStats } from '../generator/index';
import { LINK_DESCRIPTIONS, LINK_TYPES } from '../scoring/link-types';
import type { LinkScore, LinkScores } from '../scoring/link-scorer';
import type { MachineInfo } from './machine';
import type { PhaseRecord } from './phases';

const int = (n: number): string => n.toLocaleString('en-US');
const fixed = (n: number, digits: number): string => (Number.isNaN(n) ? '—' : n.toFixed(digits));

/** A plain-text table: first row is the header, columns padded, numbers right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const numeric = /^[-+]?[\d,.]+( \/ [\d,.]+)?$|^—$/;
  return rows
    .map((row, r) =>
      row
        .map((cell, i) => (r > 0 && numeric.test(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Header lines: what ran, where. */
export function describeRun(orders: number, seed: number, machine: MachineInfo, stats: DatasetStats): string {
  return [
    `@recon reconciliation benchmark: ${int(orders)} orders, seed ${seed}`,
    `machine: ${machine.cpus} CPU (${machine.cpuModel}), ${fixed(machine.memoryGB, 0)} GB, node ${machine.node}, CPUs allowed: ${machine.affinity}, load ${fixed(machine.load1, 2)}`,
    `dataset: ledger ${int(stats.ledger)} · payments ${int(stats.payments)} · settlement lines ${int(stats.settlementLines)} (${int(stats.refundLines)} refunds) · ` +
      `batches ${int(stats.batches)} (${int(stats.withheldBatches)} reports withheld) · bank lines ${int(stats.bankLines)}`,
  ].join('\n');
}

/** The phase table. */
export function phaseTable(phases: readonly PhaseRecord[]): string {
  return table([
    ['phase', 'wall s', 'CPU s', 'heap MB', 'RSS MB', 'peak RSS MB', 'full GCs'],
    ...phases.map((p) => [p.name, fixed(p.seconds, 3), fixed(p.cpuSeconds, 3), fixed(p.heapMB, 0), fixed(p.rssMB, 0), fixed(p.peakRssMB, 0), p.majorGcs === undefined ? '—' : String(p.majorGcs)]),
  ]);
}

const pr = (s: LinkScore | undefined): string => (s ? `${fixed(s.precision, 5)} / ${fixed(s.recall, 5)}` : 'not run');

/** Precision / recall per link type, one column per matcher. */
export function qualityTable(columns: readonly { name: string; scores: LinkScores | undefined }[]): string {
  return table([
    ['link', 'meaning', ...columns.map((c) => `${c.name} P / R`)],
    ...LINK_TYPES.map((type) => [type, LINK_DESCRIPTIONS[type], ...columns.map((c) => pr(c.scores?.[type]))]),
  ]);
}

/** Counts behind the precision and recall (predicted, correct, truth) of one matcher. */
export function countsTable(name: string, scores: LinkScores): string {
  return table([
    ['link', `${name}: predicted`, 'correct', 'true pairs', 'found'],
    ...LINK_TYPES.map((type) => {
      const s = scores[type];
      return [type, int(s.predicted), int(s.correct), int(s.truth), int(s.found)];
    }),
  ]);
}
