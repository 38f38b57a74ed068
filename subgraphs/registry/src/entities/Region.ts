import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The regions subgraph owns Region; the registry adds its statistics to it. */
@ObjectType({ description: "One of Morocco's 12 regions (owned by the regions subgraph)." })
@Directive('@key(fields: "code")')
export class Region {
  @Field(() => ID, { description: 'ISO 3166-2:MA code, MA-01 … MA-12.' })
  code!: string;
}

/** The regions subgraph owns Province; the registry refers to it. */
@ObjectType({ description: 'A prefecture or province (owned by the regions subgraph).' })
@Directive('@key(fields: "code")')
export class Province {
  @Field(() => ID, { description: 'Code, e.g. "MA-09-AGD".' })
  code!: string;
}
