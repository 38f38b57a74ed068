/**
 * The operations of the dashboard, one a view: each asks only what its view shows, so that an
 * overview stays light on a slow link and the detail is read when it is opened.
 */
const YEARS = 'registrationsByYear { year applications registered women struckOff turnover taxContribution }';
const BREAKDOWNS = 'bySegment { key registered women } byActivityCategory { key registered women }';
const STATUS = 'indicatorCode indicator { name nameEn nameAr unit } fromYear toYear target actual progress status targetSource';
const NAME = 'code name nameAr isPilot';

export const REGIONS_QUERY = `query RegionNames { regions { code name nameAr } }`;

export const NATIONAL_OVERVIEW_QUERY = `query NationalOverview($year: Int!) {
  regions {
    ${NAME}
    registrationStats { applications registered womenShare }
  }
  nationalStats { applications registered womenShare active }
  scorecards(year: $year) {
    scope
    statuses { indicatorCode target progress status }
  }
}`;

export const REGION_OVERVIEW_QUERY = `query RegionOverview($code: ID!, $year: Int!) {
  region(code: $code) {
    ${NAME} capital population
    provinces { code name nameAr kind }
    registrationStats { applications registered active womenShare }
    scorecardFor(year: $year) { statuses { ${STATUS} } }
    events { id }
    advisors { id active }
  }
}`;

export const NATIONAL_REGISTER_QUERY = `query NationalRegister {
  regions { ${NAME} registrationStats { registered } }
  nationalStats { ${BREAKDOWNS} }
  ${YEARS}
}`;

export const REGION_REGISTER_QUERY = `query RegionRegister($code: ID!) {
  region(code: $code) {
    ${NAME}
    registrationStats { ${BREAKDOWNS} }
    ${YEARS}
  }
}`;

/** A page of the register's people: by region (or the nation's, for the national office), by name or number, or the applications waiting. */
export const PEOPLE_QUERY = `query People($region: ID, $search: String, $status: RegistrationStatus, $after: String) {
  autoEntrepreneurs(region: $region, search: $search, status: $status, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id fullName nationalId status registrationNumber submittedAt registeredAt region { code } activity { label } } }
  }
}`;

export const PERSON_QUERY = `query Person($id: ID!, $contact: Boolean!) {
  autoEntrepreneur(id: $id) {
    id fullName nationalId status registrationNumber gender segment activityCategory
    birthDate @include(if: $contact)
    phone @include(if: $contact)
    submittedAt registeredAt rejectedAt rejectionReason struckOffAt struckOffReason
    region { code name nameAr } province { name nameAr } activity { code label }
    history { id kind fromStatus toStatus reason at }
    declarations { id year quarter amount tax }
    enrolments { id status enrolledAt programme { code name } }
  }
}`;

export const NATIONAL_PROGRAMMES_QUERY = `query NationalProgrammes {
  regions { ${NAME} }
  programmes { code name kind operator startYear endYear isNational regions { code } }
}`;

export const REGION_PROGRAMMES_QUERY = `query RegionProgrammes($code: ID!, $people: Boolean!) {
  region(code: $code) {
    ${NAME}
    programmeStats { programme { code name kind } beneficiaries women womenShare amountLent }
    advisors { id active trainedOn fullName @include(if: $people) }
  }
}`;

export const NATIONAL_EVENTS_QUERY = `query NationalEvents($year: Int!) {
  events(year: $year) { id kind title heldOn attendance regionCode }
}`;

export const REGION_EVENTS_QUERY = `query RegionEvents($code: ID!, $people: Boolean!) {
  region(code: $code) {
    ${NAME}
    events { id kind title heldOn attendance place }
    advisors { id active trainedOn fullName @include(if: $people) }
  }
}`;

export const NATIONAL_INDICATORS_QUERY = `query NationalIndicators($year: Int!) {
  nationalScorecardFor(year: $year) { statuses { ${STATUS} } }
}`;

export const REGION_INDICATORS_QUERY = `query RegionIndicators($code: ID!, $year: Int!) {
  region(code: $code) {
    ${NAME}
    scorecardFor(year: $year) { statuses { ${STATUS} } }
    conventions { code title commitments { code label target { value status { actual progress } } } }
  }
}`;

/** The daily snapshots of one scope's scorecard (asked for only when its chart is shown). */
const HISTORY = 'statuses { indicatorCode fromYear toYear history { day target actual } }';

/** One scorecard's daily snapshots: the nation's, or a region's (one scorecard each, so that the cost counts one). */
export const NATIONAL_HISTORY_QUERY = `query NationalIndicatorHistory($year: Int!) {
  nationalScorecardFor(year: $year) { ${HISTORY} }
}`;

export const REGION_HISTORY_QUERY = `query RegionIndicatorHistory($code: ID!, $year: Int!) {
  region(code: $code) { scorecardFor(year: $year) { ${HISTORY} } }
}`;

export const API_KEYS_QUERY = `query ApiKeys { apiKeys { id name owner partnerCode scopes ratePerMinute prefix createdAt revokedAt } }`;

/** The advisor signed in, with the people they follow and each enrolment's follow-ups. */
export const ADVISOR_QUERY = `query AdvisorWork {
  me {
    id fullName regionCode
    enrolments {
      id status enrolledAt
      programme { code name }
      beneficiary { id fullName }
      followUps { id on kind }
    }
  }
  activities { code label category }
}`;
