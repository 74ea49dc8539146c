/** create-atp-plugin: the CLI and the functions it is made of, for tools that scaffold plugins themselves. */
export { main, type CliIo, type PluginChoice } from './cli.js';
export { parseCommandLine, USAGE, type Args } from './args.js';
export { KINDS, KIND_DESCRIPTIONS, parseKind, type Kind } from './kinds.js';
export { npmNameProblems, pluginPackageName, normalizeScope, suggestName, unscoped, PLUGIN_PREFIX } from './package-name.js';
export { pluginManifest, kernelRange, PLUGIN_SCRIPTS, PLUGIN_KEYWORD } from './package-json.js';
export { renderPlugin, writeFiles, type RenderedFile } from './render.js';
export { templatesRoot } from './templates-dir.js';
export { layerFiles, outputPath, isSkipped, SKIPPED_NAMES, BASE_LAYER } from './template-files.js';
export { createPrompter, PromptCancelled, type Prompter } from './prompts.js';
export { UsageError } from './usage-error.js';
