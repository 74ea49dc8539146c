/** Reading and writing baseline files, with located, user-facing errors. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { AtpError, ErrorCodes, diagnostic, positionAt } from '@atp/kernel';
import { BaselineFileSchema, type BaselineFile } from './baseline-format.js';

const HINT = 'create one with: atp baseline save SUITE -o baseline.json --runs 10';

/** Read and validate a baseline file; throws an AtpError (exit 2) naming the file and every problem. */
export function readBaseline(path: string, cwd: string): BaselineFile {
  const file = relative(cwd, path) || path;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (cause as Error).message;
    throw new AtpError(diagnostic(ErrorCodes.ATP_DATA_FILE, `cannot read baseline: ${reason}`, { file, hint: HINT }), { exitCode: 2 });
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (cause) {
    const message = (cause as Error).message;
    const at = /position (\d+)/.exec(message);
    throw new AtpError(
      diagnostic(ErrorCodes.ATP_DATA_FILE, `baseline is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '')}`, {
        file,
        ...(at ? { start: positionAt(source, Number(at[1])) } : {}),
        hint: HINT,
      }),
      { exitCode: 2 },
    );
  }
  const parsed = BaselineFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new AtpError(
      parsed.error.issues.map((issue) =>
        diagnostic(ErrorCodes.ATP_DATA_FILE, `baseline ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`, { file, hint: 'the baseline format is described in docs/guides/statistics.md' }),
      ),
      { exitCode: 2 },
    );
  }
  return parsed.data;
}

/** Write a baseline file (two-space JSON, trailing newline), creating its directory. */
export function writeBaseline(path: string, baseline: BaselineFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}
