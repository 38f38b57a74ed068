import { Agent, createServer, request } from 'node:http';

/**
 * The benchmark's floor for any gateway: a bare Node HTTP proxy (no GraphQL at all, keep-alive
 * to the subgraph) between the client and one subgraph. What it adds to the subgraph's latency is
 * the price of one more process and loopback hop on this machine, which no Node gateway can beat.
 * `node bench-proxy.js TARGET_URL PORT`; prints "ready" once listening.
 */
const [targetUrl, port] = process.argv.slice(2);
const target = new URL(targetUrl);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

createServer((incoming, outgoing) => {
  const chunks: Buffer[] = [];
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
        outgoing.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json', 'content-length': text.length });
        outgoing.end(text);
      });
    });
    call.on('error', () => outgoing.writeHead(502).end());
    call.end(body);
  });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
