import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';

/**
 * The floor of any gateway on one query plan: a bare Node process that answers each request by
 * making the subgraph calls a gateway made for it, step by step (the calls of a step together),
 * with no GraphQL work at all, and sends back their answers side by side. `node bench-replay.js
 * STEPS_FILE PORT`, the steps as JSON: [[{ url, body }, …], …] (bench-floor.ts records them);
 * prints "ready" once listening.
 */
const [stepsFile, port] = process.argv.slice(2);
const steps = JSON.parse(readFileSync(stepsFile, 'utf8')) as Array<Array<{ url: string; body: string }>>;
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string, authorization: string | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (authorization) headers.authorization = authorization;
    const call = request(url, { agent, method: 'POST', headers }, (answer) => {
      const parts: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => parts.push(chunk));
      answer.on('end', () => resolve(Buffer.concat(parts)));
    });
    call.on('error', reject);
    call.end(body);
  });
}

createServer((incoming, outgoing) => {
  incoming.resume().on('end', async () => {
    try {
      const answers: Buffer[] = [];
      for (const step of steps) answers.push(...(await Promise.all(step.map(({ url, body }) => post(url, body, incoming.headers.authorization)))));
      const text = Buffer.concat([Buffer.from('['), ...answers.flatMap((answer, i) => (i > 0 ? [Buffer.from(','), answer] : [answer])), Buffer.from(']')]);
      outgoing.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length }).end(text);
    } catch {
      outgoing.writeHead(502).end();
    }
  });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
