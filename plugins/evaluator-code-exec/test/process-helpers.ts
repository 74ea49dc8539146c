/** A node script that starts a grandchild (which writes its pid to `pidFile` and idles forever), then `rest`. */
export function spawnsGrandchild(pidFile: string, rest: string): string {
  return `const { spawn } = require('node:child_process');
const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(g.pid));
${rest}`;
}
