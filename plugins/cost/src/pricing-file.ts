import { readFile } from 'node:fs/promises';
import type * as Yaml from 'yaml';
import { AtpError, ErrorCodes, diagnostic } from '@atp/kernel';
import { PricingOverridesSchema, type PricingOverrides } from './pricing-schema.js';

/**
 * Read a pricing file (`.json`, `.yaml`/`.yml`) of the shape `{models: {...}, provider_defaults: {...}}`.
 * Problems become an AtpError naming the file and the offending key.
 */
export async function readPricingFile(path: string): Promise<PricingOverrides> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (cause as Error).message;
    throw new AtpError(diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `cannot read pricing file: ${reason}`, { file: path }), { cause });
  }
  const data = /\.ya?ml$/i.test(path) ? await parseYaml(text, path) : parseJson(text, path);
  const parsed = PricingOverridesSchema.safeParse(data ?? {});
  if (!parsed.success) {
    throw new AtpError(
      parsed.error.issues.map((i) =>
        diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `pricing file: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`, {
          file: path,
          hint: 'expected {models: {<model id>: {input_per_1k, output_per_1k, name?, provider?}}, provider_defaults: {<provider>: {input_per_1k, output_per_1k}}}',
        }),
      ),
    );
  }
  return parsed.data;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `invalid JSON in pricing file: ${(cause as Error).message}`, { file: path }), { cause });
  }
}

async function parseYaml(text: string, path: string): Promise<unknown> {
  let yaml: typeof Yaml;
  try {
    yaml = await import('yaml');
  } catch (cause) {
    throw new AtpError(
      diagnostic(ErrorCodes.ATP_CONFIG_LOAD, 'YAML pricing files need the "yaml" package, which is not installed', {
        file: path,
        hint: 'npm install yaml — or write the pricing file as JSON',
      }),
      { cause },
    );
  }
  const doc = yaml.parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    throw new AtpError(doc.errors.map((e) => diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `invalid YAML in pricing file: ${e.message.split('\n')[0]}`, { file: path })));
  }
  return doc.toJS() as unknown;
}
