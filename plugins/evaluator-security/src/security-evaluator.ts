/** The security evaluator module (loaded on first use of a `security` assertion). */
import type { EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import { textTargets } from '@atp/kernel';
import { SecurityConfigSchema } from './config-schema.js';
import { CHECK_NAME, securityCheck } from './report.js';
import { scanTargets } from './scan.js';

/** Create the evaluator of the `security` assertion type. */
export function createEvaluator(): Evaluator {
  return {
    evaluate(input: EvaluationInput): EvaluatorOutput {
      if (input.assertion.type !== 'security') {
        return { checks: [{ name: `unknown_${input.assertion.type}`, passed: false, score: 0, message: `unknown security assertion type "${input.assertion.type}" (known: security)` }] };
      }
      // The compiler already parsed the config; parsing again keeps SDK callers (raw configs) on the same defaults and rules.
      const parsed = SecurityConfigSchema.safeParse(input.assertion.config);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
        return { checks: [{ name: CHECK_NAME, passed: false, score: 0, message: `invalid security config: ${issues.join('; ')}` }] };
      }
      const config = parsed.data;
      const targets = textTargets(input.response.artifacts, config.path);
      if (!targets.ok) return { checks: [{ name: CHECK_NAME, passed: false, score: 0, message: targets.message }] };
      const findings = scanTargets(targets.targets, config);
      return { checks: [securityCheck(findings, config, targets.targets.map((t) => t.id))] };
    },
  };
}
