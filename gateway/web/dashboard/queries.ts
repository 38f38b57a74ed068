export const NATIONAL_QUERY = `query NationalDashboard($year: Int!) {
  regions {
    code name isPilot
    registrationStats { applications registered womenShare }
  }
  nationalStats { applications registered womenShare active }
  scorecards(year: $year) {
    scope
    statuses { indicatorCode indicator { name nameEn unit } fromYear toYear target actual progress status targetSource }
  }
  registrationsByYear { year applications registered women }
}`;

export const REGION_QUERY = `query RegionDashboard($code: ID!, $year: Int!, $people: Boolean!) {
  region(code: $code) {
    code name capital population isPilot
    registrationStats { applications registered active womenShare }
    registrationsByYear { year applications registered women }
    scorecardFor(year: $year) { statuses { indicatorCode indicator { name nameEn unit } fromYear toYear target actual progress status targetSource } }
    programmeStats { programme { code name kind } beneficiaries women womenShare amountLent }
    events { id kind title heldOn attendance }
    advisors { id active trainedOn fullName @include(if: $people) }
  }
  autoEntrepreneurs(region: $code, first: 10) @include(if: $people) {
    totalCount
    edges { node { id fullName nationalId status registeredAt activity { label } } }
  }
}`;
