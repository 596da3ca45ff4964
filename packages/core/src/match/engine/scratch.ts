type Kind = 'i32' | 'u32' | 'u8';
type ArrayOf<K extends Kind> = K extends 'i32' ? Int32Array : K extends 'u32' ? Uint32Array : Uint8Array;

/**
 * Reusable typed arrays for per-pass temporaries (counters, stamps, hash slots). A pass borrows,
 * the next pass gets the same memory back: the run allocates its scratch storage once instead of
 * once per pass and link, which keeps V8's external-memory GC trigger (see `arena.ts`) quiet.
 */
export class ScratchPool {
  private readonly free: Record<Kind, ArrayBuffer[]> = { i32: [], u32: [], u8: [] };

  /** A zero-filled array of `n` elements (`fill` to start from another value). */
  take<K extends Kind>(kind: K, n: number, fill = 0): ArrayOf<K> {
    const size = kind === 'u8' ? 1 : 4;
    const list = this.free[kind];
    let at = -1;
    for (let k = 0; k < list.length; k++) {
      if (list[k]!.byteLength >= n * size && (at < 0 || list[k]!.byteLength < list[at]!.byteLength)) at = k;
    }
    const buffer = at >= 0 ? list.splice(at, 1)[0]! : new ArrayBuffer(Math.max(64, n * size));
    const view = (kind === 'i32' ? new Int32Array(buffer, 0, n) : kind === 'u32' ? new Uint32Array(buffer, 0, n) : new Uint8Array(buffer, 0, n)) as ArrayOf<K>;
    view.fill(fill);
    return view;
  }

  /** Give arrays back (their contents must not be used afterwards). */
  give(...arrays: (Int32Array | Uint32Array | Uint8Array)[]): void {
    for (const a of arrays) {
      const kind: Kind = a instanceof Int32Array ? 'i32' : a instanceof Uint32Array ? 'u32' : 'u8';
      this.free[kind].push(a.buffer as ArrayBuffer);
    }
  }
}
