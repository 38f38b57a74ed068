import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "One of Morocco's 12 regions (owned by the regions subgraph)." })
@Directive('@key(fields: "code")')
export class Region {
  @Field(() => ID, { description: 'ISO 3166-2:MA code, MA-01 … MA-12.' })
  code!: string;
}

@ObjectType({ description: 'An auto-entrepreneur (owned by the registry subgraph, which guards the personal data).' })
@Directive('@key(fields: "id")')
export class AutoEntrepreneur {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;
}

@ObjectType({ description: 'A partner organisation (owned by the regions subgraph).' })
@Directive('@key(fields: "code")')
export class Partner {
  @Field(() => ID, { description: 'Partner code, e.g. "CCIS-03".' })
  code!: string;
}
