/**
 * ATP task → MCP action (reference §4.6, made strict):
 * 1. `input_data.tool`: that tool, with `input_data.arguments`;
 * 2. else `input_data.resource`: read that resource URI;
 * 3. else the first tool the server lists (after `tools_filter`), with `input_data.arguments`.
 * `input_data.expect_error: true` marks a call that should be refused (a negative test).
 * Without `arguments`, the task description becomes the arguments (see {@link descriptionArguments}).
 * A named tool or resource the server does not offer is a failed run naming what it does offer —
 * the reference silently fell back to the first tool.
 */
import { isPlainObject, nearest } from '@atp/kernel';
import type { ATPRequest } from '@atp/kernel';
import type { NameFilter } from './name-filter.js';

/** The parts of an MCP tool definition the mapping reads. */
export interface ToolLike {
  name: string;
  description?: string | undefined;
  inputSchema?: { properties?: Record<string, unknown> | undefined; required?: readonly string[] | undefined } | undefined;
}

/** The parts of an MCP resource the mapping reads. */
export interface ResourceLike {
  uri: string;
  name?: string | undefined;
}

/** What to do for one request. */
export type TaskAction =
  | { kind: 'tool'; tool: string; arguments: Record<string, unknown>; expectError: boolean }
  | { kind: 'resource'; uri: string }
  | { kind: 'invalid'; message: string };

/** What the mapping may use. */
export interface MappingScope {
  tools: readonly ToolLike[];
  resources: readonly ResourceLike[];
  toolsFilter: NameFilter;
  resourcesFilter: NameFilter;
}

const LISTED = 15;

function list(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  return names.slice(0, LISTED).join(', ') + (names.length > LISTED ? ` and ${names.length - LISTED} more` : '');
}

function propertyType(schema: unknown): unknown {
  return isPlainObject(schema) ? schema['type'] : undefined;
}

function isStringProperty(schema: unknown): boolean {
  const type = propertyType(schema);
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/**
 * Arguments made from the task description when the task gives none: `{}` for a tool without
 * parameters; the one string parameter (the only required one, else the only one) when the schema
 * has exactly one; `{input: description}` otherwise — the reference's convention, also used when the
 * tool has an `input` parameter.
 */
export function descriptionArguments(tool: ToolLike, description: string): Record<string, unknown> {
  const properties = isPlainObject(tool.inputSchema?.properties) ? tool.inputSchema.properties : {};
  const names = Object.keys(properties);
  if (names.length === 0) return {};
  if ('input' in properties) return { input: description };
  const required = (tool.inputSchema?.required ?? []).filter((n) => n in properties);
  if (required.length === 1 && isStringProperty(properties[required[0]!])) return { [required[0]!]: description };
  const strings = names.filter((n) => isStringProperty(properties[n]));
  if (required.length === 0 && strings.length === 1) return { [strings[0]!]: description };
  return { input: description };
}

function argumentsFor(tool: ToolLike, input: Record<string, unknown>, description: string): Record<string, unknown> | string {
  const given = input['arguments'];
  if (given === undefined || given === null) return descriptionArguments(tool, description);
  if (!isPlainObject(given)) return `task.input_data.arguments must be an object of tool arguments, got ${Array.isArray(given) ? 'an array' : typeof given}`;
  return given;
}

/** Decide what one request does. */
export function mapTask(request: ATPRequest, scope: MappingScope): TaskAction {
  const input: Record<string, unknown> = isPlainObject(request.task.input_data) ? request.task.input_data : {};
  const description = request.task.description;
  const allowedTools = scope.tools.filter((t) => scope.toolsFilter.matches(t.name));

  const expectError = input['expect_error'] ?? false;
  if (typeof expectError !== 'boolean') return { kind: 'invalid', message: 'task.input_data.expect_error must be true or false' };

  const toolName = input['tool'];
  if (toolName !== undefined && toolName !== null) {
    if (typeof toolName !== 'string' || toolName.trim() === '') return { kind: 'invalid', message: 'task.input_data.tool must be the name of a tool (a non-empty string)' };
    const tool = scope.tools.find((t) => t.name === toolName);
    if (!tool) {
      const near = nearest(toolName, allowedTools.map((t) => t.name));
      return {
        kind: 'invalid',
        message: `the MCP server has no tool "${toolName}"${near ? ` — did you mean "${near}"?` : ''} (tools: ${list(allowedTools.map((t) => t.name))})`,
      };
    }
    if (!scope.toolsFilter.matches(tool.name)) return { kind: 'invalid', message: `tool "${toolName}" is excluded by ${scope.toolsFilter.describe('tools_filter')}` };
    const args = argumentsFor(tool, input, description);
    return typeof args === 'string' ? { kind: 'invalid', message: args } : { kind: 'tool', tool: tool.name, arguments: args, expectError };
  }

  const uri = input['resource'];
  if (uri !== undefined && uri !== null) {
    if (typeof uri !== 'string' || uri.trim() === '') return { kind: 'invalid', message: 'task.input_data.resource must be a resource URI (a non-empty string)' };
    const listed = scope.resources.find((r) => r.uri === uri);
    if (!scope.resourcesFilter.matches(uri, listed?.name)) return { kind: 'invalid', message: `resource "${uri}" is excluded by ${scope.resourcesFilter.describe('resources_filter')}` };
    // Unlisted URIs are read anyway: resource templates (`demo://item/{id}`) are never listed.
    return { kind: 'resource', uri };
  }

  const first = allowedTools[0];
  if (!first) {
    const why = scope.tools.length === 0 ? 'the MCP server lists no tools' : `no tool of the server passes ${scope.toolsFilter.describe('tools_filter')} (tools: ${list(scope.tools.map((t) => t.name))})`;
    return { kind: 'invalid', message: `${why}, and the task names no resource to read (task.input_data.resource)` };
  }
  const args = argumentsFor(first, input, description);
  return typeof args === 'string' ? { kind: 'invalid', message: args } : { kind: 'tool', tool: first.name, arguments: args, expectError };
}
