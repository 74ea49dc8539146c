/**
 * @atp/evaluator-security: the `security` assertion — PII, secrets and API keys, prompt-injection
 * and jailbreak phrases, dangerous code — with masked evidence and the severity scoring of the
 * reference. This module stays light (zod schemas only); the scanner loads when a suite uses it.
 */
import { definePlugin, type EvaluatorEntry } from '@atp/kernel';
import { SecurityConfigSchema } from './config-schema.js';

/** The plugin: the `security` assertion type. */
export default definePlugin({
  name: '@atp/evaluator-security',
  apiVersion: 1,
  version: '0.1.0',
  description: 'Security scan of artifacts: PII, secrets, prompt injection, dangerous code',
  evaluators: [
    {
      name: 'security',
      evaluator: 'security',
      description: 'Artifacts contain no PII, secrets, prompt-injection phrases or dangerous code (severity-scored)',
      configSchema: SecurityConfigSchema,
      load: () => import('./security-evaluator.js'),
    },
  ] satisfies EvaluatorEntry[],
});

export {
  SecurityConfigSchema,
  SEVERITIES,
  SECURITY_CHECKS,
  PII_TYPES,
  SECRET_TYPES,
  INJECTION_CATEGORIES,
  CODE_CATEGORIES,
  CODE_LANGUAGES,
  DEFAULT_ENTROPY_THRESHOLD,
  DEFAULT_ENTROPY_MIN_LENGTH,
  type SecurityConfig,
  type Severity,
  type SecurityCheck,
  type PiiType,
  type SecretType,
  type InjectionCategory,
  type CodeCategory,
  type CodeLanguage,
} from './config-schema.js';
