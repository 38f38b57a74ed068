import { claimAt, firstRole } from '../src/domain/claims';

/** Reading a provider's claims (a unit test: no stack). */
describe('provider claims', () => {
  const claims = { role: 'regional', realm_access: { roles: ['offline_access', 'NATIONAL'] }, region: 'MA-09' };

  it('reads a claim by name or dotted path, own keys only', () => {
    expect(claimAt(claims, 'region')).toBe('MA-09');
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['offline_access', 'NATIONAL']);
    expect(claimAt(claims, 'constructor')).toBeUndefined();
    expect(claimAt(claims, 'region.length')).toBeUndefined();
  });

  it('takes the first role the graph knows, from a value or a list, whatever its case', () => {
    const roles = ['NATIONAL', 'REGIONAL'] as const;
    expect(firstRole(claimAt(claims, 'role'), roles)).toBe('REGIONAL');
    expect(firstRole(claimAt(claims, 'realm_access.roles'), roles)).toBe('NATIONAL');
    expect(firstRole(['admin', 42], roles)).toBeUndefined();
  });
});
