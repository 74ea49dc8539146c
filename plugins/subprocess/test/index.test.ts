import { describe, expect, it } from 'vitest';
import { runHarness } from './helpers.js';

describe('@atp/subprocess entry', () => {
  it('loads no child_process until something is spawned (plugin indexes import it at start-up)', async () => {
    const probe = "process.moduleLoadList.some((m) => m.includes('child_process'))";
    const result = await runHarness(`
      await import('@atp/subprocess').then(({ splitShellWords }) => splitShellWords('a b'));
      const before = ${probe};
      const { spawnInGroup } = await import('@atp/subprocess');
      const child = spawnInGroup(process.execPath, ['-e', ''], { stdio: 'ignore' });
      child.on('exit', () => console.log(JSON.stringify({ before, after: ${probe} })));`);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ before: false, after: true });
  });
});
