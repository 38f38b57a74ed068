const YEARS = 'registrationsByYear { year applications registered women struckOff turnover taxContribution }';
const BREAKDOWNS = 'bySegment { key registered women } byActivityCategory { key registered women }';
const STATUS = 'indicatorCode indicator { name nameEn nameAr unit } fromYear toYear target actual progress status targetSource';

export const NATIONAL_QUERY = `query NationalDashboard($year: Int!) {
  regions {
    code name nameAr isPilot
    registrationStats { applications registered womenShare }
  }
  nationalStats { applications registered womenShare active ${BREAKDOWNS} }
  scorecards(year: $year) {
    scope
    statuses { ${STATUS} }
  }
  ${YEARS}
}`;

export const REGION_QUERY = `query RegionDashboard($code: ID!, $year: Int!, $people: Boolean!) {
  region(code: $code) {
    code name nameAr capital population isPilot
    provinces { code name nameAr kind }
    registrationStats { applications registered active womenShare ${BREAKDOWNS} }
    ${YEARS}
    scorecardFor(year: $year) { statuses { ${STATUS} } }
    programmeStats { programme { code name kind } beneficiaries women womenShare amountLent }
    conventions { code title commitments { code label target { value status { actual progress } } } }
    events { id kind title heldOn attendance }
    advisors { id active trainedOn fullName @include(if: $people) }
  }
  autoEntrepreneurs(region: $code, first: 10) @include(if: $people) {
    totalCount
    edges { node { id fullName nationalId status registeredAt activity { label } } }
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
