import { randomUUID } from 'node:crypto';
import { codes, councilOf, gql, ok, type Call } from '../../../test/support';

/**
 * Partners, conventions and commitments recorded by a council, and a commitment's one figure: the
 * indicator target it names. Writes in Drâa-Tafilalet (MA-08), where only the operational suites
 * record (test/regions.ts), on targets of years no other suite reads.
 */
const HERE = 'MA-08';
const council: Call = { authorization: councilOf(HERE) };
const national: Call = { as: 'NATIONAL' };
const stamp = randomUUID().slice(0, 6).toUpperCase();

const PARTNER = `mutation($input: PartnerInput!) { createPartner(input: $input) { code regionCode } }`;
const CONVENTION = `mutation($input: ConventionInput!) { createConvention(input: $input) { code status region { code } parties { code } } }`;
const COMMIT = `mutation($convention: ID!, $input: CommitmentInput!) {
  addCommitment(convention: $convention, input: $input) { code target { indicatorCode scope fromYear toYear value status { target actual progress status } } } }`;

describe('partners, conventions and commitments of a region', () => {
  it("records them for the council's region, and a commitment shows its target's live value", async () => {
    const partner = `ASSO-${stamp}`;
    expect(
      ok(
        await gql(PARTNER, {
          ...council,
          variables: { input: { code: partner, name: 'Association des artisans du Tafilalet', kind: 'ASSOCIATION', region: HERE } },
        }),
      ).createPartner,
    ).toEqual({
      code: partner,
      regionCode: HERE,
    });
    const code = `CONV-${stamp}`;
    const convention = {
      code,
      title: 'Convention régionale artisans auto-entrepreneurs',
      kind: 'PARTNERSHIP',
      region: HERE,
      summary: 'Accompagnement des artisans.',
      source: 'Conseil régional (test)',
      parties: [partner, 'MAROC-PME'],
    };
    expect(ok(await gql(CONVENTION, { ...council, variables: { input: convention } })).createConvention).toEqual({
      code,
      status: 'PLANNED',
      region: { code: HERE },
      parties: expect.arrayContaining([{ code: 'MAROC-PME' }, { code: partner }]),
    });
    ok(await gql(`mutation { signConvention(code: "${code}", year: 2030) { status signedYear } }`, council));

    // The figure lives in the indicators subgraph: set the target, then commit to it.
    const year = 2030 + Math.floor(Math.random() * 50);
    const setTarget = `mutation($input: TargetInput!) { setTarget(input: $input) { id } }`;
    const targetId = ok(
      await gql(setTarget, {
        ...council,
        variables: { input: { indicator: 'AE_REGISTRATIONS', region: HERE, fromYear: year, toYear: year + 1, value: 300, source: 'Convention (test)' } },
      }),
    ).setTarget.id;
    const commitment = { key: 'AE', label: '300 inscriptions', indicator: 'AE_REGISTRATIONS', fromYear: year, dueYear: year + 1, unit: 'registrations' };
    const added = ok(await gql(COMMIT, { ...council, variables: { convention: code, input: commitment } })).addCommitment;
    expect(added.target).toMatchObject({ indicatorCode: 'AE_REGISTRATIONS', scope: HERE, fromYear: year, toYear: year + 1, value: 300 });
    expect(added.target.status).toMatchObject({ target: 300, actual: 0, progress: 0 });

    ok(await gql(`mutation { reviseTarget(id: "${targetId}", value: 350, reason: "Objectif relevé") { value } }`, council));
    const [read] = ok(await gql(`{ conventions(region: "${HERE}") { code commitments { target { value } } } }`)).conventions.filter(
      (c: any) => c.code === code,
    );
    expect(read.commitments).toEqual([{ target: { value: 350 } }]);

    const history = ok(await gql(`{ conventions(region: "${HERE}") { code history { action } } }`, council)).conventions.find(
      (c: any) => c.code === code,
    ).history;
    expect(history.map((h: any) => h.action)).toEqual(['CONVENTION_CREATED', 'CONVENTION_SIGNED', 'COMMITMENT_ADDED']);
  });

  it('refuses other regions, national records for councils, other roles, and a commitment without its target', async () => {
    const input = { code: `ASSO-X${stamp}`, name: 'Partenaire', kind: 'ASSOCIATION', region: HERE };
    for (const caller of [{ as: 'REGIONAL_MA09' } as Call, { as: 'ADVISOR_MA09' } as Call, { as: 'PARTNER' } as Call, {}])
      expect(codes(await gql(PARTNER, { ...caller, variables: { input } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(PARTNER, { ...council, variables: { input: { ...input, region: null } } }))).toEqual(['FORBIDDEN']);
    const bad = await gql(CONVENTION, {
      ...national,
      variables: {
        input: {
          code: `CONV-X${stamp}`,
          title: 'Convention',
          kind: 'PARTNERSHIP',
          region: HERE,
          summary: 'Résumé',
          source: 'Test',
          parties: ['NO-SUCH-PARTNER'],
        },
      },
    });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parties' });
    const orphan = await gql(COMMIT, {
      ...national,
      variables: {
        convention: 'CONV-CCIS-FM-ANPME-2019',
        input: { key: `X${stamp}`, label: 'Sans cible', indicator: 'WORKSHOPS', fromYear: 2099, dueYear: 2099, unit: 'workshops' },
      },
    });
    expect(orphan.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'indicator' });
    expect(codes(await gql(`{ conventions { history { action } } }`))).toContain('FORBIDDEN');
  });

  it('links every commitment of the sources to the target that measures it, with the same value', async () => {
    const { conventions } = ok(await gql(`{ conventions { code commitments { code targetValue target { value scope fromYear toYear } } } }`));
    const commitments = conventions.flatMap((c: any) => c.commitments).filter((c: any) => !c.code.includes(stamp));
    expect(commitments.length).toBeGreaterThanOrEqual(9);
    for (const commitment of commitments) expect(commitment.target?.value).toBe(commitment.targetValue);
  });
});
