import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/index.js';
import { ROOT } from './helpers.js';

const GUIDE = join(ROOT, 'docs/guides/plugin-development.md');

/** The code blocks of the guide marked `<!-- file: PATH -->`, with the path they show. */
function shownFiles(markdown: string): Array<{ path: string; code: string }> {
  const out: Array<{ path: string; code: string }> = [];
  const re = /<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) out.push({ path: m[1]!, code: m[2]! });
  return out;
}

describe('docs/guides/plugin-development.md', () => {
  const guide = readFileSync(GUIDE, 'utf8');
  const files = shownFiles(guide);

  it('shows the templates exactly as they are', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { path, code } of files) expect({ path, code }).toEqual({ path, code: readFileSync(join(ROOT, path), 'utf8').replace(/\n$/, '') });
  });

  it('has a full example of every kind: the plugin, its implementation and its tests', () => {
    for (const kind of KINDS) {
      const shown = files.filter((f) => f.path.startsWith(`templates/${kind}/`)).map((f) => f.path);
      expect(shown).toContain(`templates/${kind}/src/index.ts`);
      expect(shown.some((p) => p.startsWith(`templates/${kind}/test/`))).toBe(true);
      expect(shown.filter((p) => p.startsWith(`templates/${kind}/src/`)).length).toBeGreaterThanOrEqual(2);
    }
  });
});
