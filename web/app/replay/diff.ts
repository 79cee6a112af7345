/** What a revision changed, item by item. Items are compared as canonical JSON, lists in order. */
export interface PlanDiff {
  /** `list` is the plan key holding the item (e.g. `humans`, `units`, `priority`). */
  readonly added: readonly { readonly list: string; readonly item: unknown }[];
  readonly removed: readonly { readonly list: string; readonly item: unknown }[];
  readonly changed: readonly { readonly list: string; readonly before: unknown; readonly after: unknown }[];
  /** Items kept as they were but at another place in their list (positions 0-based, before → after). */
  readonly moved: readonly { readonly list: string; readonly item: unknown; readonly from: number; readonly to: number }[];
  /** Items kept in place (in order relative to each other). */
  readonly unchanged: number;
}

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The lists of a plan: each array-valued key of an object (a bare array is one list, ''). */
function lists(plan: unknown): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  if (Array.isArray(plan)) out.set('', plan);
  else if (typeof plan === 'object' && plan !== null) for (const [k, v] of Object.entries(plan)) if (Array.isArray(v)) out.set(k, v);
  return out;
}

/** What identifies an item across a change: its name (or element, or first entry of a tuple). */
function identity(item: unknown): string | null {
  if (Array.isArray(item)) return item.length > 1 ? JSON.stringify(item[0]) : null;
  if (typeof item === 'object' && item !== null) {
    const o = item as Record<string, unknown>;
    for (const k of ['name', 'element']) if (typeof o[k] === 'string') return `${k}:${o[k]}`;
  }
  return null;
}

/** Indexes (into `xs`) of a longest strictly increasing subsequence. */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[tails[mid] as number] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i] as number) keep.add(i);
  return keep;
}

/**
 * The difference between two plans (values or JSON texts), list by list and order-aware: identical items pair up
 * in order; of those, the largest set still in the same relative order is unchanged and the rest are moved. Of the
 * unpaired items, those with the same identity pair up as changed, in order; the others are added or removed.
 * Game-agnostic: it only looks at lists and item names. Compare canonical plans: a game's canonical form keeps
 * order only where order matters (Turn-based lineups, Auto-battler lines and priorities).
 */
export function diffPlans(before: unknown, after: unknown): PlanDiff {
  const a = lists(parse(before));
  const b = lists(parse(after));
  const added: { list: string; item: unknown }[] = [];
  const removed: { list: string; item: unknown }[] = [];
  const changed: { list: string; before: unknown; after: unknown }[] = [];
  const moved: { list: string; item: unknown; from: number; to: number }[] = [];
  let unchanged = 0;
  for (const list of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(list) ?? [];
    const right = b.get(list) ?? [];
    const leftText = left.map((x) => JSON.stringify(x));
    const usedLeft = new Set<number>();
    const pairs: { from: number; to: number }[] = [];
    const rest: number[] = [];
    right.forEach((item, j) => {
      const text = JSON.stringify(item);
      const i = leftText.findIndex((t, k) => t === text && !usedLeft.has(k));
      if (i >= 0) {
        usedLeft.add(i);
        pairs.push({ from: i, to: j });
      } else rest.push(j);
    });
    const inPlace = longestIncreasing(pairs.map((p) => p.from));
    pairs.forEach((p, k) => {
      if (inPlace.has(k)) unchanged++;
      else moved.push({ list, item: right[p.to], from: p.from, to: p.to });
    });
    for (const j of rest) {
      const item = right[j];
      const id = identity(item);
      const i = id === null ? -1 : left.findIndex((x, k) => !usedLeft.has(k) && identity(x) === id);
      if (i >= 0) {
        usedLeft.add(i);
        changed.push({ list, before: left[i], after: item });
      } else added.push({ list, item });
    }
    left.forEach((item, i) => usedLeft.has(i) || removed.push({ list, item }));
  }
  return { added, removed, changed, moved, unchanged };
}

/** True when a diff found no difference at all. */
export function isEmptyDiff(d: PlanDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.moved.length === 0;
}
