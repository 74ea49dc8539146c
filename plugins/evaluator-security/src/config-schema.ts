/**
 * Config schema of the `security` assertion. The compiler parses each assertion's config with it
 * (unknown keys are errors, defaults applied); the evaluator receives the parsed value.
 * This module is imported by the plugin index, so it holds zod schemas and constants only.
 */
import { z } from 'zod';

/** Severities, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
/** A finding's severity. */
export type Severity = (typeof SEVERITIES)[number];

/** The scanner families `checks:` selects. */
export const SECURITY_CHECKS = ['pii_exposure', 'secret_leak', 'prompt_injection', 'code_safety'] as const;
/** A scanner family. */
export type SecurityCheck = (typeof SECURITY_CHECKS)[number];

/** PII kinds (`pii_types`); `api_key` is the provider-key subset of secrets, kept for compatibility. */
export const PII_TYPES = ['email', 'phone', 'ssn', 'credit_card', 'iban', 'api_key'] as const;
/** Secret kinds (`secret_types`). */
export const SECRET_TYPES = [
  'api_key',
  'aws_credential',
  'private_key',
  'certificate',
  'jwt_token',
  'bearer_token',
  'basic_auth',
  'connection_string',
  'env_secret',
  'hardcoded_secret',
  'high_entropy',
] as const;
/** Prompt-injection families (`injection_categories`). */
export const INJECTION_CATEGORIES = ['injection', 'jailbreak', 'role_manipulation'] as const;
/** Dangerous-code families (`code_categories`). */
export const CODE_CATEGORIES = ['dangerous_import', 'dangerous_function', 'file_operation', 'network_operation'] as const;
/** Languages of the dangerous-code patterns (`code_languages`). */
export const CODE_LANGUAGES = ['python', 'javascript', 'bash'] as const;

/** A PII kind. */
export type PiiType = (typeof PII_TYPES)[number];
/** A secret kind. */
export type SecretType = (typeof SECRET_TYPES)[number];
/** A prompt-injection family. */
export type InjectionCategory = (typeof INJECTION_CATEGORIES)[number];
/** A dangerous-code family. */
export type CodeCategory = (typeof CODE_CATEGORIES)[number];
/** A code language. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

function enumList<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const item = z.enum(values, { error: (iss) => `unknown ${what} ${JSON.stringify(iss.input)}; expected one of ${values.join(', ')}` });
  return z
    .array(item)
    .min(1, { error: `list at least one ${what}` })
    .refine((list) => new Set(list).size === list.length, { error: `each ${what} may be listed once` });
}

/** Default of `entropy_threshold`, in bits per character. */
export const DEFAULT_ENTROPY_THRESHOLD = 4.5;
/** Default of `entropy_min_length`. */
export const DEFAULT_ENTROPY_MIN_LENGTH = 20;

/** Which option narrows which scanner family: an option without its family in `checks` is an error. */
const FILTER_OWNERS = {
  pii_types: 'pii_exposure',
  secret_types: 'secret_leak',
  injection_categories: 'prompt_injection',
  code_categories: 'code_safety',
  code_languages: 'code_safety',
  entropy_threshold: 'secret_leak',
  entropy_min_length: 'secret_leak',
} as const satisfies Record<string, SecurityCheck>;

/** `security`: scan artifact text for PII, secrets, prompt injection and dangerous code. */
export const SecurityConfigSchema = z
  .strictObject({
    checks: enumList(SECURITY_CHECKS, 'check').default(['pii_exposure']).describe('Scanner families to run (only these run)'),
    sensitivity: z
      .enum(SEVERITIES, { error: (iss) => `unknown severity ${JSON.stringify(iss.input)}; expected one of ${SEVERITIES.join(', ')}` })
      .default('medium')
      .describe('Lowest severity reported and scored'),
    fail_on_warning: z.boolean().default(false).describe('Fail when the worst finding is medium (default: pass with score 0.5)'),
    pii_types: enumList(PII_TYPES, 'PII type').optional().describe('PII kinds to look for (default: all)'),
    secret_types: enumList(SECRET_TYPES, 'secret type').optional().describe('Secret kinds to look for (default: all)'),
    injection_categories: enumList(INJECTION_CATEGORIES, 'injection category').optional().describe('Prompt-injection families (default: all)'),
    code_categories: enumList(CODE_CATEGORIES, 'code category').optional().describe('Dangerous-code families (default: all)'),
    code_languages: enumList(CODE_LANGUAGES, 'code language').optional().describe('Languages of dangerous-code patterns (default: all)'),
    entropy_threshold: z.number().min(0).max(8).optional().describe(`Shannon entropy in bits per character above which a token is a likely secret (default ${DEFAULT_ENTROPY_THRESHOLD})`),
    entropy_min_length: z.int().min(8).max(1000).optional().describe(`Shortest token the entropy scan considers (default ${DEFAULT_ENTROPY_MIN_LENGTH})`),
    path: z.string().min(1, { error: 'artifact path cannot be empty' }).optional().describe('Only scan this artifact (default: every artifact with text)'),
  })
  .superRefine((config, ctx) => {
    for (const [key, owner] of Object.entries(FILTER_OWNERS)) {
      if (!config.checks.includes(owner)) {
        if ((config as Record<string, unknown>)[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} has no effect unless checks includes ${owner} (checks: ${config.checks.join(', ')})` });
        }
      }
    }
  })
  .describe('Scan artifacts for PII, secrets, prompt injection and dangerous code');

/** Parsed `security` config. */
export type SecurityConfig = z.output<typeof SecurityConfigSchema>;
