/** Command-line options of the reconciliation benchmark. */
export interface BenchArgs {
  orders: number;
  seed: number;
  /** Run the @recon/core engine (default true). */
  engine: boolean;
  /** Run the naive Map join (default true). */
  naive: boolean;
  /** Run the pandas merge when Python with pandas is present (default true). */
  pandas: boolean;
  /** Python interpreter for the pandas baseline. */
  python: string;
  /** Also write every figure as JSON to this file. */
  json?: string;
  /** Profile one extra engine run and print where its time goes. */
  profile: boolean;
  /** Times each engine and naive run this often (the first result is scored); default 1. */
  repeat: number;
  /** Full collection before each timed engine run (see `settleHeap`). */
  settleHeap: boolean;
  /**
   * How the engine gets the records: `store` (default) generates them straight into a
   * `TransactionStore`, so they are never all held as objects; `objects` keeps them in arrays.
   */
  input: 'store' | 'objects';
}

const USAGE = `usage: reconcile.bench.ts [--orders N] [--seed N] [--no-engine] [--no-naive] [--no-pandas] [--python BIN] [--repeat N] [--profile] [--settle-heap] [--input store|objects] [--json FILE]
  --orders N     orders to simulate (default 100000; 10k, 100k and 1M are the recorded sizes)
  --seed N       generator seed (default 1)
  --no-engine    skip the @recon/core engine
  --no-naive     skip the naive Map join baseline
  --no-pandas    skip the pandas merge baseline
  --python BIN   Python interpreter for the pandas baseline (default python3)
  --profile      profile one more engine run (V8 sampling profiler) and print self time per file
  --repeat N     run the engine configs and the naive join N times each (default 1); on a shared
                 machine the fastest run is the least disturbed one
  --settle-heap  run a full V8 collection before each timed engine run (outside its timing), so that
                 garbage and marking left by generating the dataset are not charged to the engine
  --input KIND   store (default): records generated into a TransactionStore, the engine reads it;
                 objects: records kept as objects in arrays (the engine reads an array)
  --json FILE    also write every figure to FILE as JSON`;

function integer(flag: string, value: string | undefined): number {
  // Accept 1e6 and 1_000_000 as well as 1000000: sizes are typed by hand.
  const n = Number((value ?? '').replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, got ${String(value)}\n${USAGE}`);
  return n;
}

/** Parses `argv` (without the node and script paths). Throws with the usage text on a bad flag. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { orders: 100_000, seed: 1, engine: true, naive: true, pandas: true, python: 'python3', profile: false, repeat: 1, settleHeap: false, input: 'store' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--orders':
        args.orders = integer(flag, argv[++i]);
        break;
      case '--seed':
        args.seed = integer(flag, argv[++i]);
        break;
      case '--no-engine':
        args.engine = false;
        break;
      case '--no-naive':
        args.naive = false;
        break;
      case '--no-pandas':
        args.pandas = false;
        break;
      case '--python':
        args.python = argv[++i] ?? args.python;
        break;
      case '--repeat':
        args.repeat = integer(flag, argv[++i]);
        break;
      case '--input': {
        const kind = argv[++i];
        if (kind !== 'store' && kind !== 'objects') throw new Error(`--input takes store or objects, not ${String(kind)}`);
        args.input = kind;
        break;
      }
      case '--settle-heap':
        args.settleHeap = true;
        break;
      case '--profile':
        args.profile = true;
        break;
      case '--json':
        args.json = argv[++i];
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${String(flag)}\n${USAGE}`);
    }
  }
  if (args.orders < 1) throw new Error(`--orders must be at least 1\n${USAGE}`);
  if (args.repeat < 1) throw new Error(`--repeat must be at least 1\n${USAGE}`);
  return args;
}
