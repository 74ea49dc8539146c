import { isAbsolute, resolve } from 'node:path';
import type { EvaluationInput } from '@atp/kernel';

/** `file` resolved against the directory of the suite the assertion comes from (absolute paths are kept). */
export function suiteRelative(input: Pick<EvaluationInput, 'suiteDir'>, file: string): string {
  return isAbsolute(file) ? file : resolve(input.suiteDir, file);
}
