/**
 * The temporary directory a command runs in: `<tmp>/atp-code-exec-XXXX/` with `work/` (a copy of
 * the sandbox workspace plus the agent's file artifacts), `home/` (HOME) and `tmp/` (TMPDIR).
 * Evaluated code never runs in the harness's directory nor in the agent's live workspace.
 */
import { rmSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Artifact } from '@atp/kernel';
import { relativePathProblem } from './relative-path.js';

/** The directories of one command run. */
export interface WorkingCopy {
  root: string;
  work: string;
  home: string;
  tmp: string;
  /** Artifacts written into `work`, by path. */
  materialised: string[];
  /** Artifacts left out, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  /** Remove everything. */
  dispose(): Promise<void>;
}

/** What goes into the working copy. */
export interface WorkingCopyOptions {
  /** The run's sandbox workspace, copied when present. */
  workspace?: string;
  /** File artifacts with inline content are written into the copy (they win over workspace files). */
  artifacts: readonly Artifact[];
  includeArtifacts: boolean;
}

const TEXT_TYPES = /^text\/|[+/](json|xml|javascript|ecmascript|yaml|x-yaml|toml|csv|x-sh|x-python|x-typescript|sql|markdown)\b/i;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** The bytes of an artifact's inline content: base64 for non-text content types (protocol §1.5), else UTF-8. */
export function artifactBytes(content: string, contentType: string | null | undefined): Buffer {
  if (contentType && !TEXT_TYPES.test(contentType) && BASE64.test(content)) return Buffer.from(content, 'base64');
  return Buffer.from(content, 'utf8');
}

/** Create the directories of `parts` under `work` one by one, refusing to pass through a link or a file. */
async function makeParents(work: string, parts: readonly string[]): Promise<string | undefined> {
  let dir = work;
  for (const part of parts) {
    dir = join(dir, part);
    const info = await lstat(dir).catch(() => undefined);
    // A link in the copied workspace must not redirect the write outside the working copy.
    if (info?.isSymbolicLink()) return `${JSON.stringify(part)} on its path is a symbolic link`;
    if (info && !info.isDirectory()) return `${JSON.stringify(part)} on its path is a file`;
    if (!info) await mkdir(dir);
  }
  return undefined;
}

async function materialise(work: string, artifact: Artifact & { type: 'file' }): Promise<string | undefined> {
  const problem = relativePathProblem(artifact.path);
  if (problem) return problem;
  const parts = artifact.path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return 'the path names the working copy itself';
  const blocked = await makeParents(work, parts.slice(0, -1));
  if (blocked) return blocked;
  const target = join(work, ...parts);
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) return 'a symbolic link is already at that path';
  if (existing?.isDirectory()) return 'a directory is already at that path';
  await writeFile(target, artifactBytes(artifact.content ?? '', artifact.content_type));
  return undefined;
}

const live = new Set<string>();
let exitHookInstalled = false;

/** Working copies still on disk are removed if the harness exits before disposing of them. */
function track(root: string): void {
  live.add(root);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const dir of live) rmSync(dir, { recursive: true, force: true });
  });
}

/** Create the working copy; the caller must `dispose()` it. */
export async function createWorkingCopy(options: WorkingCopyOptions): Promise<WorkingCopy> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'atp-code-exec-')));
  const work = join(root, 'work');
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  track(root);
  const dispose = async (): Promise<void> => {
    await rm(root, { recursive: true, force: true });
    live.delete(root);
  };
  try {
    if (options.workspace !== undefined) {
      // verbatimSymlinks: links are copied as they are, not rewritten to point back into the live workspace.
      await cp(options.workspace, work, { recursive: true, verbatimSymlinks: true });
    }
    await mkdir(work, { recursive: true });
    await mkdir(home);
    await mkdir(tmp);
    const materialised: string[] = [];
    const skipped: Array<{ path: string; reason: string }> = [];
    if (options.includeArtifacts) {
      for (const artifact of options.artifacts) {
        if (artifact.type !== 'file' || artifact.content === undefined || artifact.content === null) continue;
        const reason = await materialise(work, artifact);
        if (reason) skipped.push({ path: artifact.path, reason });
        else materialised.push(artifact.path);
      }
    }
    return { root, work, home, tmp, materialised, skipped, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
