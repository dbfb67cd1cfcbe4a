/**
 * Set operations on ascending lists of turn numbers, for backends that match from their own lists
 * (SQLite's term counts, PostgreSQL's postings): a group's terms are merged, a query's groups
 * intersected, each in time linear in the lists.
 */

/** The sorted union of ascending lists, each number once. */
export function union(lists: Int32Array[]): Int32Array {
  // Merged two at a time, shortest first: linear, where sorting them together was not.
  const queue = [...lists].sort((a, b) => a.length - b.length);
  let out = queue.shift() ?? new Int32Array(0);
  for (const next of queue) out = merged(out, next);
  return out;
}

function merged(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}

/** The numbers every ascending list holds, ascending. */
export function intersection(lists: Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = sorted[0] ?? new Int32Array(0);
  for (const other of sorted.slice(1)) {
    const next = new Int32Array(out.length);
    let n = 0;
    let j = 0;
    // A list many times longer is searched in, not walked: the cost is the shorter one's.
    const far = other.length > out.length * GALLOP;
    for (let i = 0; i < out.length && j < other.length; i++) {
      const v = out[i] as number;
      if (far) j = seek(other, j, v);
      else while (j < other.length && (other[j] as number) < v) j++;
      if (other[j] === v) next[n++] = v;
    }
    out = next.subarray(0, n);
  }
  return out;
}

/**
 * How many times longer one list must be than the other for a walk of the short one to search
 * the long one (seek) rather than step through it: a rare word's few turns against a common
 * word's in an AND.
 */
export const GALLOP = 8;

/**
 * The first index at or after `from` whose number is at least `target`, in an ascending list (its
 * length when none is): steps that double until one passes the target, then halving between.
 */
export function seek(list: Int32Array, from: number, target: number): number {
  let low = from;
  let high = from;
  let step = 1;
  while (high < list.length && (list[high] as number) < target) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > list.length) high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
