/**
 * Sort `keys[from .. to)` ascending and move `items` along with them (introsort: three-way
 * quicksort with a median-of-three pivot, insertion sort for short runs, heapsort when the
 * recursion goes too deep, so O(n log n) always and O(n) for runs of equal keys). Much faster
 * than `Float64Array.prototype.sort` or sorting indices with a comparator. The order of equal
 * keys is unspecified; keys must not be NaN.
 *
 * @param keys the keys (sorted in place)
 * @param items one item per key (permuted in place with its key)
 * @param from first position (default 0)
 * @param to one past the last position (default `keys.length`)
 * @example
 * const k = Float64Array.of(3, 1, 2), it = Uint32Array.of(0, 1, 2);
 * sortPairs(k, it); // k => [1, 2, 3], it => [1, 2, 0]
 */
export function sortPairs(keys: Float64Array, items: Uint32Array | Int32Array, from = 0, to = keys.length): void {
  const depth = 2 * Math.ceil(Math.log2(Math.max(2, to - from)));
  quick(keys, items, from, to - 1, depth);
}

function swap(keys: Float64Array, items: Uint32Array | Int32Array, a: number, b: number): void {
  const k = keys[a];
  keys[a] = keys[b];
  keys[b] = k;
  const t = items[a];
  items[a] = items[b];
  items[b] = t;
}

function insertion(keys: Float64Array, items: Uint32Array | Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i];
    const t = items[i];
    let j = i - 1;
    while (j >= lo && keys[j] > k) {
      keys[j + 1] = keys[j];
      items[j + 1] = items[j];
      j--;
    }
    keys[j + 1] = k;
    items[j + 1] = t;
  }
}

// eslint-disable-next-line max-params -- hot path, kept as one loop / positional arguments for speed
function quick(keys: Float64Array, items: Uint32Array | Int32Array, lo: number, hi: number, depth: number): void {
  while (hi - lo > 16) {
    if (depth-- === 0) {
      heap(keys, items, lo, hi);
      return;
    }
    // median of three as the pivot value
    const mid = (lo + hi) >>> 1;
    const a = keys[lo];
    const b = keys[mid];
    const c = keys[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // three-way partition: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const k = keys[i];
      if (k < pivot) swap(keys, items, lt++, i++);
      else if (k > pivot) swap(keys, items, i, gt--);
      else i++;
    }
    // recurse into the smaller side, loop on the larger
    if (lt - lo < hi - gt) {
      quick(keys, items, lo, lt - 1, depth);
      lo = gt + 1;
    } else {
      quick(keys, items, gt + 1, hi, depth);
      hi = lt - 1;
    }
  }
  insertion(keys, items, lo, hi);
}

function heap(keys: Float64Array, items: Uint32Array | Int32Array, lo: number, hi: number): void {
  const n = hi - lo + 1;
  const down = (root: number, size: number): void => {
    for (;;) {
      let child = 2 * root + 1;
      if (child >= size) return;
      if (child + 1 < size && keys[lo + child + 1] > keys[lo + child]) child++;
      if (!(keys[lo + child] > keys[lo + root])) return;
      swap(keys, items, lo + root, lo + child);
      root = child;
    }
  };
  for (let r = (n >>> 1) - 1; r >= 0; r--) down(r, n);
  for (let end = n - 1; end > 0; end--) {
    swap(keys, items, lo, lo + end);
    down(0, end);
  }
}
