import { describe, expect, it } from 'vitest';
import { CompositeConfigSchema } from '../src/index.js';

const issues = (config: unknown) => CompositeConfigSchema.safeParse(config).error?.issues.map((i) => ({ path: i.path, message: i.message }));

describe('CompositeConfigSchema', () => {
  it('accepts both forms', () => {
    expect(CompositeConfigSchema.parse({ expr: 'a AND NOT b' })).toEqual({ expr: 'a AND NOT b' });
    const tree = { operator: 'threshold', value: 0.8, comparator: '>=', condition: { type: 'llm_eval', config: { criteria: 'coherence' } } };
    expect(CompositeConfigSchema.parse(tree)).toEqual(tree);
    expect(CompositeConfigSchema.parse({ operator: 'or', conditions: [] })).toEqual({ operator: 'or', conditions: [] });
    expect(CompositeConfigSchema.parse({ operator: 'not', condition: { type: 'x' } })).toEqual({ operator: 'not', condition: { type: 'x' } });
  });

  it('rejects unknown keys and bad types', () => {
    expect(issues({ expr: 'a', weight: 2 })).toEqual([{ path: [], message: 'Unrecognized key: "weight"' }]);
    expect(issues({ operator: 'xor', conditions: [] })).toEqual([{ path: ['operator'], message: 'unknown operator "xor"; expected one of and, or, not, threshold' }]);
    expect(issues({ operator: 'and', conditions: ['a'] })).toEqual([
      { path: ['conditions', 0], message: 'a condition must be a mapping (an assertion or an operator node)' },
    ]);
    expect(issues({ operator: 'threshold', value: 'high', condition: {} })?.[0]?.path).toEqual(['value']);
    expect(issues({ operator: 'threshold', value: 1, comparator: '=>', condition: {} })?.[0]?.path).toEqual(['comparator']);
    expect(issues({ expr: '  ' })).toEqual([{ path: ['expr'], message: 'expr cannot be empty' }]);
  });

  it('enforces the shape of each form', () => {
    expect(issues({})).toEqual([{ path: [], message: 'a composite needs expr (an expression) or operator (a condition tree)' }]);
    expect(issues({ expr: 'a', operator: 'and', conditions: [] })).toEqual([
      { path: ['operator'], message: 'use either expr or operator, not both' },
      { path: ['conditions'], message: 'conditions belongs to the tree form (operator), not to expr' },
    ]);
    expect(issues({ operator: 'and' })).toEqual([{ path: ['conditions'], message: 'and needs a conditions list' }]);
    expect(issues({ operator: 'not', conditions: [{}] })).toEqual([
      { path: ['condition'], message: 'not needs one condition' },
      { path: ['conditions'], message: 'not takes one condition, not a conditions list' },
    ]);
    expect(issues({ operator: 'threshold', condition: {} })).toEqual([{ path: ['value'], message: 'threshold needs a value' }]);
    expect(issues({ operator: 'or', conditions: [], value: 1 })).toEqual([{ path: ['value'], message: 'value only applies to operator: threshold' }]);
  });
});
