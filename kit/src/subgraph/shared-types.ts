import { Directive, Field, Float, ID, Int, ObjectType, type ClassType } from 'type-graphql';

/**
 * The types several subgraphs declare, described once. Federation wants each subgraph to declare
 * the entities it refers to (their keys: `Region @key(code)`…) and the value types it shares
 * (`RegistryFigures`, `ProgrammeFigures`, `@shareable`); a subgraph takes them from here
 * (`sharedType('Region')`, in its foreign.ts), so that the keys and the shared figures cannot drift
 * apart between subgraphs. The owner of an entity declares its full type itself.
 */
type Scalar = typeof ID | typeof Int | typeof Float | typeof String;
type Shape = Record<string, [type: Scalar, description: string]>;

const FIGURES_PERIOD = {
  fromYear: [Int, 'First year of the period.'],
  toYear: [Int, 'Last year of the period.'],
} satisfies Shape;

const TYPES = {
  Region: {
    key: 'code',
    description: "One of Morocco's 12 regions (owned by the regions subgraph).",
    fields: { code: [ID, 'ISO 3166-2:MA code, MA-01 … MA-12.'] },
  },
  Province: { key: 'code', description: 'A prefecture or province (owned by the regions subgraph).', fields: { code: [ID, 'Code, e.g. "MA-09-AGD".'] } },
  Partner: { key: 'code', description: 'A partner organisation (owned by the regions subgraph).', fields: { code: [ID, 'Partner code, e.g. "CCIS-03".'] } },
  AutoEntrepreneur: {
    key: 'id',
    description: 'An auto-entrepreneur (owned by the registry subgraph, which guards the personal data).',
    fields: { id: [ID, 'Stable identifier (UUID).'] },
  },
  IndicatorStatus: {
    key: 'indicatorCode scope fromYear toYear',
    description: 'Status of an indicator for a scope and period (owned by the indicators subgraph).',
    fields: { indicatorCode: [ID, 'Code of the indicator.'], scope: [ID, '"MA" for the nation, or a region code.'], ...FIGURES_PERIOD },
  },
  Scorecard: {
    key: 'scope year periods',
    description: 'A scorecard of one scope and year (owned by the indicators subgraph).',
    fields: {
      scope: [ID, '"MA" for the nation, or a region code.'],
      year: [Int, 'The year of the scorecard.'],
      periods: [String, 'The periods its statuses measure, "first-last" years separated by spaces.'],
    },
  },
  Target: {
    key: 'indicatorCode scope fromYear toYear',
    description: 'A target set for an indicator over a period (owned by the indicators subgraph, which keeps its one value).',
    fields: { indicatorCode: [ID, 'Code of the indicator.'], scope: [ID, '"MA" for the nation, or a region code.'], ...FIGURES_PERIOD },
  },
  RegistryFigures: {
    key: null,
    description: 'Registration figures of the register over an indicator period (provided by the registry subgraph, for the indicators subgraph).',
    fields: {
      ...FIGURES_PERIOD,
      applications: [Int, 'Applications filed over the period.'],
      registered: [Int, 'Registrations made over the period.'],
      active: [Int, 'Auto-entrepreneurs active at the end of the period.'],
      registeredToDate: [Int, 'Registrations since the register opened, up to the end of the period (struck off included).'],
      women: [Int, 'Women among the registrations of the period.'],
      turnover: [Float, 'Turnover declared over the period, MAD.'],
      taxContribution: [Float, 'Tax on turnover over the period, MAD.'],
    },
  },
  ProgrammeFigures: {
    key: null,
    description: 'Programme, network and event figures over an indicator period (provided by the programs subgraph, for the indicators subgraph).',
    fields: {
      ...FIGURES_PERIOD,
      honourLoanBeneficiaries: [Int, "Honour-loan (prêt d'honneur) beneficiaries enrolled in the period."],
      honourLoanAmount: [Float, 'Amounts lent as honour loans to enrolments of the period, MAD.'],
      digitalInclusionBeneficiaries: [Int, 'Digital-inclusion beneficiaries enrolled in the period.'],
      tpmePromotionBeneficiaries: [Int, 'TPME-promotion beneficiaries enrolled in the period.'],
      projectHolderBeneficiaries: [Int, 'Project-holder support beneficiaries enrolled in the period.'],
      postCreationBeneficiaries: [Int, 'Post-creation support beneficiaries enrolled in the period.'],
      advisorsTrained: [Int, 'Advisors trained in the period.'],
      awarenessEvents: [Int, 'Awareness events held in the period.'],
      workshops: [Int, 'Advisor training workshops held in the period.'],
      councilsEngaged: [Int, 'Regional councils sensitised in the period.'],
    },
  },
} satisfies Record<string, { key: string | null; description: string; fields: Shape }>;

type Types = typeof TYPES;
type ValueOf<S extends Scalar> = S extends typeof Int | typeof Float ? number : string;
/** The TypeScript shape of a shared type: its fields with their values. */
export type SharedType<N extends keyof Types> = {
  [F in keyof Types[N]['fields']]: Types[N]['fields'][F] extends [infer S extends Scalar, string] ? ValueOf<S> : never;
};

/**
 * A type-graphql class for the shared type `name`, made when a subgraph asks for it (so that only
 * the subgraphs that use a type declare it): an entity key stub with its `@key`, or a `@shareable`
 * value type.
 */
export function sharedType<N extends keyof Types>(name: N): ClassType<SharedType<N>> {
  const spec = TYPES[name];
  const type = { [name]: class {} }[name] as ClassType<SharedType<N>>; // a class named as the type
  for (const [field, [scalar, description]] of Object.entries(spec.fields as Shape)) Field(() => scalar, { description })(type.prototype, field);
  Directive(spec.key ? `@key(fields: "${spec.key}")` : '@shareable')(type);
  ObjectType(name, { description: spec.description })(type);
  return type;
}
