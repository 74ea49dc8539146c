// A minimal keep-alive HTTP agent: answers every ATP request with one small artifact. Prints its port.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    const { task_id } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const body = JSON.stringify({ version: '1.0', task_id, status: 'completed', artifacts: [{ type: 'file', path: 'out.txt', content: 'ok' }], metrics: { total_steps: 1 } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
