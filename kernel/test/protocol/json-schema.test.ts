import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_DIALECT, protocolJsonSchemas } from '../../src/protocol/index.js';
import { loadFixtures } from './fixtures.js';
import type { MessageKind } from './fixtures.js';

// ajv is CommonJS: under NodeNext the default import is `module.exports`, whose `default` is the class.
const Ajv = Ajv2020.default;
const schemas = protocolJsonSchemas();
const ajv = new Ajv({ allErrors: true });
const validators = {
  requests: ajv.compile(schemas.request),
  responses: ajv.compile(schemas.response),
  events: ajv.compile(schemas.event),
} satisfies Record<MessageKind, unknown>;

describe('protocolJsonSchemas', () => {
  it('produces draft 2020-12 documents with titles', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema['$schema'], name).toBe(JSON_SCHEMA_DIALECT);
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['title'], name).toEqual(expect.stringContaining('ATP'));
      expect(schema['type'], name).toBe('object');
    }
    expect(schemas.request['title']).toMatch(/^ATPRequest/);
    expect(schemas.response['title']).toMatch(/^ATPResponse/);
    expect(schemas.event['title']).toMatch(/^ATPEvent/);
  });

  it('describes the input side: defaulted fields are optional', () => {
    expect(schemas.request['required']).toEqual(['task_id', 'task']);
    expect(schemas.response['required']).toEqual(['task_id', 'status']);
    expect(schemas.event['required']).toEqual(['task_id', 'sequence', 'event_type', 'payload']);
    const responseProps = schemas.response['properties'] as Record<string, Record<string, unknown>>;
    expect(responseProps['version']?.['default']).toBe('1.0');
    expect(responseProps['artifacts']?.['default']).toEqual([]);
    const eventProps = schemas.event['properties'] as Record<string, Record<string, unknown>>;
    expect(eventProps['timestamp']).not.toHaveProperty('default');
  });

  it('is JSON-serialisable and stable between calls', () => {
    expect(JSON.parse(JSON.stringify(schemas))).toEqual(protocolJsonSchemas());
  });

  it.each(['requests', 'responses', 'events'] as const)('accepts every valid %s fixture', (kind) => {
    const validate = validators[kind];
    for (const fixture of loadFixtures(kind, 'valid')) {
      const ok = validate(fixture.data);
      expect(ok ? 'valid' : `${fixture.description}: ${ajv.errorsText(validate.errors)}`).toBe('valid');
    }
  });

  it('rejects structurally invalid messages', () => {
    expect(validators.requests({ task: { description: 'x' } })).toBe(false);
    expect(validators.requests({ task_id: 'a', task: { description: '' } })).toBe(false);
    expect(validators.requests({ task_id: 'bad id!', task: { description: 'x' } })).toBe(false);
    expect(validators.requests({ task_id: 'a', task: { description: 'x' }, version: '2.0' })).toBe(false);
    expect(
      validators.requests({ task_id: 'a', task: { description: 'x' }, context: { environment: { '1X': 'v' } } })
    ).toBe(false);
    expect(validators.responses({ task_id: 'a', status: 'success' })).toBe(false);
    expect(validators.responses({ task_id: 'a', status: 'completed', artifacts: [{ type: 'code', path: 'x' }] })).toBe(
      false
    );
    expect(validators.responses({ task_id: 'a', status: 'completed', metrics: { total_tokens: -1 } })).toBe(false);
    expect(validators.events({ task_id: 'a', sequence: -1, event_type: 'progress', payload: {} })).toBe(false);
    expect(validators.events({ task_id: 'a', sequence: 0, event_type: 'progress', payload: [] })).toBe(false);
    expect(validators.events({ task_id: 'a', sequence: 0, event_type: 'log', payload: {} })).toBe(false);
  });
});
