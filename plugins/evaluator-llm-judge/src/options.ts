import { AtpError, ErrorCodes, diagnostic, didYouMean } from '@atp/kernel';
import { JudgeFieldsSchema, type JudgeFields } from './config-schema.js';

/** The plugin's name, also the key of its `settings` block. */
export const JUDGE_PLUGIN_NAME = '@atp/evaluator-llm-judge';

/** Validate the project-wide judge options; undefined when none are given. Problems throw an AtpError naming `where`. */
export function parseJudgeOptions(raw: unknown, where: string, file?: string): JudgeFields | undefined {
  const parsed = JudgeFieldsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const known = Object.keys(JudgeFieldsSchema.shape);
    throw new AtpError(
      parsed.error.issues.flatMap((i) => {
        const at = i.path.length ? `${i.path.join('.')}: ` : '';
        const messages = i.code === 'unrecognized_keys' ? i.keys.map((k) => `unknown key "${k}"${i.path.length ? '' : didYouMean(k, known)}`) : [i.message];
        return messages.map((m) =>
          diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `${where}: ${at}${m}`, {
            ...(file ? { file } : {}),
            hint: `the judge options are ${known.join(', ')} (see ${JUDGE_PLUGIN_NAME}'s README)`,
          }),
        );
      }),
    );
  }
  return Object.values(parsed.data).some((v) => v !== undefined) ? parsed.data : undefined;
}
