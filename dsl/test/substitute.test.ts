import { describe, expect, it } from 'vitest';
import { substitute } from '../src/substitute.js';

const env = { NAME: 'world', EMPTY: '', lower: 'yes' };

describe('substitute', () => {
  it('leaves strings without $ alone', () => {
    expect(substitute('plain text', env)).toBeUndefined();
  });

  it('replaces set variables and defaults', () => {
    expect(substitute('hello ${NAME}!', env)).toEqual({ value: 'hello world!', uses: [{ name: 'NAME', index: 6, length: 7, missing: false, text: 'world' }], pure: false });
    expect(substitute('${UNSET:fallback:with:colons}', env)?.value).toBe('fallback:with:colons');
    expect(substitute('${UNSET:}', env)?.value).toBe('');
    expect(substitute('${lower}', env)?.value).toBe('yes');
  });

  it('treats :default as "unset" and :-default as "unset or empty"', () => {
    expect(substitute('${EMPTY:x}', env)?.value).toBe('');
    expect(substitute('${EMPTY:-x}', env)?.value).toBe('x');
    expect(substitute('${NAME:-x}', env)?.value).toBe('world');
  });

  it('marks a string that is exactly one reference as pure', () => {
    expect(substitute('${NAME}', env)?.pure).toBe(true);
    expect(substitute('${NAME} ', env)?.pure).toBe(false);
    expect(substitute('${NAME}${NAME}', env)?.pure).toBe(false);
  });

  it('reports missing variables and keeps their text', () => {
    expect(substitute('a ${MISSING} b', env)).toEqual({ value: 'a ${MISSING} b', uses: [{ name: 'MISSING', index: 2, length: 10, missing: true }], pure: false });
  });

  it('writes $${ as a literal ${ and leaves malformed references verbatim', () => {
    expect(substitute('$${NAME}', env)?.value).toBe('${NAME}');
    expect(substitute('cost $5, ${1X}, ${ NAME }, ${NAME', env)?.value).toBe('cost $5, ${1X}, ${ NAME }, ${NAME');
    expect(substitute('$$$', env)?.value).toBe('$$$');
  });
});
