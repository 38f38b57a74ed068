import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const PORTS: Record<string, number> = { gateway: 4000, regions: 4001, registry: 4002, programs: 4003, indicators: 4004 };

function hasDockerCompose(): boolean {
  return spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
}

describe('docker-compose.yml', () => {
  it('wires PostgreSQL, the four subgraphs and the gateway on the contract ports', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'indicators', 'postgres', 'programs', 'regions', 'registry']);
    for (const [name, port] of Object.entries(PORTS)) {
      const service = compose.services[name];
      // One door: only the gateway is published; the subgraphs are reached on the compose network.
      if (name === 'gateway') expect(service.ports).toEqual([`${port}:${port}`]);
      else expect([service.ports, service.expose]).toEqual([undefined, [String(port)]]);
      expect(existsSync(join(ROOT, service.command.at(-1)))).toBe(true); // the built entry point exists
      expect(service.healthcheck.test.join(' ')).toContain(`127.0.0.1:${port}/health`);
      expect(service.environment.LISTEN_HOST).toBe('0.0.0.0'); // reached from the other containers
      expect(service.environment[`${name.toUpperCase()}_PORT`]).toBe(String(port));
      for (const dependency of Object.keys(service.depends_on)) expect(compose.services[dependency]).toBeDefined();
    }
    for (const name of ['regions', 'registry', 'programs', 'indicators']) {
      expect(new URL(compose.services[name].environment.DATABASE_URL).hostname).toBe('postgres');
      // Scalable (--scale): no fixed container name, no host port; and every subgraph finds the gateway.
      expect(compose.services[name].container_name).toBeUndefined();
      expect(compose.services[name].environment.GATEWAY_URL).toBe('http://gateway:4000/graphql');
      expect(compose.services.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${PORTS[name]}/graphql`);
    }
  });

  it('builds every workspace package in the image', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const workspaces: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).workspaces;
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
  });

  it('passes docker-compose config (installed by the test setup), and demands a JWT secret', () => {
    expect(hasDockerCompose()).toBe(true);
    const file = join(ROOT, 'docker-compose.yml');
    execFileSync('docker-compose', ['-f', file, 'config', '-q'], { env: { ...process.env, JWT_SECRET: 'test-secret' } });
    const env = { ...process.env };
    delete env.JWT_SECRET;
    const missing = spawnSync('docker-compose', ['-f', file, 'config', '-q'], { env, encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('JWT_SECRET');
  });
});
