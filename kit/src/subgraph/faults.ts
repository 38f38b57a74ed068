import { isProduction } from '../core/config';

/**
 * Fault injection for the crash tests, never in production: MOUKAWIL_FAULT="<point>:<n>" kills
 * the process (SIGKILL, as a crash would) the n-th time it passes `point`. The one point so far,
 * `after-commit`, lies between a keyed mutation's commit and its answer leaving the process.
 */
const armed = (() => {
  const match = /^([a-z-]+):(\d+)$/.exec(process.env.MOUKAWIL_FAULT ?? '');
  return match && !isProduction() ? { point: match[1], left: Number(match[2]) } : null;
})();

export function faultPoint(point: string): void {
  if (armed?.point !== point) return;
  armed.left -= 1;
  if (armed.left === 0) process.kill(process.pid, 'SIGKILL');
}
