// A persistent subprocess agent (see @atp/adapter-cli README): one request per stdin line, one response line each.
import { createInterface } from 'node:readline';

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const { task_id } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ task_id, response: { version: '1.0', task_id, status: 'completed', artifacts: [{ type: 'file', path: 'out.txt', content: 'ok' }], metrics: { total_steps: 1 } } }) + '\n');
});
