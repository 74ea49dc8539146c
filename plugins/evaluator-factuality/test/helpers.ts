import type { ATPResponseInput, EvaluationInput } from '@atp/kernel';
import { sampleEvaluationInput, tempDir } from '@atp/testkit';

/** A temporary suite directory holding a ground-truth file (`removeTempDirs()` deletes it). */
export function groundTruthDir(groundTruth: unknown, name = 'gt.json'): string {
  return tempDir({ [name]: typeof groundTruth === 'string' ? groundTruth : JSON.stringify(groundTruth) }, { prefix: 'atp-factuality-' });
}

/** A whole EvaluationInput; `suiteDir` is the suite file's directory (default: the cwd). */
export function makeInput(config: Record<string, unknown>, artifacts: ATPResponseInput['artifacts'], suiteDir?: string, type = 'factuality'): EvaluationInput {
  return sampleEvaluationInput({ type, config, description: 'Describe the Eiffel Tower', response: { artifacts }, ...(suiteDir !== undefined ? { suiteDir } : {}) });
}
