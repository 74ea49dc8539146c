import { ErrorCodes } from '@atp/kernel';
import type { DataPath } from '../yaml/locator.js';
import { formatPath } from '../validate/path.js';
import { report, type CompileContext } from '../context.js';

/** One named item: its name and where the name is written. */
export interface Named {
  name: string;
  /** Path of the name's value (`['tests', 1, 'id']`). */
  path: DataPath;
  /** Path of the item, for messages (`['tests', 1]`). */
  item: DataPath;
}

/** Report every repeat of a name at the repeat, mentioning where it was first used. */
export function checkUnique(ctx: CompileContext, items: readonly Named[], what: string, hint: string): void {
  const first = new Map<string, Named>();
  for (const item of items) {
    const seen = first.get(item.name);
    if (!seen) {
      first.set(item.name, item);
      continue;
    }
    const line = ctx.locator.valueRange(seen.path).start.line;
    report(
      ctx,
      ErrorCodes.ATP_DUPLICATE_ID,
      `duplicate ${what} "${item.name}" at ${formatPath(item.item)}: first used at ${formatPath(seen.item)} (line ${line})`,
      ctx.locator.valueRange(item.path),
      hint,
    );
  }
}
