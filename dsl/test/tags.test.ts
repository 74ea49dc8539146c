import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '@atp/kernel';
import { matchesTags, parseTagFilter } from '../src/tags.js';
import { compileSource } from '../src/compile-source.js';
import { fakeKernel } from './helpers/fake-kernel.js';
import { FIXTURES } from './helpers/fixtures.js';

describe('tag filter', () => {
  it('parses includes and excludes', () => {
    expect(parseTagFilter(' smoke, core ,!slow,, ! ')).toEqual({ include: ['smoke', 'core'], exclude: ['slow'] });
  });

  it('matches: none excluded, and one included when includes are given', () => {
    expect(matchesTags(['smoke', 'fast'], 'smoke,core,!slow')).toBe(true);
    expect(matchesTags(['integration', 'core', 'slow'], 'smoke,core,!slow')).toBe(false);
    expect(matchesTags(['unit'], 'smoke,core')).toBe(false);
    expect(matchesTags([], '!slow')).toBe(true);
    expect(matchesTags(['x'], '')).toBe(true);
  });

  // Reference §8.3 case 9.
  describe('tags_demo.yaml', async () => {
    const file = 'valid/tags-demo/suite.yaml';
    const source = readFileSync(join(FIXTURES, file), 'utf8');
    const kernel = await fakeKernel();
    const ids = async (tags: string) => {
      const out = await compileSource(source, { file, kernel, env: {}, tags });
      return { ids: out.plan?.tests.map((t) => t.id), diagnostics: out.diagnostics };
    };

    it('--tags=smoke,core,!slow', async () => {
      expect((await ids('smoke,core,!slow')).ids).toEqual(['smoke-001', 'smoke-002']);
    });

    it('--tags=!slow', async () => {
      expect((await ids('!slow')).ids).toEqual(['smoke-001', 'smoke-002', 'unit-001']);
    });

    it('--tags=nomatch gives an empty plan and a warning', async () => {
      const out = await ids('nomatch');
      expect(out.ids).toEqual([]);
      expect(out.diagnostics).toEqual([
        {
          code: ErrorCodes.ATP_NO_TESTS,
          severity: 'warning',
          message: 'no test matches the tag filter "nomatch"',
          file,
          hint: 'tags used in this suite: core, edge_case, fast, integration, regression, slow, smoke, unit',
        },
      ]);
    });

    it.each(['!', ',', ' ! , '])('--tags=%j names no tag: an error, not a silent "no filter"', async (tags) => {
      const out = await ids(tags);
      expect(out.ids).toBeUndefined();
      expect(out.diagnostics).toMatchObject([{ code: ErrorCodes.ATP_USAGE, severity: 'error', message: `the tag filter "${tags}" names no tag` }]);
    });
  });
});
