"""The pandas baseline of the reconciliation benchmark: the exact-key stage as `DataFrame.merge`.

Usage: python3 pandas-merge.py DIR [REPEAT]
Reads DIR/{ledger,payments,settlement,bank}.csv written by pandas-merge.ts, times the three
merges (and separately the CSV load and the key preparation), writes the matched row positions
to DIR/*.pairs (int32 pairs) and prints one JSON object with the timings. With REPEAT > 1 the
merges run that often; the reported merge times are the fastest run's, `merge_runs_s` has all.
"""

import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

# Same rule as the naive JS baseline: a 16- or 22-character UTR standing alone in the narration.
UTR = r"(?<![A-Z0-9])([A-Z]{4}[A-Z0-9]{12}(?:[A-Z0-9]{6})?)(?![A-Z0-9])"


def read(directory, name):
    return pd.read_csv(os.path.join(directory, name + ".csv"), dtype=str, keep_default_na=False, na_filter=False)


def write_pairs(directory, name, left, right):
    np.stack([left.to_numpy(np.int32), right.to_numpy(np.int32)], axis=1).astype("<i4").tofile(os.path.join(directory, name + ".pairs"))


def merge_all(ledger_keyed, left_payments, right_payments, lines, bank_keyed, batches):
    c0 = time.process_time()
    t0 = time.perf_counter()
    m1 = ledger_keyed[["order_id", "li"]].merge(left_payments, on="order_id", how="inner")
    t1 = time.perf_counter()
    m2 = right_payments.merge(lines, on="payment_id", how="inner")
    t2 = time.perf_counter()
    m3 = bank_keyed.merge(batches, on="utr", how="inner")
    t3 = time.perf_counter()
    return (m1, m2, m3), (t1 - t0, t2 - t1, t3 - t2), time.process_time() - c0


def main(directory, repeat):
    c0 = time.process_time()
    t0 = time.perf_counter()
    ledger = read(directory, "ledger")
    payments = read(directory, "payments")
    settlement = read(directory, "settlement")
    bank = read(directory, "bank")
    t1 = time.perf_counter()
    c1 = time.process_time()

    # Preparation: row positions, rows without a key dropped, the UTR extracted, one row per batch.
    ledger["li"] = np.arange(len(ledger), dtype=np.int32)
    payments["pi"] = np.arange(len(payments), dtype=np.int32)
    settlement["si"] = np.arange(len(settlement), dtype=np.int32)
    bank["bi"] = np.arange(len(bank), dtype=np.int32)
    ledger_keyed = ledger[ledger["order_id"] != ""]
    bank = bank[bank["direction"] == "CREDIT"].copy()
    bank["utr"] = bank["narration"].str.extract(UTR, expand=False)
    bank_keyed = bank[bank["utr"].notna()][["utr", "bi"]]
    batches = settlement.drop_duplicates("utr")[["utr", "si"]]
    left_payments = payments[["order_id", "pi"]]
    right_payments = payments[["payment_id", "pi"]]
    lines = settlement[["payment_id", "si"]]
    t2 = time.perf_counter()
    c2 = time.process_time()

    runs = []
    for _ in range(repeat):
        (m1, m2, m3), times, cpu = merge_all(ledger_keyed, left_payments, right_payments, lines, bank_keyed, batches)
        runs.append((times, cpu))
    best, best_cpu = min(runs, key=lambda r: sum(r[0]))

    write_pairs(directory, "ledger-payment", m1["li"], m1["pi"])
    write_pairs(directory, "payment-line", m2["pi"], m2["si"])
    write_pairs(directory, "bank-line", m3["bi"], m3["si"])
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "numpy": np.__version__,
                "python": sys.version.split()[0],
                "load_s": t1 - t0,
                "load_cpu_s": c1 - c0,
                "prep_s": t2 - t1,
                "prep_cpu_s": c2 - c1,
                "merge_ledger_payment_s": best[0],
                "merge_payment_line_s": best[1],
                "merge_bank_batch_s": best[2],
                "merge_s": sum(best),
                "merge_cpu_s": best_cpu,
                "merge_runs_s": [sum(r[0]) for r in runs],
                "rows": {"ledger_payment": len(m1), "payment_line": len(m2), "bank_batch": len(m3)},
                # ru_maxrss is in KiB on Linux.
                "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
