import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import autocannon from 'autocannon';

/** What one load run measured. */
export interface Load {
  requestsPerSecond: number;
  mean: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
}

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
  token: string | null;
}

/** `connections` clients sending `request` to `url` for `seconds`, with autocannon. */
export async function load(url: string, request: Request, seconds: number, connections: number): Promise<Load> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body: JSON.stringify({ query: request.query, variables: request.variables }),
    duration: seconds,
    connections,
  });
  return loadOf(result);
}

/** An autocannon run's figures, as the report shows them. */
export function loadOf(result: autocannon.Result): Load {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    mean: Math.round(result.latency.average * 1000) / 1000,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One client sending `request` to `url` again and again for `seconds` (back to back, or
 * `perSecond`), each request timed with the high-resolution clock: autocannon's histograms count
 * whole milliseconds, too coarse for answers that take one.
 */
export async function sequential(url: string, request: Request, seconds: number, perSecond?: number): Promise<Load> {
  const target = new URL(url);
  const body = JSON.stringify({ query: request.query, variables: request.variables });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const call = httpRequest({ agent: keepAlive, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      });
      call.on('error', reject);
      call.end(body);
    });
  const times: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  // Paced (perSecond): one request every 1/perSecond s, as a person's dashboard sends them; else back to back.
  for (let next = Date.now(); Date.now() < until;) {
    await once().then(
      (ms) => times.push(ms),
      () => errors++,
    );
    if (perSecond) {
      next += 1000 / perSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100;
  const mean = times.reduce((sum, t) => sum + t, 0) / Math.max(times.length, 1);
  return { requestsPerSecond: Math.round(times.length / seconds), mean: Math.round(mean * 1000) / 1000, p50: at(0.5), p97_5: at(0.975), p99: at(0.99), errors };
}

/** Rounds of one scenario as one: request-weighted mean, worst percentiles. */
export function combine(runs: Load[]): Load {
  const weight = runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) || 1;
  const worst = (key: 'p50' | 'p97_5' | 'p99') => Math.max(...runs.map((r) => r[key]));
  return {
    requestsPerSecond: Math.round(weight / runs.length),
    mean: Math.round((runs.reduce((sum, r) => sum + r.mean * r.requestsPerSecond, 0) / weight) * 1000) / 1000,
    p50: worst('p50'),
    p97_5: worst('p97_5'),
    p99: worst('p99'),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** One GraphQL request; throws on errors (a bench on a broken answer measures nothing). */
export async function gql<T = unknown>(
  url: string,
  request: Request,
  headers: Record<string, string> = {},
): Promise<{ data: T; extensions?: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(request.token ? { authorization: `Bearer ${request.token}` } : {}), ...headers },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[]; extensions?: Record<string, unknown> };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

/** A process's resident memory now, MB (VmRSS). */
export function rssNow(pid: number): number | null {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return null;
  }
}

/**
 * Downloads a CSV export to the end, counting its lines without keeping them, and what the serving
 * process held meanwhile: its resident memory before, and its high-water mark after.
 */
export async function exportRun(
  url: string,
  token: string,
  pid: number,
): Promise<{ rows: number; seconds: number; rssBeforeMB: number | null; rssPeakMB: number | null }> {
  const rssBeforeMB = rssNow(pid);
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`export ${url}: HTTP ${response.status}`);
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) for (const byte of chunk) if (byte === 10) lines++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows: lines - 1, seconds, rssBeforeMB, rssPeakMB: rssPeak(pid) };
}

/** A process's peak resident memory, MB (VmHWM). */
export function rssPeak(pid: number): number | null {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return null;
  }
}

/** A CSV of `rows` applications with CINs no earlier run has imported (two random letters, a random base). */
export function importFile(path: string, rows: number): string {
  const prefix = String.fromCharCode(65 + Math.floor(Math.random() * 26), 65 + Math.floor(Math.random() * 26));
  const base = 1_000_000 + Math.floor(Math.random() * 8_000_000);
  writeFileSync(
    path,
    [
      'fullName,nationalId,gender,birthDate,region,activityCode,province,phone,segment,submittedAt',
      ...Array.from({ length: rows }, (_, i) => `Bench Person,${prefix}${base + i},FEMALE,1990-01-01,MA-06,C-01,,,,2025-01-02T00:00:00Z`),
    ].join('\n'),
  );
  return path;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
