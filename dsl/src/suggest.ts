import { nearest } from '@atp/kernel';

/**
 * The likely intended name: the kernel's edit-distance match, else a candidate whose first
 * `_`-separated word is close (`artfact` → `artifact_exists`, `timeout` → `timeout_seconds`).
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const close = nearest(name, list);
  if (close !== undefined || name.length < 3) return close;
  const byHead = new Map<string, string>();
  for (const c of list) {
    const head = c.split('_')[0]!;
    if (head.length >= 3 && !byHead.has(head)) byHead.set(head, c);
  }
  const head = nearest(name, byHead.keys());
  return head === undefined ? undefined : byHead.get(head);
}

/** ` — did you mean "x"?` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = suggest(name, candidates);
  return match === undefined ? '' : ` — did you mean "${match}"?`;
}
