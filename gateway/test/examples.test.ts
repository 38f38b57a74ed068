import { EXAMPLE_OPERATIONS } from '../src/examples';
import { gql, type TokenName } from '../../test/support';

const TOKEN_OF_ROLE: Record<string, TokenName> = { REGIONAL: 'REGIONAL_MA09', ADVISOR: 'ADVISOR_MA09', NATIONAL: 'NATIONAL' };

/** A fresh national ID, so the registration example can run again and again. */
const freshNationalId = () => `ZE${String(Date.now() % 1_000_000).padStart(6, '0')}`;

describe("the explorer's saved operations", () => {
  it.each(EXAMPLE_OPERATIONS.map((e) => [e.title, e] as const))('%s runs without error with the role it names', async (_title, example) => {
    const variables = JSON.parse(JSON.stringify(example.variables ?? {}));
    if (variables.input?.nationalId) variables.input.nationalId = freshNationalId();
    const result = await gql(example.query, { variables, as: example.role ? TOKEN_OF_ROLE[example.role] : undefined });
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(Object.values(result.data ?? {}).every((value) => value !== null)).toBe(true);
  });

  it.each(EXAMPLE_OPERATIONS.filter((e) => e.role).map((e) => [e.title, e] as const))('%s is refused without a token', async (_title, example) => {
    const result = await gql(example.query, { variables: example.variables });
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
