import { appendFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';

/**
 * The benchmark's floor for any gateway: a bare Node HTTP proxy (no GraphQL at all, keep-alive
 * to the subgraph) between the client and one subgraph. What it adds to the subgraph's latency is
 * the price of one more process and loopback hop on this machine, which no Node gateway can beat.
 * `node bench-proxy.js TARGET_URL PORT [RECORD_FILE]`; prints "ready" once listening. With a
 * record file, each call is appended to it as a JSON line: its body, when it came and when it
 * was answered (bench-floor.ts replays a gateway's calls from them), and answers wait RECORD_DELAY_MS
 * first, so that calls a gateway sends together all arrive before any of them is answered.
 */
const [targetUrl, port, recordFile] = process.argv.slice(2);
const RECORD_DELAY_MS = 25;
const target = new URL(targetUrl);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

createServer((incoming, outgoing) => {
  const chunks: Buffer[] = [];
  const start = performance.timeOrigin + performance.now();
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
    if (incoming.headers.authorization) headers.authorization = incoming.headers.authorization;
    const call = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (answer) => {
      const parts: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => parts.push(chunk));
      answer.on('end', () => {
        const text = Buffer.concat(parts);
        const send = () => {
          outgoing.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json', 'content-length': text.length });
          outgoing.end(text);
        };
        if (!recordFile) return send();
        setTimeout(() => {
          appendFileSync(recordFile, `${JSON.stringify({ start, end: performance.timeOrigin + performance.now(), body: body.toString('utf8') })}\n`);
          send();
        }, RECORD_DELAY_MS);
      });
    });
    call.on('error', () => outgoing.writeHead(502).end());
    call.end(body);
  });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
