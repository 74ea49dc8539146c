/** The style evaluator: one module for every style assertion type, dispatching on the type. */
import type { Artifact, EvalCheck, EvaluationInput, Evaluator, EvaluatorOutput } from '@atp/kernel';
import type { z } from 'zod';
import { metricTarget, textTargets, type TextTarget } from './artifact-text.js';
import { informationalCheck, passiveVoiceCheck, readabilityChecks, sentenceLengthChecks, toDoc, toneCheck, type Doc } from './checks/metric-checks.js';
import { ruleChecks } from './checks/rule-checks.js';
import { STYLE_CONFIG_SCHEMAS, type StyleAssertionType } from './config-schemas.js';

type Configs = { [K in StyleAssertionType]: z.output<(typeof STYLE_CONFIG_SCHEMAS)[K]> };

/** What a runner may read: the metric document (resolved lazily) and the rule targets. */
interface Sources {
  doc(): Doc | string;
  rules(): ReturnType<typeof textTargets>;
}

function sources(artifacts: readonly Artifact[], path: string | undefined): Sources {
  let doc: Doc | string | undefined;
  return {
    doc() {
      if (doc === undefined) {
        const found = metricTarget(artifacts, path);
        doc = found.ok ? toDoc(found.target) : found.message;
      }
      return doc;
    },
    rules: () => textTargets(artifacts, path),
  };
}

const RUNNERS: { [K in StyleAssertionType]: (config: Configs[K], src: Sources, type: K) => EvalCheck[] } = {
  readability: (config, src, type) =>
    withDoc(src, type, (doc) => {
      const checks = readabilityChecks(doc, config);
      return checks.length ? checks : [informationalCheck('readability', doc)];
    }),
  passive_voice: (config, src, type) => withDoc(src, type, (doc) => [passiveVoiceCheck(doc, config.max_passive_voice_percentage)]),
  sentence_length: (config, src, type) => withDoc(src, type, (doc) => sentenceLengthChecks(doc, config)),
  tone: (config, src, type) => withDoc(src, type, (doc) => [toneCheck(doc, config.expected_tone, config.tone_threshold)]),
  style_rules: (config, src, type) => withRuleTargets(src, type, (targets) => ruleChecks(targets, config)),
  style: (config, src, type) => {
    const metricKeys = ['max_flesch_kincaid_grade', 'min_flesch_reading_ease', 'max_smog_grade', 'max_coleman_liau_grade', 'max_passive_voice_percentage', 'max_avg_sentence_length', 'min_avg_sentence_length', 'max_sentence_length', 'expected_tone'] as const;
    const ruleKeys = ['forbidden_words', 'required_words', 'forbidden_patterns', 'required_patterns'] as const;
    const wantsMetrics = metricKeys.some((k) => config[k] !== undefined);
    const wantsRules = ruleKeys.some((k) => config[k] !== undefined);
    const checks: EvalCheck[] = [];
    if (wantsMetrics || !wantsRules) {
      checks.push(
        ...withDoc(src, type, (doc) => {
          if (!wantsMetrics) return [informationalCheck('style', doc)];
          const out = [...readabilityChecks(doc, config)];
          if (config.max_passive_voice_percentage !== undefined) out.push(passiveVoiceCheck(doc, config.max_passive_voice_percentage));
          out.push(...sentenceLengthChecks(doc, config));
          if (config.expected_tone !== undefined) out.push(toneCheck(doc, config.expected_tone, config.tone_threshold ?? 0.7));
          return out;
        }),
      );
    }
    if (wantsRules) checks.push(...withRuleTargets(src, type, (targets) => ruleChecks(targets, config)));
    return checks;
  },
};

function withDoc(src: Sources, type: string, run: (doc: Doc) => EvalCheck[]): EvalCheck[] {
  const doc = src.doc();
  return typeof doc === 'string' ? [{ name: type, passed: false, score: 0, message: doc }] : run(doc);
}

function withRuleTargets(src: Sources, type: string, run: (targets: TextTarget[]) => EvalCheck[]): EvalCheck[] {
  const found = src.rules();
  if (!found.ok) return [{ name: type, passed: false, score: 0, message: found.message }];
  if (found.targets.length === 0) return [{ name: type, passed: false, score: 0, message: 'no artifact has text content to check the rules on' }];
  return run(found.targets);
}

function isStyleType(type: string): type is StyleAssertionType {
  return Object.hasOwn(RUNNERS, type);
}

function run<K extends StyleAssertionType>(type: K, input: EvaluationInput): EvalCheck[] {
  // The compiler already parsed the config; parsing again keeps SDK callers (raw configs) on the same defaults and rules.
  const parsed = STYLE_CONFIG_SCHEMAS[type].safeParse(input.assertion.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return [{ name: type, passed: false, score: 0, message: `invalid ${type} config: ${issues.join('; ')}` }];
  }
  const config = parsed.data as Configs[K];
  const runner = RUNNERS[type] as (config: Configs[K], src: Sources, type: K) => EvalCheck[];
  return runner(config, sources(input.response.artifacts, (config as { path?: string }).path), type);
}

/** Create the style evaluator (`style`, `tone`, `readability`, `passive_voice`, `sentence_length`, `style_rules`). */
export function createEvaluator(): Evaluator {
  return {
    evaluate(input: EvaluationInput): EvaluatorOutput {
      const { type } = input.assertion;
      if (!isStyleType(type)) {
        return { checks: [{ name: `unknown_${type}`, passed: false, score: 0, message: `unknown style assertion type "${type}" (known: ${Object.keys(RUNNERS).join(', ')})` }] };
      }
      return { checks: run(type, input) };
    },
  };
}
