/** What a revision changed, item by item. Items are compared as canonical JSON. */
export interface PlanDiff {
  /** `list` is the plan key holding the item (e.g. `humans`, `units`, `priority`). */
  readonly added: readonly { readonly list: string; readonly item: unknown }[];
  readonly removed: readonly { readonly list: string; readonly item: unknown }[];
  readonly changed: readonly { readonly list: string; readonly before: unknown; readonly after: unknown }[];
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

/**
 * The difference between two plans (values or JSON texts), list by list: items present in both count as
 * unchanged (as a multiset); of the rest, items with the same identity pair up as changed, in order; the others
 * are added or removed. Game-agnostic: it only looks at lists and item names.
 */
export function diffPlans(before: unknown, after: unknown): PlanDiff {
  const a = lists(parse(before));
  const b = lists(parse(after));
  const added: { list: string; item: unknown }[] = [];
  const removed: { list: string; item: unknown }[] = [];
  const changed: { list: string; before: unknown; after: unknown }[] = [];
  let unchanged = 0;
  for (const list of new Set([...a.keys(), ...b.keys()])) {
    const left = [...(a.get(list) ?? [])];
    const right: unknown[] = [];
    for (const item of b.get(list) ?? []) {
      const text = JSON.stringify(item);
      const i = left.findIndex((x) => JSON.stringify(x) === text);
      if (i >= 0) {
        left.splice(i, 1);
        unchanged++;
      } else right.push(item);
    }
    for (const item of right) {
      const id = identity(item);
      const i = id === null ? -1 : left.findIndex((x) => identity(x) === id);
      if (i >= 0) changed.push({ list, before: left.splice(i, 1)[0], after: item });
      else added.push({ list, item });
    }
    for (const item of left) removed.push({ list, item });
  }
  return { added, removed, changed, unchanged };
}
