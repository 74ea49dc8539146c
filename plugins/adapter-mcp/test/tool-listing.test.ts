import { describe, expect, it } from 'vitest';
import { exampleArguments, exampleTask, parameterLines, renderListing, typeOf } from '../src/tool-listing.js';

const sumSchema = { type: 'object', properties: { a: { type: 'number', description: 'First number' }, b: { type: 'number' } }, required: ['a', 'b'] };

describe('tool listing', () => {
  it('names JSON Schema types the way a suite author needs them', () => {
    expect(typeOf({ type: 'string' })).toBe('string');
    expect(typeOf({ enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(typeOf({ type: 'array', items: { type: 'integer' } })).toBe('array<integer>');
    expect(typeOf({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string | null');
    expect(typeOf({ type: ['number', 'null'] })).toBe('number | null');
    expect(typeOf(undefined)).toBe('any');
  });

  it('lists parameters with required markers, defaults and descriptions', () => {
    expect(parameterLines(sumSchema)).toEqual(['a: number (required) — First number', 'b: number (required)']);
    expect(parameterLines({ properties: { count: { type: 'number', default: 3 } } })).toEqual(['count: number (default 3)']);
  });

  it('writes an input_data snippet with placeholders for the required parameters', () => {
    expect(exampleArguments({ properties: { q: { type: 'string' }, mode: { enum: ['fast', 'slow'] }, n: { type: 'integer', default: 5 }, opt: { type: 'boolean' } }, required: ['q', 'mode', 'n'] })).toEqual({ q: '...', mode: 'fast', n: 5 });
    expect(exampleTask({ name: 'get-sum', inputSchema: sumSchema })).toBe('input_data: { tool: get-sum, arguments: { a: 0, b: 0 } }');
    expect(exampleTask({ name: 'get-env', inputSchema: { type: 'object' } })).toBe('input_data: { tool: get-env }');
    expect(exampleTask({ name: 'weather', inputSchema: { properties: { city: { enum: ['New York'] } }, required: ['city'] } })).toBe('input_data: { tool: weather, arguments: { city: "New York" } }');
  });

  it('renders a whole listing', () => {
    const text = renderListing({
      server: { name: 'demo', version: '1.2.0', title: 'Demo server' },
      transport: 'stdio',
      tools: [{ name: 'get-sum', description: 'Adds\nmore text', inputSchema: sumSchema, outputSchema: { properties: { sum: { type: 'number' } }, required: ['sum'] } }],
      resources: [{ uri: 'demo://docs/a.md', name: 'a.md', mimeType: 'text/markdown', description: 'Doc A' }],
      resourceTemplates: [{ uriTemplate: 'demo://item/{id}', name: 'Item' }],
      prompts: [{ name: 'greet', description: 'Say hi' }],
    });
    expect(text).toBe(
      [
        'Server: demo 1.2.0 (Demo server) over stdio',
        '',
        'Tools (1):',
        '  get-sum — Adds',
        '      a: number (required) — First number',
        '      b: number (required)',
        '      returns structured content: sum: number (required)',
        '      input_data: { tool: get-sum, arguments: { a: 0, b: 0 } }',
        '',
        'Resources (1):',
        '  demo://docs/a.md  [text/markdown] — Doc A',
        '',
        'Resource templates (1):',
        '  demo://item/{id} — Item',
        '  read one in a test with: input_data: { resource: <uri> }',
        '',
        'Prompts (1, not used by the adapter):',
        '  greet — Say hi',
        '',
      ].join('\n'),
    );
  });
});
