import { spawn } from 'node:child_process';

/** The package manager that ran us (`npm_config_user_agent`: `pnpm/9.1.0 npm/? node/v20…`), npm by default. */
export function packageManager(userAgent: string | undefined): 'npm' | 'pnpm' | 'yarn' | 'bun' {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** Run `<pm> install` in `dir` with the output shown; resolves to its exit code. */
export function runInstall(dir: string, pm: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(pm, ['install'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
