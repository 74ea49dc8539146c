/**
 * @atp/evaluator-artifact: assertions on the artifacts an agent returned — existence, text,
 * regular expressions, JSON Schema, JSON path values and document sections.
 * This module stays light (zod schemas only); implementations load when a suite uses them.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import {
  ArtifactExistsConfigSchema,
  ContainsConfigSchema,
  JsonPathConfigSchema,
  RegexConfigSchema,
  SchemaConfigSchema,
  SectionsConfigSchema,
} from './config-schemas.js';

const load: EvaluatorEntry['load'] = () => import('./artifact-evaluator.js');

/** The plugin: one evaluator registry entry per artifact assertion type. */
export default definePlugin({
  name: '@atp/evaluator-artifact',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Assertions on artifacts: exists, contains, regex, JSON Schema, JSON path, sections',
  evaluators: [
    {
      name: 'artifact_exists',
      evaluator: 'artifact',
      description: 'An artifact with this path (file) or name (structured) exists',
      configSchema: ArtifactExistsConfigSchema,
      load,
    },
    {
      name: 'contains',
      evaluator: 'artifact',
      description: 'An artifact’s text contains a substring (or a regex match with regex: true)',
      configSchema: ContainsConfigSchema,
      load,
    },
    {
      name: 'regex',
      evaluator: 'artifact',
      description: 'An artifact’s text matches a JavaScript regular expression',
      configSchema: RegexConfigSchema,
      load,
    },
    {
      name: 'schema',
      evaluator: 'artifact',
      description: 'A structured artifact’s data (or a JSON file) validates against a JSON Schema',
      configSchema: SchemaConfigSchema,
      load,
    },
    {
      name: 'json_path',
      evaluator: 'artifact',
      description: 'A value inside an artifact’s JSON equals a value, exists or is absent',
      configSchema: JsonPathConfigSchema,
      load,
    },
    {
      name: 'sections',
      evaluator: 'artifact',
      description: 'An artifact has the listed sections (Markdown headings or text)',
      configSchema: SectionsConfigSchema,
      load,
    },
  ] satisfies EvaluatorEntry[],
});

export {
  ARTIFACT_CONFIG_SCHEMAS,
  ArtifactExistsConfigSchema,
  ContainsConfigSchema,
  RegexConfigSchema,
  SchemaConfigSchema,
  JsonPathConfigSchema,
  JsonPathStringSchema,
  SectionsConfigSchema,
  type ArtifactAssertionType,
  type ArtifactExistsConfig,
  type ContainsConfig,
  type RegexConfig,
  type SchemaConfig,
  type JsonPathConfig,
  type SectionsConfig,
} from './config-schemas.js';
