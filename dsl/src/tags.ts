/** A parsed `--tags` filter: tests must have one of `include` (when any) and none of `exclude`. */
export interface TagFilter {
  include: string[];
  exclude: string[];
}

/** Parse `smoke,core,!slow` (reference §2.6); blanks are ignored. */
export function parseTagFilter(filter: string): TagFilter {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const part of filter.split(',')) {
    const tag = part.trim();
    if (tag.startsWith('!')) {
      const name = tag.slice(1).trim();
      if (name) exclude.push(name);
    } else if (tag) {
      include.push(tag);
    }
  }
  return { include, exclude };
}

/** True when a test with `tags` passes the filter: none excluded, and one included when includes are given. */
export function matchesTags(tags: readonly string[], filter: string | TagFilter): boolean {
  const { include, exclude } = typeof filter === 'string' ? parseTagFilter(filter) : filter;
  if (tags.some((t) => exclude.includes(t))) return false;
  return include.length === 0 || tags.some((t) => include.includes(t));
}
