/**
 * Where each view lives. A scope is the nation ("MA") or a region ("MA-09"); every view of a scope
 * has its own address under /dashboard, so a view can be bookmarked, shared and reopened:
 *   /dashboard[/<region>][/<view>[/<id>]]   e.g. /dashboard/MA-09/register/1234
 */
export const VIEWS = ['overview', 'register', 'programmes', 'events', 'indicators', 'exports', 'admin', 'advisor'] as const;
export type View = (typeof VIEWS)[number];

export const NATION = 'MA';

export interface Route {
  scope: string;
  view: View;
  /** A person of the register, in the register view. */
  id: string | null;
}

const REGION = /^MA-\d{2}$/;

/** The route of a path below /dashboard (wouter gives it without its base), or null when it names no view. */
export function routeOf(path: string): Route | null {
  const parts = path.split('/').filter(Boolean);
  const scope = parts[0] && REGION.test(parts[0]) ? parts.shift()! : NATION;
  const view = (parts.shift() ?? 'overview') as View;
  const id = parts.shift() ?? null;
  if (!VIEWS.includes(view) || parts.length > 0 || (id !== null && view !== 'register')) return null;
  return { scope, view, id };
}

/**
 * The address of a view of a scope, for a link or a navigation: absolute ("~", wouter's mark for
 * outside the base), so that the nation's overview is /dashboard and not /dashboard/.
 */
export function pathOf(scope: string, view: View = 'overview', id?: string): string {
  const parts = ['/dashboard', scope === NATION ? null : scope, view === 'overview' ? null : view, id ?? null].filter(Boolean);
  return `~${parts.join('/')}`;
}
