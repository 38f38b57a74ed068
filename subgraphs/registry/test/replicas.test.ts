import { freePort } from '../../../test/ports';
import { startSubgraph, type ExtraSubgraph } from '../../../test/subgraph';
import { OWNED } from '../../../test/regions';
import { gql, ok, type Call } from '../../../test/support';
import { application, THIS_YEAR } from './helpers';

/**
 * Two registry processes over one database, as replicas behind a load balancer would be: the
 * figures each keeps in memory follow a write made through the other (the change feed's
 * notification), without a restart and without asking the database on every read.
 */
describe('registry replicas', () => {
  let replica: ExtraSubgraph;
  beforeAll(async () => {
    replica = await startSubgraph('registry', await freePort());
  });
  afterAll(() => replica?.child.kill('SIGTERM'));

  it("see each other's writes in the figures they keep", async () => {
    const shared: Call = { service: 'registry' };
    const other: Call = { origin: `http://127.0.0.1:${replica.port}` };
    const applications = async (where: Call) =>
      ok(
        await gql(
          `{ _entities(representations: [{ __typename: "Region", code: "${OWNED.replicas}" }]) {
      ... on Region { registrationStats(year: ${THIS_YEAR}) { applications } } } }`,
          where,
        ),
      )._entities[0].registrationStats.applications as number;
    const before = await applications(shared);
    expect(await applications(other)).toBe(before); // both keep it in memory now
    ok(
      await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, {
        ...other,
        as: 'NATIONAL',
        variables: { input: application({ region: OWNED.replicas, province: null }) },
      }),
    );
    // The replica wrote: it sees the write at once. The shared registry learns it from the notification.
    expect(await applications(other)).toBe(before + 1);
    let seen = before;
    for (let i = 0; i < 100 && seen === before; i++) {
      seen = await applications(shared);
      if (seen === before) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe(before + 1);
  });
});
