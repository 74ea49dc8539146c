/**
 * The filesystem evaluator: one module for every filesystem assertion type, dispatching on the type.
 * Every check runs on the sandbox workspace the runner gave the agent (`input.workspace`), which the
 * runner keeps until evaluation has ended.
 */
import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { z } from 'zod';
import { FILESYSTEM_CONFIG_SCHEMAS, type FilesystemAssertionType } from './config-schemas.js';
import { dirExists, fileExists, fileNotExists } from './checks/file-exists.js';
import { fileContains } from './checks/file-contains.js';
import { fileCount } from './checks/file-count.js';
import { jsonField } from './checks/json-field.js';
import { treeSnapshot } from './checks/tree-snapshot.js';
import { workspaceRoot } from './workspace-root.js';

type Configs = { [K in FilesystemAssertionType]: z.output<(typeof FILESYSTEM_CONFIG_SCHEMAS)[K]> };
type Runner<K extends FilesystemAssertionType> = (config: Configs[K], root: string, input: EvaluationInput) => Promise<EvalCheck>;

const RUNNERS: { [K in FilesystemAssertionType]: Runner<K> } = {
  file_exists: fileExists,
  file_not_exists: fileNotExists,
  file_contains: fileContains,
  dir_exists: dirExists,
  file_count: fileCount,
  json_field: jsonField,
  tree_snapshot: treeSnapshot,
};

function isFilesystemType(type: string): type is FilesystemAssertionType {
  return Object.hasOwn(RUNNERS, type);
}

async function run<K extends FilesystemAssertionType>(type: K, input: EvaluationInput): Promise<EvalCheck> {
  // The compiler already parsed the config; parsing again keeps SDK callers (raw configs) on the same rules.
  const parsed = FILESYSTEM_CONFIG_SCHEMAS[type].safeParse(input.assertion.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return check(type, false, `invalid ${type} config: ${issues.join('; ')}`);
  }
  const config = parsed.data as Configs[K];
  const root = await workspaceRoot(input, config.workspace_path);
  // No workspace is a failure, not a skip: a test set up without --sandbox must not pass.
  if (!root.ok) return check(type, false, root.message);
  return (RUNNERS[type] as Runner<K>)(config, root.path, input);
}

/** Create the filesystem evaluator (`file_exists`, `file_not_exists`, `file_contains`, `dir_exists`, `file_count`, `json_field`, `tree_snapshot`). */
export function createEvaluator(): Evaluator {
  return {
    async evaluate(input: EvaluationInput): Promise<EvaluatorOutput> {
      const { type } = input.assertion;
      if (!isFilesystemType(type)) {
        const known = Object.keys(RUNNERS).join(', ');
        return { checks: [check(`unknown_${type}`, false, `unknown filesystem assertion type "${type}" (known: ${known})`)] };
      }
      return { checks: [await run(type, input)] };
    },
  };
}
