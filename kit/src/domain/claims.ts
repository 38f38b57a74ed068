/**
 * Reading who a provider's token names, the same in the services (core/oidc.ts, which verifies
 * it) and in the browser apps (which only choose what to show): a claim by name or dotted path
 * (`realm_access.roles`), and the first role the graph knows in a claim that may be a list.
 * Pure, with no import, so that the web bundles can take it too.
 */
export function claimAt(claims: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined),
      claims,
    );
}

export function firstRole<R extends string>(claim: unknown, roles: readonly R[]): R | undefined {
  const named = (Array.isArray(claim) ? claim : [claim]).map((r) => (typeof r === 'string' ? r.toUpperCase() : r));
  return named.find((r): r is R => roles.includes(r as R));
}
