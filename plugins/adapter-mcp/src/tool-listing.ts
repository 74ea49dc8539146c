/** Rendering what a server offers (`atp mcp tools`): parameter lists and example suite snippets. */
import { isPlainObject } from '@atp/kernel';

/** What the listing shows of a server. */
export interface ServerListing {
  server: { name: string; version: string; title?: string | undefined } | null;
  transport: string;
  instructions?: string | undefined;
  tools: Array<{ name: string; title?: string | undefined; description?: string | undefined; inputSchema: Record<string, unknown>; outputSchema?: Record<string, unknown> | undefined }>;
  resources: Array<{ uri: string; name: string; mimeType?: string | undefined; description?: string | undefined }>;
  resourceTemplates: Array<{ uriTemplate: string; name: string; mimeType?: string | undefined; description?: string | undefined }>;
  prompts: Array<{ name: string; description?: string | undefined }>;
}

/** `string`, `number`, `"a" | "b"`, `array<string>`, `object`. */
export function typeOf(schema: unknown): string {
  if (!isPlainObject(schema)) return 'any';
  if (Array.isArray(schema['enum'])) return schema['enum'].map((v) => JSON.stringify(v)).join(' | ');
  if (schema['const'] !== undefined) return JSON.stringify(schema['const']);
  const alternatives = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(alternatives)) return alternatives.map(typeOf).join(' | ');
  const type = schema['type'];
  if (Array.isArray(type)) return type.map(String).join(' | ');
  if (type === 'array') return `array<${typeOf(schema['items'])}>`;
  return typeof type === 'string' ? type : 'any';
}

/** One line per parameter: `a: number (required) — First number`. */
export function parameterLines(inputSchema: Record<string, unknown>): string[] {
  const properties = isPlainObject(inputSchema['properties']) ? inputSchema['properties'] : {};
  const required = new Set(Array.isArray(inputSchema['required']) ? inputSchema['required'].map(String) : []);
  return Object.entries(properties).map(([name, schema]) => {
    const description = isPlainObject(schema) && typeof schema['description'] === 'string' ? ` — ${schema['description']}` : '';
    const fallback = isPlainObject(schema) && schema['default'] !== undefined ? ` (default ${JSON.stringify(schema['default'])})` : '';
    return `${name}: ${typeOf(schema)}${required.has(name) ? ' (required)' : fallback}${description}`;
  });
}

function exampleValue(schema: unknown): unknown {
  if (!isPlainObject(schema)) return null;
  if (schema['default'] !== undefined) return schema['default'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if (schema['const'] !== undefined) return schema['const'];
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'string':
      return '...';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

/** Placeholder arguments for the required parameters (defaults, first enum values, `...`, 0). */
export function exampleArguments(inputSchema: Record<string, unknown>): Record<string, unknown> {
  const properties = isPlainObject(inputSchema['properties']) ? inputSchema['properties'] : {};
  const required = Array.isArray(inputSchema['required']) ? inputSchema['required'].map(String) : [];
  return Object.fromEntries(required.filter((n) => n in properties).map((n) => [n, exampleValue(properties[n])]));
}

/** A YAML flow value: bare words when safe, JSON otherwise. */
function yamlValue(value: unknown): string {
  if (typeof value === 'string' && /^[A-Za-z_][\w./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value)) return value;
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${yamlValue(k)}: ${yamlValue(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** `input_data: { tool: get-sum, arguments: { a: 0, b: 0 } }`: what a test's task needs to call the tool. */
export function exampleTask(tool: { name: string; inputSchema: Record<string, unknown> }): string {
  const properties = tool.inputSchema['properties'];
  const hasParameters = isPlainObject(properties) && Object.keys(properties).length > 0;
  return `input_data: ${yamlValue(hasParameters ? { tool: tool.name, arguments: exampleArguments(tool.inputSchema) } : { tool: tool.name })}`;
}

/** The human-readable listing. */
export function renderListing(listing: ServerListing): string {
  const out: string[] = [];
  const s = listing.server;
  out.push(`Server: ${s ? `${s.name} ${s.version}${s.title && s.title !== s.name ? ` (${s.title})` : ''}` : '(unnamed)'} over ${listing.transport}`);
  out.push('', `Tools (${listing.tools.length}):`);
  if (listing.tools.length === 0) out.push('  (none)');
  for (const tool of listing.tools) {
    out.push(`  ${tool.name}${tool.description ? ` — ${tool.description.split('\n')[0]}` : ''}`);
    const params = parameterLines(tool.inputSchema);
    for (const line of params) out.push(`      ${line}`);
    if (params.length === 0) out.push('      (no parameters)');
    if (tool.outputSchema) out.push(`      returns structured content: ${parameterLines(tool.outputSchema).map((l) => l.split(' — ')[0]).join(', ') || 'object'}`);
    out.push(`      ${exampleTask(tool)}`);
  }
  if (listing.resources.length || listing.resourceTemplates.length) {
    out.push('', `Resources (${listing.resources.length}):`);
    for (const r of listing.resources) out.push(`  ${r.uri}${r.mimeType ? `  [${r.mimeType}]` : ''}${r.description ? ` — ${r.description}` : r.name !== r.uri ? ` — ${r.name}` : ''}`);
    if (listing.resourceTemplates.length) {
      out.push('', `Resource templates (${listing.resourceTemplates.length}):`);
      for (const r of listing.resourceTemplates) out.push(`  ${r.uriTemplate}${r.mimeType ? `  [${r.mimeType}]` : ''} — ${r.description ?? r.name}`);
    }
    out.push('  read one in a test with: input_data: { resource: <uri> }');
  }
  if (listing.prompts.length) {
    out.push('', `Prompts (${listing.prompts.length}, not used by the adapter):`);
    for (const p of listing.prompts) out.push(`  ${p.name}${p.description ? ` — ${p.description}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
