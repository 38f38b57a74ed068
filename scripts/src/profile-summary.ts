import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * A `node --cpu-prof` profile as text a reader can check a claim against: where the process
 * spent its time, inclusive of callees (a function counted once per sample, however deep it
 * recurses), and idle time apart. `top` lines, largest first.
 */
export function summariseProfile(file: string, top = 40): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  const selfByLabel = new Map<string, number>();
  let total = 0;
  let startup = 0;
  for (const [id, micros] of self) {
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(label(byId.get(at)!));
    if (stack.some((name) => name.startsWith('Module._load '))) {
      // loading code, not serving: left out
      startup += micros;
      continue;
    }
    total += micros;
    const leaf = label(byId.get(id)!);
    selfByLabel.set(leaf, (selfByLabel.get(leaf) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const idle = [...selfByLabel].filter(([name]) => name.startsWith('(idle)')).reduce((sum, [, t]) => sum + t, 0);
  const ms = (micros: number) => (micros / 1000).toFixed(0).padStart(7);
  const rows = [...inclusive]
    .filter(([name]) => !name.startsWith('(root)') && !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  const selfRows = [...selfByLabel]
    .filter(([name]) => !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15);
  return (
    [
      `${file}: ${ms(total).trim()} ms sampled after start-up (${ms(startup).trim()} ms loading code left out), of which ${ms(idle).trim()} ms idle (waiting on sockets, the database or timers)`,
      '',
      'Inclusive (the function and what it calls):',
      '  incl ms  self ms  function',
      ...rows.map(([name, t]) => `${ms(t)}  ${ms(selfByLabel.get(name) ?? 0)}  ${name}`),
      '',
      'Self (the function alone):',
      ...selfRows.map(([name, t]) => `${ms(t)}  ${name}`),
    ].join('\n') + '\n'
  );
}
