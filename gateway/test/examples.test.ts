import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The operations the README and docs/api.md show, read from the files themselves, so a page cannot drift from the graph. */
function documentedOperations(): Array<[string, string]> {
  const root = path.join(__dirname, '..', '..');
  return ['README.md', 'docs/api.md'].flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => [`${file} #${i + 1}`, m[1]] as [string, string]),
  );
}

describe("the documentation's operations", () => {
  const operations = documentedOperations();

  it('are found in the pages', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
  });

  it.each(operations)('%s runs without error (queries as the national office, mutations as an advisor of MA-09)', async (_name, text) => {
    const mutation = /^\s*mutation\b/.test(text);
    const query = text.replace(/nationalId: "[A-Z]+\d+"/g, `nationalId: "${freshNationalId()}"`);
    const variables = /\$year\b/.test(query) ? { year: 2019 } : {};
    const result = await gql(query, { variables, as: mutation ? 'ADVISOR_MA09' : 'NATIONAL' });
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data ?? {}).every((value) => value !== null)).toBe(true);
  });
});
