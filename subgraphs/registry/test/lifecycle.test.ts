import { codes, gql, ok, signedToken } from '../../../test/support';
import { application, freshCin, regionStats, sql, submit, SUBMIT, THIS_YEAR } from './helpers';

// Writes in Dakhla-Oued Ed-Dahab (MA-12), this file's own region (test/regions.ts), so counts are exact.
const REGISTER = `mutation($id: ID!) { registerApplication(id: $id) { status registrationNumber registeredAt } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { status rejectionReason } }`;
const STRIKE = `mutation($id: ID!, $reason: StrikeOffReason!, $note: String) { strikeOff(id: $id, reason: $reason, note: $note) { status struckOffReason struckOffNote struckOffAt } }`;
const HISTORY = `query($id: ID!) { autoEntrepreneur(id: $id) { status history { kind fromStatus toStatus reason actorSubject actorRole at detail } } }`;

describe('the register lifecycle, through the gateway', () => {
  it('moves the statistics by exactly one at each step and keeps the history', async () => {
    const before = await regionStats('MA-12');
    const person = await submit(application());
    expect(person).toMatchObject({
      status: 'SUBMITTED',
      registrationNumber: null,
      region: { code: 'MA-12' },
      province: { code: 'MA-12-OUD', name: 'Oued Ed-Dahab' },
    });
    expect(await regionStats('MA-12')).toEqual({ ...before, applications: before.applications + 1 });

    const registered = ok(await gql(REGISTER, { as: 'NATIONAL', variables: { id: person.id } })).registerApplication;
    expect(registered.registrationNumber).toMatch(new RegExp(`^RNAE-${THIS_YEAR}-12-\\d{6}$`));
    expect(await regionStats('MA-12')).toEqual({
      ...before,
      applications: before.applications + 1,
      registered: before.registered + 1,
      active: before.active + 1,
      women: before.women + 1,
    });

    const struck = ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: person.id, reason: 'ON_REQUEST', note: 'Demande du 2 mars' } })).strikeOff;
    expect(struck).toMatchObject({ status: 'STRUCK_OFF', struckOffReason: 'ON_REQUEST', struckOffNote: 'Demande du 2 mars' });
    expect(await regionStats('MA-12')).toEqual({
      ...before,
      applications: before.applications + 1,
      registered: before.registered + 1,
      struckOff: before.struckOff + 1,
      active: before.active,
      women: before.women + 1,
    });

    const { autoEntrepreneur } = ok(await gql(HISTORY, { as: 'NATIONAL', variables: { id: person.id } }));
    expect(autoEntrepreneur.history.map((e: any) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['SUBMITTED', null, 'SUBMITTED'],
      ['REGISTERED', 'SUBMITTED', 'REGISTERED'],
      ['STRUCK_OFF', 'REGISTERED', 'STRUCK_OFF'],
    ]);
    expect(autoEntrepreneur.history.every((e: any) => e.actorSubject === 'test-national' && e.actorRole === 'NATIONAL')).toBe(true);
    expect(JSON.parse(autoEntrepreneur.history[1].detail).registrationNumber).toBe(registered.registrationNumber);
  });

  it('rejects with a reason, counts it once, and frees the CIN for a new application', async () => {
    const before = await regionStats('MA-12');
    const input = application();
    const person = await submit(input);
    const rejected = ok(await gql(REJECT, { as: 'NATIONAL', variables: { id: person.id, reason: 'Dossier incomplet' } })).rejectApplication;
    expect(rejected).toEqual({ status: 'REJECTED', rejectionReason: 'Dossier incomplet' });
    expect(await regionStats('MA-12')).toEqual({ ...before, applications: before.applications + 1, rejected: before.rejected + 1 });
    const again = await submit(input); // a rejected application is not live
    expect(again.id).not.toBe(person.id);
  });

  it('refuses every transition the law does not allow, and writes nothing', async () => {
    const submitted = await submit(application());
    const rejected = await submit(application());
    ok(await gql(REJECT, { as: 'NATIONAL', variables: { id: rejected.id, reason: 'Activité exclue' } }));
    const registered = await submit(application());
    ok(await gql(REGISTER, { as: 'NATIONAL', variables: { id: registered.id } }));
    const ids = [submitted.id, rejected.id, registered.id];
    const eventsOf = async () => (await sql('SELECT count(*)::int AS n FROM registry_event WHERE auto_entrepreneur_id = ANY($1)', [ids]))[0].n;
    const events = await eventsOf();
    const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
      [REGISTER, { id: rejected.id }, /REJECTED cannot become REGISTERED/],
      [REGISTER, { id: registered.id }, /REGISTERED cannot become REGISTERED/],
      [REJECT, { id: registered.id, reason: 'Trop tard' }, /REGISTERED cannot become REJECTED/],
      [STRIKE, { id: submitted.id, reason: 'ON_REQUEST' }, /SUBMITTED cannot become STRUCK_OFF/],
      [STRIKE, { id: rejected.id, reason: 'COURT_DECISION' }, /REJECTED cannot become STRUCK_OFF/],
      [REJECT, { id: submitted.id, reason: 'x' }, /3 to 500 characters/],
      [REGISTER, { id: '7f1c9a52-0000-4000-8000-000000000000' }, /No auto-entrepreneur has the id/],
    ];
    for (const [mutation, variables, message] of refusals) {
      const result = await gql(mutation, { as: 'NATIONAL', variables });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message).toMatch(message);
    }
    expect(await eventsOf()).toBe(events);
    const statuses = await sql('SELECT status FROM auto_entrepreneur WHERE id = ANY($1)', [ids]);
    expect(statuses.map((s) => s.status).sort()).toEqual(['REGISTERED', 'REJECTED', 'SUBMITTED']);
  });

  it('keeps one live application or registration per CIN, also against two racing submissions', async () => {
    const input = application({ nationalId: freshCin('ZR') });
    const results = await Promise.all([1, 2, 3].map(() => gql(SUBMIT, { as: 'NATIONAL', variables: { input } })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(/already has a live application/);
    }
    expect((await sql('SELECT count(*)::int AS n FROM auto_entrepreneur WHERE national_id = $1', [input.nationalId]))[0].n).toBe(1);
  });

  it('refuses excluded professions, minors, provinces of another region and unknown activities', async () => {
    const before = (await sql(`SELECT count(*)::int AS n FROM auto_entrepreneur WHERE region_code = 'MA-12'`))[0].n;
    const excluded = ok(await gql(`{ excludedActivities { code label eligible } }`)).excludedActivities;
    expect(excluded.map((a: any) => a.label)).toEqual(expect.arrayContaining(['Architecte', 'Avocat', 'Notaire', 'Médecin', 'Pharmacien']));
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ activityCode: excluded[0].code }, 'activityCode', /excluded from the auto-entrepreneur status/],
      [{ birthDate: `${THIS_YEAR - 17}-01-01` }, 'birthDate', /18 or older/],
      [{ province: 'MA-09-AGD' }, 'province', /not in the region MA-12/],
      [{ province: 'MA-12-XXX' }, 'province', /not a province code/],
      [{ activityCode: 'Z-99' }, 'activityCode', /not in the nomenclature/],
      [{ segment: undefined, gender: 'MALE', nationalId: 'JB-12' }, 'nationalId', /CIN/],
    ];
    for (const [override, field, message] of cases) {
      const result = await gql(SUBMIT, { as: 'NATIONAL', variables: { input: application(override) } });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe(field);
      expect(result.errors![0].message).toMatch(message);
    }
    expect((await sql(`SELECT count(*)::int AS n FROM auto_entrepreneur WHERE region_code = 'MA-12'`))[0].n).toBe(before);
  });

  it('never deletes: the database itself refuses DELETE on the register and changes to its history', async () => {
    await expect(sql(`DELETE FROM auto_entrepreneur WHERE region_code = 'MA-12'`)).rejects.toThrow(/keeps its history/);
    await expect(sql(`UPDATE registry_event SET reason = 'x' WHERE id = (SELECT min(id) FROM registry_event)`)).rejects.toThrow(/keeps its history/);
  });
});

describe('corrections the law allows', () => {
  const REACTIVATE = `mutation($id: ID!) { reactivate(id: $id, reason: "Radiation annulée : déclaration retrouvée") { status registrationNumber struckOffAt } }`;
  const RECTIFY = `mutation($id: ID!, $details: PersonalDetailsInput!) { rectifyPersonalDetails(id: $id, details: $details, reason: "Demande de l'intéressée du 3 mars") { fullName } }`;

  it('reactivates a struck-off auto-entrepreneur under the same number, and the statistics follow', async () => {
    const person = await submit(application());
    const { registrationNumber } = ok(await gql(REGISTER, { as: 'NATIONAL', variables: { id: person.id } })).registerApplication;
    ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: person.id, reason: 'ON_REQUEST' } }));
    const struck = await regionStats('MA-12');
    for (const as of ['REGIONAL_MA09', 'ADVISOR_MA09', 'PARTNER'] as const)
      expect(codes(await gql(REACTIVATE, { as, variables: { id: person.id } }))).toEqual(['FORBIDDEN']);
    const back = ok(await gql(REACTIVATE, { as: 'NATIONAL', variables: { id: person.id } })).reactivate;
    expect(back).toEqual({ status: 'REGISTERED', registrationNumber, struckOffAt: null });
    expect(await regionStats('MA-12')).toEqual({ ...struck, struckOff: struck.struckOff - 1, active: struck.active + 1 });
    expect(codes(await gql(REACTIVATE, { as: 'NATIONAL', variables: { id: person.id } }))).toEqual(['BAD_USER_INPUT']);
    const { autoEntrepreneur } = ok(await gql(HISTORY, { as: 'NATIONAL', variables: { id: person.id } }));
    expect(autoEntrepreneur.history.map((e: any) => e.kind)).toEqual(['SUBMITTED', 'REGISTERED', 'STRUCK_OFF', 'REACTIVATED']);
    expect(JSON.parse(autoEntrepreneur.history[3].detail)).toMatchObject({ struckOffReason: 'ON_REQUEST' });
  });

  it('refuses to reactivate while another application of the same CIN is live', async () => {
    const input = application();
    const first = await submit(input);
    ok(await gql(REGISTER, { as: 'NATIONAL', variables: { id: first.id } }));
    ok(await gql(STRIKE, { as: 'NATIONAL', variables: { id: first.id, reason: 'ON_REQUEST' } }));
    await submit(input); // the person applied again
    const refused = await gql(REACTIVATE, { as: 'NATIONAL', variables: { id: first.id } });
    expect(refused.errors![0].message).toMatch(/Another application of this CIN is live/);
  });

  it('rectifies name, phone and address, keeping the previous values for those who may read them', async () => {
    const person = await submit(application({ fullName: 'Hajar Ait Lahcen', phone: '0661234567' }));
    const details = { fullName: 'Hajar Aït Lahcen', phone: '0677000111', address: '12, rue Al Massira, Dakhla' };
    expect(codes(await gql(RECTIFY, { as: 'REGIONAL_MA09', variables: { id: person.id, details } }))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(RECTIFY, { as: 'NATIONAL', variables: { id: person.id, details } })).rectifyPersonalDetails.fullName).toBe('Hajar Aït Lahcen');
    const read = ok(
      await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { phone address history { kind reason detail } } }`, {
        as: 'NATIONAL',
        variables: { id: person.id },
      }),
    );
    expect(read.autoEntrepreneur).toMatchObject({ phone: '0677000111', address: details.address });
    const entry = read.autoEntrepreneur.history.find((e: any) => e.kind === 'DETAILS_RECTIFIED');
    expect(JSON.parse(entry.detail)).toEqual({ previous: { fullName: 'Hajar Ait Lahcen', phone: '0661234567', address: null }, current: details });
    // A council of the region reads the history, but not the phone and address in it.
    const council = `Bearer ${signedToken({ subject: 'test-council-12', role: 'REGIONAL', region: 'MA-12' })}`;
    const seen = ok(
      await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { history { kind detail } } }`, { authorization: council, variables: { id: person.id } }),
    );
    const shown = JSON.parse(seen.autoEntrepreneur.history.find((e: any) => e.kind === 'DETAILS_RECTIFIED').detail);
    expect(JSON.stringify(shown)).not.toMatch(/0661234567|0677000111|Massira/);
    expect(shown.current.fullName).toBe('Hajar Aït Lahcen');
    for (const [bad, field] of [
      [{ phone: '12' }, 'phone'],
      [{ fullName: 'x' }, 'fullName'],
      [{}, 'details'],
    ] as const) {
      const result = await gql(RECTIFY, { as: 'NATIONAL', variables: { id: person.id, details: bad } });
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
