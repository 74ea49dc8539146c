/**
 * @atp/evaluator-filesystem: assertions on the sandbox workspace the runner gave the agent —
 * files present or absent, file content, JSON values, file counts and the whole tree.
 * This module stays light (zod schemas only); the implementation loads when a suite uses it.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import {
  DirExistsConfigSchema,
  FileContainsConfigSchema,
  FileCountConfigSchema,
  FileExistsConfigSchema,
  FileNotExistsConfigSchema,
  JsonFieldConfigSchema,
  TreeSnapshotConfigSchema,
} from './config-schemas.js';

const load: EvaluatorEntry['load'] = () => import('./filesystem-evaluator.js');

/** The plugin: one evaluator registry entry per filesystem assertion type. */
export default definePlugin({
  name: '@atp/evaluator-filesystem',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Assertions on the agent’s sandbox workspace: files, content, JSON values, counts, tree snapshots',
  evaluators: [
    { name: 'file_exists', evaluator: 'filesystem', description: 'A regular file exists in the sandbox workspace', configSchema: FileExistsConfigSchema, load },
    { name: 'file_not_exists', evaluator: 'filesystem', description: 'Nothing exists at a path in the sandbox workspace', configSchema: FileNotExistsConfigSchema, load },
    { name: 'file_contains', evaluator: 'filesystem', description: 'A workspace file contains a substring (or a regex match with regex: true)', configSchema: FileContainsConfigSchema, load },
    { name: 'dir_exists', evaluator: 'filesystem', description: 'A directory exists in the sandbox workspace', configSchema: DirExistsConfigSchema, load },
    { name: 'file_count', evaluator: 'filesystem', description: 'The number of files in a workspace directory compares with a count', configSchema: FileCountConfigSchema, load },
    { name: 'json_field', evaluator: 'filesystem', description: 'A value inside a workspace JSON file equals a value, exists or is absent', configSchema: JsonFieldConfigSchema, load },
    { name: 'tree_snapshot', evaluator: 'filesystem', description: 'The workspace tree matches a list of paths or a snapshot file (exact or subset)', configSchema: TreeSnapshotConfigSchema, load },
  ] satisfies EvaluatorEntry[],
});

export {
  FILESYSTEM_CONFIG_SCHEMAS,
  COUNT_OPERATORS,
  FileExistsConfigSchema,
  FileNotExistsConfigSchema,
  FileContainsConfigSchema,
  DirExistsConfigSchema,
  FileCountConfigSchema,
  JsonFieldConfigSchema,
  TreeSnapshotConfigSchema,
  type FilesystemAssertionType,
  type FileExistsConfig,
  type FileNotExistsConfig,
  type FileContainsConfig,
  type DirExistsConfig,
  type FileCountConfig,
  type JsonFieldConfig,
  type TreeSnapshotConfig,
} from './config-schemas.js';
