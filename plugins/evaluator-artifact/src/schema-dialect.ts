/** The JSON Schema dialects understood, chosen by `$schema`. */
export type Dialect = 'draft-07' | '2019-09' | '2020-12';

/** The dialect a schema declares with `$schema` (draft-07 when absent), or undefined when unsupported. */
export function dialectOf(schema: object | boolean): Dialect | undefined {
  const declared = typeof schema === 'object' ? (schema as Record<string, unknown>)['$schema'] : undefined;
  if (declared === undefined) return 'draft-07';
  if (typeof declared !== 'string') return undefined;
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  if (declared.includes('draft-07')) return 'draft-07';
  return undefined;
}

/** The message for a schema whose `$schema` is not supported. */
export function unsupportedDialectMessage(schema: object | boolean): string {
  const declared = typeof schema === 'object' ? (schema as Record<string, unknown>)['$schema'] : undefined;
  return `unsupported $schema ${JSON.stringify(declared)} (supported: draft-07, 2019-09, 2020-12)`;
}
