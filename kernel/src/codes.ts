/**
 * The catalogue of stable ATP error codes. Codes never change meaning once released;
 * docs/reference/errors.md has one section per code with causes and fixes.
 */
export const ErrorCodes = {
  /** Command-line usage error: unknown flag, missing argument. */
  ATP_USAGE: 'ATP_USAGE',
  /** The config file could not be read, parsed or bundled. */
  ATP_CONFIG_LOAD: 'ATP_CONFIG_LOAD',
  /** The config file was read but does not match the config schema. */
  ATP_CONFIG_INVALID: 'ATP_CONFIG_INVALID',
  /** A plugin listed in the config cannot be found from the project directory. */
  ATP_PLUGIN_NOT_FOUND: 'ATP_PLUGIN_NOT_FOUND',
  /** A plugin module threw while being imported. */
  ATP_PLUGIN_IMPORT: 'ATP_PLUGIN_IMPORT',
  /** A plugin object has the wrong shape or an unsupported apiVersion. */
  ATP_PLUGIN_INVALID: 'ATP_PLUGIN_INVALID',
  /** Two plugins registered the same name in one registry. */
  ATP_PLUGIN_DUPLICATE: 'ATP_PLUGIN_DUPLICATE',
  /** A plugin threw inside one of its hook taps or its setup. */
  ATP_PLUGIN_ERROR: 'ATP_PLUGIN_ERROR',
  /** A registry entry's lazy module failed to load. */
  ATP_PLUGIN_LOAD: 'ATP_PLUGIN_LOAD',
  /** No compiler is registered for a suite file's extension. */
  ATP_NO_COMPILER: 'ATP_NO_COMPILER',
  /** A suite file could not be read. */
  ATP_SUITE_READ: 'ATP_SUITE_READ',
  /** YAML syntax error in a suite. */
  ATP_YAML_SYNTAX: 'ATP_YAML_SYNTAX',
  /** A suite value has the wrong type or is missing. */
  ATP_SUITE_SCHEMA: 'ATP_SUITE_SCHEMA',
  /** A key that the suite format does not know. */
  ATP_UNKNOWN_KEY: 'ATP_UNKNOWN_KEY',
  /** Two tests (or agents, or assertions) share an id. */
  ATP_DUPLICATE_ID: 'ATP_DUPLICATE_ID',
  /** An assertion type that no installed evaluator provides. */
  ATP_UNKNOWN_EVALUATOR: 'ATP_UNKNOWN_EVALUATOR',
  /** An evaluator's config does not match its schema. */
  ATP_EVALUATOR_CONFIG: 'ATP_EVALUATOR_CONFIG',
  /** An agent's adapter type is not installed. */
  ATP_UNKNOWN_ADAPTER: 'ATP_UNKNOWN_ADAPTER',
  /** An adapter's config does not match its schema. */
  ATP_ADAPTER_CONFIG: 'ATP_ADAPTER_CONFIG',
  /** An unknown agent name (suite `agents`, `--agent`). */
  ATP_UNKNOWN_AGENT: 'ATP_UNKNOWN_AGENT',
  /** Syntax error in an expression. */
  ATP_EXPR_SYNTAX: 'ATP_EXPR_SYNTAX',
  /** An expression names something that does not exist. */
  ATP_EXPR_REFERENCE: 'ATP_EXPR_REFERENCE',
  /** A `${VAR}` without a default whose variable is not set. */
  ATP_MISSING_VARIABLE: 'ATP_MISSING_VARIABLE',
  /** Scoring weights that do not sum to 1. */
  ATP_SCORING_WEIGHTS: 'ATP_SCORING_WEIGHTS',
  /** Violated multi-agent rule (mode, agents, config blocks). */
  ATP_MULTI_AGENT: 'ATP_MULTI_AGENT',
  /** No test matches the filters. */
  ATP_NO_TESTS: 'ATP_NO_TESTS',
  /** A run journal that cannot be resumed. */
  ATP_RESUME: 'ATP_RESUME',
  /** A data file a command reads (a baseline, a JSON report, a description) is missing, unreadable or malformed. */
  ATP_DATA_FILE: 'ATP_DATA_FILE',
  /** A reporter that is not installed or failed to write. */
  ATP_REPORTER: 'ATP_REPORTER',
  /** An unexpected internal error (a bug in ATP): run with --debug and report it. */
  ATP_INTERNAL: 'ATP_INTERNAL',
} as const;

/** A stable ATP error code. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
