import { check, type EvalCheck } from '@atp/kernel';
import type { DirExistsConfig, FileExistsConfig, FileNotExistsConfig } from '../config-schemas.js';
import { describeKind, locate } from '../workspace-root.js';

/** `file_exists`: `path` is a regular file (a link to a file inside the workspace counts). */
export async function fileExists(config: FileExistsConfig, root: string): Promise<EvalCheck> {
  const found = await locate(root, config.path);
  if (!found.ok) return check('file_exists', false, found.message);
  const name = JSON.stringify(found.display);
  if (found.kind === 'file') return check('file_exists', true, `${name} is a file (${found.size ?? 0} bytes)`);
  if (found.kind === 'missing') return check('file_exists', false, `${name} does not exist in the workspace`);
  return check('file_exists', false, `${name} is ${describeKind(found.kind)}, not a file`);
}

/** `file_not_exists`: nothing (file, directory, link) exists at `path`; an invalid path fails. */
export async function fileNotExists(config: FileNotExistsConfig, root: string): Promise<EvalCheck> {
  const found = await locate(root, config.path);
  if (!found.ok) return check('file_not_exists', false, found.message);
  const name = JSON.stringify(found.display);
  return found.kind === 'missing'
    ? check('file_not_exists', true, `${name} does not exist in the workspace`)
    : check('file_not_exists', false, `${name} exists (${describeKind(found.kind)}), expected nothing there`);
}

/** `dir_exists`: `path` is a directory. */
export async function dirExists(config: DirExistsConfig, root: string): Promise<EvalCheck> {
  const found = await locate(root, config.path);
  if (!found.ok) return check('dir_exists', false, found.message);
  const name = JSON.stringify(found.display);
  if (found.kind === 'directory') return check('dir_exists', true, `${name} is a directory`);
  if (found.kind === 'missing') return check('dir_exists', false, `${name} does not exist in the workspace`);
  return check('dir_exists', false, `${name} is ${describeKind(found.kind)}, not a directory`);
}
