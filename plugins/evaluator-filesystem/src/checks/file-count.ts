import { check, type EvalCheck } from '@atp/kernel';
import type { FileCountConfig } from '../config-schemas.js';
import { compileGlob } from '../glob.js';
import { listTree } from '../walk.js';
import { describeKind, locate } from '../workspace-root.js';

const SYMBOLS = { eq: '==', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const LISTED = 20;

function compare(actual: number, operator: FileCountConfig['operator'], expected: number): boolean {
  switch (operator) {
    case 'eq':
      return actual === expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
  }
}

/**
 * `file_count`: the number of regular files directly in `path` (or below it with `recursive`),
 * optionally only those matching `pattern`, compared with `count`. Links are not counted.
 */
export async function fileCount(config: FileCountConfig, root: string): Promise<EvalCheck> {
  const found = await locate(root, config.path);
  if (!found.ok) return check('file_count', false, found.message);
  const name = JSON.stringify(found.display);
  if (found.kind === 'missing') return check('file_count', false, `${name} does not exist in the workspace`);
  if (found.kind !== 'directory') return check('file_count', false, `${name} is ${describeKind(found.kind)}, not a directory`);
  let matches: (path: string) => boolean = () => true;
  if (config.pattern !== undefined) {
    const glob = compileGlob(config.pattern);
    if (!glob.ok) return check('file_count', false, glob.error);
    const byName = !config.pattern.includes('/');
    matches = (path) => glob.regex.test(byName ? path.slice(path.lastIndexOf('/') + 1) : path);
  }
  const listing = await listTree(found.absolute, { recursive: config.recursive });
  const files = listing.entries.filter((e) => e.kind === 'file' && matches(e.path)).map((e) => e.path);
  const passed = compare(files.length, config.operator, config.count);
  const what = `${config.pattern !== undefined ? `files matching ${JSON.stringify(config.pattern)}` : 'files'} ${config.recursive ? 'under' : 'in'} ${name}`;
  const expectation = `expected ${SYMBOLS[config.operator]} ${config.count}`;
  const capped = listing.truncated ? ' (listing stopped at the entry limit)' : '';
  return check('file_count', passed, `${files.length} ${what}, ${expectation}${capped}`, {
    details: { count: files.length, files: files.slice(0, LISTED), ...(files.length > LISTED ? { more: files.length - LISTED } : {}) },
  });
}
