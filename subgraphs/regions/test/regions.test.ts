import { codes, gql, ok } from '../../../test/support';

// Straight to the regions subgraph: its public face is its schema.
const call = (query: string) => gql(query, { service: 'regions' });

describe('regions subgraph', () => {
  it('holds the 12 regions of decree 2-15-40 with their 2024 census population', async () => {
    const { regions } = ok(await call(`{ regions { code name nameAr capital population isPilot provinces { code kind } } }`));
    expect(regions).toHaveLength(12);
    expect(regions.reduce((sum: number, r: any) => sum + r.population, 0)).toBe(36_828_330);
    expect(regions.filter((r: any) => r.isPilot).map((r: any) => r.name)).toEqual(["L'Oriental", 'Rabat-Salé-Kénitra', 'Drâa-Tafilalet', 'Souss-Massa']);
    const provinces = regions.flatMap((r: any) => r.provinces);
    expect(provinces).toHaveLength(75);
    expect(provinces.filter((p: any) => p.kind === 'PREFECTURE')).toHaveLength(13);
    expect(regions.find((r: any) => r.code === 'MA-09')).toMatchObject({ name: 'Souss-Massa', nameAr: 'سوس-ماسة', capital: 'Agadir', population: 3_020_431 });
  });

  it('lists the provinces of FACTS.md for the pilot regions, and Fès-Meknès, with their prefectures', async () => {
    // [prefectures, provinces] of each region FACTS.md lists.
    const expected: Record<string, [string[], string[]]> = {
      'MA-02': [['Oujda-Angad'], ['Berkane', 'Driouch', 'Figuig', 'Guercif', 'Jerada', 'Nador', 'Taourirt']],
      'MA-09': [
        ['Agadir Ida-Outanane', 'Inezgane-Aït Melloul'],
        ['Chtouka-Aït Baha', 'Taroudant', 'Tata', 'Tiznit'],
      ],
      'MA-08': [[], ['Errachidia', 'Midelt', 'Ouarzazate', 'Tinghir', 'Zagora']],
      'MA-04': [
        ['Rabat', 'Salé', 'Skhirate-Témara'],
        ['Khémisset', 'Kénitra', 'Sidi Kacem', 'Sidi Slimane'],
      ],
      'MA-03': [
        ['Fès', 'Meknès'],
        ['Boulemane', 'El Hajeb', 'Ifrane', 'Moulay Yacoub', 'Sefrou', 'Taounate', 'Taza'],
      ],
    };
    for (const [code, [prefectures, provinces]] of Object.entries(expected)) {
      const { region } = ok(await call(`{ region(code: "${code}") { provinces { name kind } } }`));
      const names = (kind: string) =>
        region.provinces
          .filter((p: any) => p.kind === kind)
          .map((p: any) => p.name)
          .sort((a: string, b: string) => a.localeCompare(b, 'fr'));
      expect([code, names('PREFECTURE'), names('PROVINCE')]).toEqual([code, prefectures, [...provinces].sort((a, b) => a.localeCompare(b, 'fr'))]);
    }
  });

  it('carries the CCIS Fès-Meknès / ANPME convention with every commitment', async () => {
    const { region } = ok(
      await call(`{ region(code: "MA-03") { conventions { code kind status parties { code kind } commitments { measure targetValue dueYear } } } }`),
    );
    const convention = region.conventions.find((c: any) => c.code === 'CONV-CCIS-FM-ANPME-2019');
    expect(convention.parties.map((p: any) => p.code).sort()).toEqual(['CCIS-03', 'MAROC-PME']);
    const commitments = Object.fromEntries(convention.commitments.map((c: any) => [`${c.measure}@${c.dueYear}`, c.targetValue]));
    expect(commitments).toEqual({
      'AE_REGISTRATIONS@2019': 500,
      'AE_REGISTRATIONS@2020': 1500,
      'BENEFICIARIES_TPME_PROMOTION@2019': 20,
      'BENEFICIARIES_TPME_PROMOTION@2020': 60,
      'BENEFICIARIES_PROJECT_HOLDER_SUPPORT@2019': 200,
      'BENEFICIARIES_PROJECT_HOLDER_SUPPORT@2020': 600,
      'BENEFICIARIES_POST_CREATION_SUPPORT@2019': 20,
      'BENEFICIARIES_POST_CREATION_SUPPORT@2020': 40,
    });
    const taoujdat = region.conventions.find((c: any) => c.code === 'ACC-CCIS-FM-TAOUJDAT-2019');
    expect(taoujdat).toMatchObject({ kind: 'COOPERATION_FRAMEWORK', status: 'SIGNED' });
    expect(taoujdat.parties.map((p: any) => p.kind).sort()).toEqual(['CCIS', 'MUNICIPAL_COUNCIL']);
  });

  it('gives each region its council, chamber and investment centre, and ecosystems', async () => {
    const { regions } = ok(await call(`{ regions { code partners { kind } ecosystems { sector } } }`));
    for (const region of regions) {
      expect(region.partners.map((p: any) => p.kind)).toEqual(expect.arrayContaining(['REGIONAL_COUNCIL', 'CCIS', 'CRI']));
      expect(region.ecosystems.length).toBeGreaterThan(0);
    }
    const sectors = regions.flatMap((r: any) => r.ecosystems.map((e: any) => e.sector));
    expect(sectors).toEqual(expect.arrayContaining(['RENEWABLE_ENERGY', 'CIRCULAR_ECONOMY']));
    const national = ok(await call(`{ partners { code } conventions { code region { code } } }`));
    expect(national.partners.map((p: any) => p.code)).toEqual(expect.arrayContaining(['MAROC-PME', 'BARID-AL-MAGHRIB']));
    expect(national.conventions.find((c: any) => c.code === 'CONV-INITIATIVE-MAROCPME-2018').region).toBeNull();
  });

  it('answers a region by its code, and BAD_USER_INPUT naming the codes for any code that is not a region’s', async () => {
    expect(ok(await call(`{ region(code: "MA-12") { name } }`)).region.name).toBe('Dakhla-Oued Ed-Dahab');
    for (const code of ['Souss', 'MA-13', 'MA-00', 'ma-09', '']) {
      const bad = await call(`{ region(code: ${JSON.stringify(code)}) { name } }`);
      expect([code, codes(bad), bad.data?.region ?? null]).toEqual([code, ['BAD_USER_INPUT'], null]);
      expect(bad.errors![0].message).toContain('MA-01 … MA-12');
    }
  });

  it('resolves Region entity references in one batch', async () => {
    const { _entities } = ok(
      await call(
        `{ _entities(representations: [{ __typename: "Region", code: "MA-08" }, { __typename: "Region", code: "MA-04" }]) { ... on Region { code name } } }`,
      ),
    );
    expect(_entities).toEqual([
      { code: 'MA-08', name: 'Drâa-Tafilalet' },
      { code: 'MA-04', name: 'Rabat-Salé-Kénitra' },
    ]);
  });
});
