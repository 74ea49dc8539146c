import { describe, expect, it } from 'vitest';
import { renderDiagnostic, positionAt, didYouMean, nearest, Secret, redact, isSensitiveName } from '../src/index.js';
import { inspect } from 'node:util';

describe('diagnostics', () => {
  const source = 'test_suite: demo\ntests:\n  - id: t1\n    assertions:\n      - type: artfact\n';
  it('renders file:line:col, message, code frame and hint', () => {
    const start = positionAt(source, source.indexOf('artfact'));
    const end = positionAt(source, source.indexOf('artfact') + 7);
    expect(start).toEqual({ line: 5, column: 15, offset: 65 });
    const text = renderDiagnostic(
      { code: 'ATP_UNKNOWN_EVALUATOR', severity: 'error', message: 'unknown evaluator "artfact" — did you mean "artifact"?', file: 'suite.yaml', start, end, hint: 'installed evaluators: artifact, contains' },
      { source },
    );
    expect(text).toBe(
      [
        'suite.yaml:5:15: error unknown evaluator "artfact" — did you mean "artifact"? [ATP_UNKNOWN_EVALUATOR]',
        '  3 |   - id: t1',
        '  4 |     assertions:',
        '> 5 |       - type: artfact',
        '    |               ^^^^^^^',
        '  6 | ',
        '  hint: installed evaluators: artifact, contains',
      ].join('\n'),
    );
  });

  it('suggests near names only', () => {
    expect(nearest('artfact', ['artifact', 'behavior'])).toBe('artifact');
    expect(nearest('zzz', ['artifact', 'behavior'])).toBeUndefined();
    expect(didYouMean('tesst', ['tests', 'test_suite'])).toBe(' — did you mean "tests"?');
  });
});

describe('secrets', () => {
  it('print as *** everywhere but reveal()', () => {
    const s = new Secret('sk-live-123456');
    expect(String(s)).toBe('***');
    expect(`${s}`).toBe('***');
    expect(JSON.stringify({ token: s })).toBe('{"token":"***"}');
    expect(inspect({ token: s })).toBe("{ token: *** }");
    expect(s.reveal()).toBe('sk-live-123456');
    expect(redact('401: bad key sk-live-123456', ['sk-live-123456'])).toBe('401: bad key ***');
  });
  it('recognises sensitive variable names', () => {
    expect(['OPENAI_API_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'AWS_REGION', 'MY_SECRET'].every(isSensitiveName)).toBe(true);
    expect(['PATH', 'HOME', 'API_ENDPOINT', 'RUNS'].some(isSensitiveName)).toBe(false);
  });
});
