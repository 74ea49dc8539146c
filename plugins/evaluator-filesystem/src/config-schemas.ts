/**
 * Config schemas of the filesystem assertion types. The compiler parses each assertion's config with
 * its schema (unknown keys are errors, defaults applied), so a path that leaves the workspace or a
 * broken regex, glob or JSON path fails before any agent runs. Zod only: this module is imported by
 * the plugin index.
 */
import { parseJsonPath } from '@atp/kernel';
import { z } from 'zod';
import { compileGlob } from './glob.js';
import { compileRegex } from './compile-regex.js';
import { RelativePathSchema } from './relative-path.js';

const workspacePath = RelativePathSchema.optional().describe(
  'Sub-directory of the sandbox workspace the paths are relative to (default: the workspace itself)',
);
const targetPath = RelativePathSchema.describe('Path relative to the workspace (no absolute paths, no "..")');

const GlobSchema = z
  .string()
  .superRefine((glob, ctx) => {
    const compiled = compileGlob(glob);
    if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.error });
  })
  .describe('Glob: * and ? within a path segment, ** across segments, [abc], {a,b}');

/** `file_exists`: a regular file exists at `path`. */
export const FileExistsConfigSchema = z
  .strictObject({ path: targetPath, workspace_path: workspacePath })
  .describe('A regular file exists in the workspace');

/** `file_not_exists`: nothing exists at `path`. */
export const FileNotExistsConfigSchema = z
  .strictObject({ path: targetPath, workspace_path: workspacePath })
  .describe('Nothing exists at a path in the workspace');

/** `dir_exists`: a directory exists at `path`. */
export const DirExistsConfigSchema = z
  .strictObject({ path: targetPath, workspace_path: workspacePath })
  .describe('A directory exists in the workspace');

/** `file_contains`: the file at `path` contains a substring (or a regex match). */
export const FileContainsConfigSchema = z
  .strictObject({
    path: targetPath,
    pattern: z.string().min(1, { error: 'pattern cannot be empty' }).describe('Substring, or a regular expression when regex is true'),
    regex: z.boolean().default(false).describe('Treat pattern as a JavaScript regular expression'),
    case_sensitive: z.boolean().default(true).describe('Match case (default true)'),
    workspace_path: workspacePath,
  })
  .superRefine((config, ctx) => {
    if (!config.regex) return;
    const compiled = compileRegex(config.pattern, config.case_sensitive ? '' : 'i');
    if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['pattern'], message: compiled.error });
  })
  .describe('A workspace file contains a substring or regular expression match');

/** The comparison operators of `file_count`. */
export const COUNT_OPERATORS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;

/** `file_count`: the number of regular files in a directory compares true with `count`. */
export const FileCountConfigSchema = z
  .strictObject({
    path: targetPath.default('.').describe('Directory whose files are counted (default: the workspace)'),
    count: z.int().min(0).default(0).describe('The number to compare with'),
    operator: z.enum(COUNT_OPERATORS).default('eq').describe('eq, gt, gte, lt or lte'),
    pattern: GlobSchema.optional().describe('Count only files matching this glob (without "/": the file name; with "/": the path below `path`)'),
    recursive: z.boolean().default(false).describe('Count files in sub-directories too'),
    workspace_path: workspacePath,
  })
  .describe('The number of files in a workspace directory');

/** A JSON path in the kernel's grammar, checked when the suite is compiled. */
const JsonPathStringSchema = z
  .string()
  .superRefine((path, ctx) => {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .describe('JSON path: $ followed by .key, [index] or ["key"] segments');

/** `json_field`: a value inside a JSON file of the workspace equals a value, exists or is absent. */
export const JsonFieldConfigSchema = z
  .strictObject({
    path: targetPath,
    json_path: JsonPathStringSchema,
    equals: z.unknown().optional().describe('Expected value (deep equality)'),
    exists: z.literal(true, { error: 'exists must be true (use absent: true for the opposite)' }).optional().describe('The path must exist (the default)'),
    absent: z.literal(true, { error: 'absent must be true (use exists: true for the opposite)' }).optional().describe('The path must not exist'),
    workspace_path: workspacePath,
  })
  .superRefine((config, ctx) => {
    const given = (['equals', 'exists', 'absent'] as const).filter((k) => k in config && config[k] !== undefined);
    if (given.length > 1) ctx.addIssue({ code: 'custom', path: [given[1]!], message: `use only one of equals, exists, absent (got ${given.join(', ')})` });
  })
  .describe('A value inside a workspace JSON file equals a value, exists or is absent');

/** `tree_snapshot`: the files and directories under `path` match a list (exactly, or as a subset). */
export const TreeSnapshotConfigSchema = z
  .strictObject({
    path: targetPath.default('.').describe('Directory whose tree is compared (default: the workspace)'),
    expected: z
      .array(RelativePathSchema)
      .optional()
      .describe('Expected entries: relative file paths, directories with a trailing "/"'),
    snapshot_file: z
      .string()
      .min(1, { error: 'snapshot_file cannot be empty' })
      .optional()
      .describe("A file listing the expected entries (JSON array or one path per line), relative to the suite's directory"),
    mode: z.enum(['exact', 'subset']).default('exact').describe('exact: nothing missing and nothing else; subset: nothing missing'),
    ignore: z.array(GlobSchema).default([]).describe('Globs of entries left out of the comparison (e.g. node_modules/**)'),
    workspace_path: workspacePath,
  })
  .superRefine((config, ctx) => {
    const given = (['expected', 'snapshot_file'] as const).filter((k) => config[k] !== undefined);
    if (given.length === 0) ctx.addIssue({ code: 'custom', path: ['expected'], message: 'give the expected tree: expected (a list of paths) or snapshot_file' });
    if (given.length > 1) ctx.addIssue({ code: 'custom', path: ['snapshot_file'], message: 'use either expected or snapshot_file, not both' });
  })
  .describe('The workspace tree matches a list of paths or a snapshot file');

/** Parsed `file_exists` config. */
export type FileExistsConfig = z.output<typeof FileExistsConfigSchema>;
/** Parsed `file_not_exists` config. */
export type FileNotExistsConfig = z.output<typeof FileNotExistsConfigSchema>;
/** Parsed `dir_exists` config. */
export type DirExistsConfig = z.output<typeof DirExistsConfigSchema>;
/** Parsed `file_contains` config. */
export type FileContainsConfig = z.output<typeof FileContainsConfigSchema>;
/** Parsed `file_count` config. */
export type FileCountConfig = z.output<typeof FileCountConfigSchema>;
/** Parsed `json_field` config. */
export type JsonFieldConfig = z.output<typeof JsonFieldConfigSchema>;
/** Parsed `tree_snapshot` config. */
export type TreeSnapshotConfig = z.output<typeof TreeSnapshotConfigSchema>;

/** The config schema of each filesystem assertion type. */
export const FILESYSTEM_CONFIG_SCHEMAS = {
  file_exists: FileExistsConfigSchema,
  file_not_exists: FileNotExistsConfigSchema,
  file_contains: FileContainsConfigSchema,
  dir_exists: DirExistsConfigSchema,
  file_count: FileCountConfigSchema,
  json_field: JsonFieldConfigSchema,
  tree_snapshot: TreeSnapshotConfigSchema,
} as const;

/** A filesystem assertion type. */
export type FilesystemAssertionType = keyof typeof FILESYSTEM_CONFIG_SCHEMAS;
