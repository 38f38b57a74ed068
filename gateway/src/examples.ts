/**
 * The saved example operations of the explorer: what partner developers, the national office and
 * the councils run most. One list, used by the explorer page and by the tests (which run every one,
 * so an example that stops working fails the build).
 */
export interface ExampleOperation {
  /** Short name, shown on the explorer's button. */
  title: string;
  /** What it shows and who may run it. */
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The role it needs, if any (the explorer says so; the tests run it with that role). */
  role?: 'NATIONAL' | 'REGIONAL' | 'ADVISOR';
}

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    title: 'Tableau de bord national',
    description:
      "The 12 regions with their register figures and programmes, the national figures, the 13 scorecards of the year (the nation's and each region's) and the national timeline. Public: no token needed.",
    query: `query NationalDashboard($year: Int!) {
  regions {
    code
    name
    isPilot
    registrationStats { applications registered womenShare }
    programmes { code kind }
  }
  nationalStats { applications registered womenShare }
  scorecards(year: $year) {
    scope
    statuses { indicator { code } target actual progress status }
  }
  registrationsByYear { year applications registered }
}`,
    variables: { year: 2019 },
  },
  {
    title: 'Tranche régionale',
    description:
      "One region's slice: its figures, programmes and beneficiaries, events and the people of its register. People need a token of the region (REGIONAL or ADVISOR) or NATIONAL; a council sees national IDs masked.",
    query: `query RegionalSlice($region: ID!) {
  region(code: $region) {
    name
    capital
    registrationStats { registered active womenShare }
    programmeStats { programme { name kind } beneficiaries womenShare amountLent }
    events(kind: AWARENESS) { title heldOn attendance }
  }
  autoEntrepreneurs(region: $region, first: 10) {
    totalCount
    edges { node { fullName nationalId status activity { label } registeredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { region: 'MA-09' },
    role: 'REGIONAL',
  },
  {
    title: 'Scorecard',
    description: 'Target versus live actual for every indicator of a scope and year: the Fès-Meknès convention targets for 2019. Public.',
    query: `query Scorecard($region: ID!, $year: Int!) {
  region(code: $region) {
    name
    scorecardFor(year: $year) {
      statuses {
        indicator { code name unit }
        fromYear
        toYear
        target
        targetSource
        actual
        progress
        status
        trend
      }
    }
  }
}`,
    variables: { region: 'MA-03', year: 2019 },
  },
  {
    title: 'Inscription',
    description:
      'Files an application to the national register (RNAE), then registerApplication(id) assigns the RNAE number. Needs an ADVISOR token of the region, or NATIONAL.',
    query: `mutation SubmitApplication($input: ApplicationInput!) {
  submitApplication(input: $input) {
    id
    status
    submittedAt
    region { code name }
    activity { label category taxRate turnoverCeiling }
  }
}`,
    variables: {
      input: {
        fullName: 'Fatima Zahra Ait Lahcen',
        nationalId: 'JB482913',
        gender: 'FEMALE',
        birthDate: '1994-03-12',
        region: 'MA-09',
        province: 'MA-09-AGD',
        activityCode: 'S-01',
        phone: '+212661234567',
        segment: 'TRADITIONAL_OR_INFORMAL',
      },
    },
    role: 'ADVISOR',
  },
];
