/** Facts and law shared by several subgraphs: the territory (regions, provinces), the roles and what each may see of people, the demo population. */
export { canManageIn, canReadPeopleOf, canWriteIn, nationalIdFor, nationalIdVisibility, peopleListScope, readableRegions } from './access';
export { demoPerson, pickWeighted, streamFor } from './demo';
export type { DemoPerson } from './demo';
export { ROLES } from './roles';
export type { Role } from './roles';
export { REGIONS, REGION_CODES, provinceArg, provincesOf, regionArg, scopeArg } from './territory';
