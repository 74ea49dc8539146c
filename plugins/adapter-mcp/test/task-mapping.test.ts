import { describe, expect, it } from 'vitest';
import { NameFilter } from '../src/name-filter.js';
import { descriptionArguments, mapTask } from '../src/task-mapping.js';
import type { MappingScope, ToolLike } from '../src/task-mapping.js';
import { makeRequest } from './helpers.js';

const echo: ToolLike = { name: 'echo', inputSchema: { properties: { message: { type: 'string' } }, required: ['message'] } };
const sum: ToolLike = { name: 'get-sum', inputSchema: { properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } };
const env: ToolLike = { name: 'get-env', inputSchema: {} };
const scope = (overrides: Partial<MappingScope> = {}): MappingScope => ({
  tools: [echo, sum, env],
  resources: [{ uri: 'demo://docs/readme.md', name: 'readme' }],
  toolsFilter: new NameFilter(null),
  resourcesFilter: new NameFilter(null),
  ...overrides,
});

describe('mapTask', () => {
  it('calls the named tool with the given arguments', () => {
    expect(mapTask(makeRequest('t', { tool: 'get-sum', arguments: { a: 1, b: 2 } }), scope())).toEqual({ kind: 'tool', tool: 'get-sum', arguments: { a: 1, b: 2 }, expectError: false });
  });

  it('turns the description into the arguments when the task gives none', () => {
    expect(mapTask(makeRequest('t', { tool: 'echo' }, 'hello there'), scope())).toEqual({ kind: 'tool', tool: 'echo', arguments: { message: 'hello there' }, expectError: false });
  });

  it('reads the named resource, listed or not (templates are never listed)', () => {
    expect(mapTask(makeRequest('t', { resource: 'demo://docs/readme.md' }), scope())).toEqual({ kind: 'resource', uri: 'demo://docs/readme.md' });
    expect(mapTask(makeRequest('t', { resource: 'demo://item/7' }), scope())).toEqual({ kind: 'resource', uri: 'demo://item/7' });
  });

  it('prefers tool over resource when both are given', () => {
    expect(mapTask(makeRequest('t', { tool: 'echo', resource: 'demo://docs/readme.md', arguments: { message: 'm' } }), scope()).kind).toBe('tool');
  });

  it('calls the first tool that passes tools_filter when the task names nothing', () => {
    expect(mapTask(makeRequest('t', null, 'ping'), scope())).toEqual({ kind: 'tool', tool: 'echo', arguments: { message: 'ping' }, expectError: false });
    expect(mapTask(makeRequest('t', null, 'ping'), scope({ toolsFilter: new NameFilter(['get-*']) }))).toEqual({ kind: 'tool', tool: 'get-sum', arguments: { input: 'ping' }, expectError: false });
    expect(mapTask(makeRequest('t', { arguments: { a: 1, b: 1 } }), scope({ toolsFilter: new NameFilter(['get-sum']) }))).toEqual({ kind: 'tool', tool: 'get-sum', arguments: { a: 1, b: 1 }, expectError: false });
  });

  it('fails a tool the server does not offer, with the nearest name and the list (no silent fallback)', () => {
    expect(mapTask(makeRequest('t', { tool: 'get-summ' }), scope())).toEqual({
      kind: 'invalid',
      message: 'the MCP server has no tool "get-summ" — did you mean "get-sum"? (tools: echo, get-sum, get-env)',
    });
  });

  it('fails a tool or resource excluded by the filters', () => {
    expect(mapTask(makeRequest('t', { tool: 'echo' }), scope({ toolsFilter: new NameFilter(['get-*']) }))).toEqual({ kind: 'invalid', message: 'tool "echo" is excluded by tools_filter [get-*]' });
    expect(mapTask(makeRequest('t', { resource: 'demo://docs/readme.md' }), scope({ resourcesFilter: new NameFilter(['demo://public/*']) }))).toEqual({
      kind: 'invalid',
      message: 'resource "demo://docs/readme.md" is excluded by resources_filter [demo://public/*]',
    });
    // A listed resource also matches by its name.
    expect(mapTask(makeRequest('t', { resource: 'demo://docs/readme.md' }), scope({ resourcesFilter: new NameFilter(['readme']) })).kind).toBe('resource');
  });

  it('fails when there is nothing to call', () => {
    expect(mapTask(makeRequest('t', null), scope({ tools: [] }))).toEqual({ kind: 'invalid', message: 'the MCP server lists no tools, and the task names no resource to read (task.input_data.resource)' });
    expect(mapTask(makeRequest('t', null), scope({ toolsFilter: new NameFilter([]) }))).toEqual({
      kind: 'invalid',
      message: 'no tool of the server passes tools_filter [] (tools: echo, get-sum, get-env), and the task names no resource to read (task.input_data.resource)',
    });
  });

  it('marks negative tests with expect_error', () => {
    expect(mapTask(makeRequest('t', { tool: 'get-sum', arguments: { a: 'x' }, expect_error: true }), scope())).toEqual({ kind: 'tool', tool: 'get-sum', arguments: { a: 'x' }, expectError: true });
    expect(mapTask(makeRequest('t', { tool: 'echo', expect_error: 'yes' }), scope())).toEqual({ kind: 'invalid', message: 'task.input_data.expect_error must be true or false' });
  });

  it('rejects malformed input_data', () => {
    expect(mapTask(makeRequest('t', { tool: 42 }), scope())).toEqual({ kind: 'invalid', message: 'task.input_data.tool must be the name of a tool (a non-empty string)' });
    expect(mapTask(makeRequest('t', { tool: 'echo', arguments: ['x'] }), scope())).toEqual({ kind: 'invalid', message: 'task.input_data.arguments must be an object of tool arguments, got an array' });
    expect(mapTask(makeRequest('t', { resource: '' }), scope())).toEqual({ kind: 'invalid', message: 'task.input_data.resource must be a resource URI (a non-empty string)' });
  });
});

describe('descriptionArguments', () => {
  const tool = (properties: Record<string, unknown>, required?: string[]): ToolLike => ({ name: 't', inputSchema: { properties, ...(required ? { required } : {}) } });

  it('gives no arguments to a tool without parameters', () => {
    expect(descriptionArguments(env, 'd')).toEqual({});
  });

  it('uses the only required string parameter, else the only string parameter', () => {
    expect(descriptionArguments(tool({ query: { type: 'string' }, limit: { type: 'number' } }, ['query']), 'd')).toEqual({ query: 'd' });
    expect(descriptionArguments(tool({ prompt: { type: ['string', 'null'] }, n: { type: 'integer' } }), 'd')).toEqual({ prompt: 'd' });
  });

  it('falls back to {input} (the reference convention) otherwise', () => {
    expect(descriptionArguments(tool({ input: { type: 'string' }, other: { type: 'string' } }, ['other']), 'd')).toEqual({ input: 'd' });
    expect(descriptionArguments(sum, 'd')).toEqual({ input: 'd' });
    expect(descriptionArguments(tool({ a: { type: 'string' }, b: { type: 'string' } }), 'd')).toEqual({ input: 'd' });
    expect(descriptionArguments(tool({ a: { type: 'string' }, b: { type: 'string' } }, ['a', 'b']), 'd')).toEqual({ input: 'd' });
  });
});
