import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../src/index.js';
import { ROOT } from './helpers.js';

describe('error code catalogue', () => {
  it('every ATP_* code has a section in docs/reference/errors.md, and no section is stale', () => {
    const doc = readFileSync(join(ROOT, 'docs/reference/errors.md'), 'utf8');
    const sections = [...doc.matchAll(/^## (ATP_[A-Z_]+)$/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual(Object.values(ErrorCodes).sort());
  });
});
