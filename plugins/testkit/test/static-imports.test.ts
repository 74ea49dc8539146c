import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsOf, staticImports } from '../src/authoring/index.js';
import { removeTempDirs, tempDir, writeFiles } from '../src/files/index.js';

afterAll(removeTempDirs);

describe('importsOf / staticImports', () => {
  let src = '';
  beforeAll(() => {
    src = tempDir({
      'index.ts': [
        "import { z } from 'zod';",
        "import type { Big } from 'big-sdk';",
        "import { helper,",
        "  other } from './helper.js';",
        "export { late } from './late.js';",
        "// import { commented } from 'nowhere';",
        'export const x = z.string();',
      ].join('\n'),
      'helper.ts': "import { readFileSync } from 'node:fs';\nimport { x } from './index.js';\nexport const helper = 1, other = 2;\n",
    });
  });

  it('lists the value imports of one file in source order, relative ones included', () => {
    expect(importsOf(join(src, 'index.ts'))).toEqual(['zod', './helper.js']);
  });

  it('follows relative imports (cycles included) and collects the packages they load; `export … from` is not followed', () => {
    expect([...staticImports(join(src, 'index.ts'))].sort()).toEqual(['node:fs', 'zod']);
    expect([...staticImports(join(src, 'helper.ts'))].sort()).toEqual(['node:fs', 'zod']);
  });

  it('reads a missing module as an error naming it', () => {
    writeFiles(src, { 'broken/index.ts': "import { gone } from './gone.js';\n" });
    expect(() => staticImports(join(src, 'broken/index.ts'))).toThrow(/gone\.ts/);
  });
});
