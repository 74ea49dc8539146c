export * from './protocol/index.js';
export { ErrorCodes, type ErrorCode } from './codes.js';
export {
  AtpError,
  diagnostic,
  hasErrors,
  positionAt,
  codeFrame,
  renderDiagnostic,
  sortDiagnostics,
  type Diagnostic,
  type Position,
  type Severity,
  type RenderOptions,
} from './diagnostics.js';
export { editDistance, nearest, didYouMean } from './suggest.js';
export { Secret, reveal, isSecret, isSensitiveName, redact, redactDeep, secretsIn, type MaybeSecret } from './secret.js';
export * from './plan.js';
export * from './results.js';
export * from './contracts.js';
export {
  createHooks,
  tapOnlyHooks,
  PluginError,
  STAGE_PRE,
  STAGE_NORMAL,
  STAGE_REPORT,
  STAGE_POST,
  HOOK_NAMES,
  type KernelHooks,
  type TapOnlyHooks,
  type TapOnlyHook,
  type TapOptions,
  type SuiteDocument,
  type RunStartInfo,
  type RunControl,
  type JobInfo,
  type JobEndInfo,
} from './hooks.js';
export { Registry, singular, type RegistryEntry, type RegisteredEntry, type RegistryKind } from './registry.js';
export {
  definePlugin,
  validatePlugin,
  PLUGIN_API_VERSION,
  type Plugin,
  type PluginApi,
  type PluginSpec,
  type PluginFactory,
  type CompilerEntry,
  type AdapterEntry,
  type EvaluatorEntry,
  type ReporterEntry,
  type BenchmarkEntry,
  type ImporterEntry,
  type CommandEntry,
} from './plugin.js';
export { defineConfig, type AtpConfig, type ResolvedConfig, type AgentConfig, type RunDefaults } from './config/types.js';
export { Kernel, createKernel, type Registries, type LoadedPlugin, type CompiledSuite, type CompileSuiteOptions } from './kernel.js';
export { zSecretString } from './zod-helpers.js';
export { createLogger, silentLogger } from './logger.js';
export { loadKernel, findConfig, readConfigFile, resolveConfig, loadDotEnv, validateConfig, importPlugin, loadPlugins, resolvePluginPath, ConfigSchema, CONFIG_FILES, DEFAULT_PRESET, type LoadKernelOptions } from './config/index.js';
export { runPlan, formatSeconds, type RunPlanOptions, type AttachedReporter } from './runner/run-plan.js';
export { resolveAgents, parseAdapterConfig, AdapterPool, type AgentSelection, type ResolvedAgents } from './runner/agents.js';
export { evaluateRun, toEvalResult, type RunEvaluationInput } from './runner/evaluate.js';
export { scoreRun, DEFAULT_WEIGHTS } from './runner/scoring.js';
export { aggregateTest } from './runner/aggregate.js';
export { buildRequest } from './runner/request.js';
export { Journal, newRunId, readRunMeta, checkRunId, type RunMeta, type ResumableOptions } from './runner/journal.js';
export * from './stats/index.js';
export { run, evaluate, loadSuite, type SdkOptions, type AssertionInput } from './sdk.js';
export { parseJsonPath, formatJsonPath, resolveJsonPath, type JsonPathSegment, type ParsedJsonPath, type Resolved as ResolvedJsonPath } from './util/json-path.js';
export { deepEqual, stableStringify } from './util/deep-equal.js';
export { check, type CheckExtras } from './util/check.js';
export { artifactId, artifactText, findArtifact, describeAvailable, notFoundMessage, noTextReason, textTargets, type TextTarget } from './util/artifacts.js';
export { reporterConfigOf } from './reporter-config.js';
