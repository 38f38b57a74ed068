import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "One of Morocco's 12 regions (owned by the regions subgraph)." })
@Directive('@key(fields: "code")')
export class Region {
  @Field(() => ID, { description: 'ISO 3166-2:MA code, MA-01 … MA-12.' })
  code!: string;
}
