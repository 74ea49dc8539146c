import { check } from '@atp/kernel';
/**
 * The artifact evaluator: one module for every artifact assertion type, dispatching on the type.
 * ajv is imported when a `schema` assertion runs (schema-check.ts requires it earlier, to check the config).
 */
import type { EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { z } from 'zod';
import { ARTIFACT_CONFIG_SCHEMAS, type ArtifactAssertionType } from './config-schemas.js';
import { artifactExists } from './checks/artifact-exists.js';
import { contains } from './checks/contains.js';
import { jsonPath } from './checks/json-path.js';
import { regex } from './checks/regex.js';
import { sections } from './checks/sections.js';

type Configs = { [K in ArtifactAssertionType]: z.output<(typeof ARTIFACT_CONFIG_SCHEMAS)[K]> };
type Runners = { [K in ArtifactAssertionType]: (config: Configs[K], input: EvaluationInput) => EvalCheck | Promise<EvalCheck> };

const RUNNERS: Runners = {
  artifact_exists: artifactExists,
  contains,
  regex,
  schema: async (config, input) => (await import('./checks/schema.js')).schema(config, input),
  json_path: jsonPath,
  sections,
};

function isArtifactType(type: string): type is ArtifactAssertionType {
  return Object.hasOwn(RUNNERS, type);
}

type ConfigParse = ReturnType<(typeof ARTIFACT_CONFIG_SCHEMAS)[ArtifactAssertionType]['safeParse']>;
/** Parsed configs by assertion type and config object: every run of a test shares its assertion's config. */
const parsedConfigs = new Map<ArtifactAssertionType, WeakMap<object, ConfigParse>>();

function parseConfig(type: ArtifactAssertionType, config: unknown): ConfigParse {
  if (typeof config !== 'object' || config === null) return ARTIFACT_CONFIG_SCHEMAS[type].safeParse(config);
  let byConfig = parsedConfigs.get(type);
  if (!byConfig) parsedConfigs.set(type, (byConfig = new WeakMap()));
  let parsed = byConfig.get(config);
  if (!parsed) {
    parsed = ARTIFACT_CONFIG_SCHEMAS[type].safeParse(config);
    byConfig.set(config, parsed);
  }
  return parsed;
}

async function run<K extends ArtifactAssertionType>(type: K, input: EvaluationInput): Promise<EvalCheck> {
  // The compiler already parsed the config; parsing again (once per config object) keeps SDK callers
  // (who may pass raw configs) on the same defaults and rules.
  const parsed = parseConfig(type, input.assertion.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return check(type, false, `invalid ${type} config: ${issues.join('; ')}`);
  }
  const runner = RUNNERS[type] as (config: Configs[K], input: EvaluationInput) => EvalCheck | Promise<EvalCheck>;
  return runner(parsed.data as Configs[K], input);
}

/** Create the artifact evaluator (`artifact_exists`, `contains`, `regex`, `schema`, `json_path`, `sections`). */
export function createEvaluator(): Evaluator {
  return {
    async evaluate(input: EvaluationInput): Promise<EvaluatorOutput> {
      const { type } = input.assertion;
      if (!isArtifactType(type)) {
        const known = Object.keys(RUNNERS).join(', ');
        return { checks: [check(`unknown_${type}`, false, `unknown artifact assertion type "${type}" (known: ${known})`)] };
      }
      return { checks: [await run(type, input)] };
    },
  };
}
