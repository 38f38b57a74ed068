import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@moukawil/kit';
import { Enrolment } from './Enrolment';

@ObjectType({ description: 'An edge of a page of enrolments.' })
export class EnrolmentEdge {
  @Field({ description: 'Opaque cursor of this row; pass it as "after" to read on.' })
  cursor!: string;

  @Field(() => Enrolment, { description: 'The enrolment.' })
  node!: Enrolment;
}

@ObjectType({ description: 'A page of enrolments, oldest application first (keyset pagination: every page costs the same).' })
export class EnrolmentConnection {
  @Field(() => [EnrolmentEdge], { description: 'The rows of this page.' })
  edges!: EnrolmentEdge[];

  @Field(() => PageInfo, { description: 'Whether more rows follow.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of enrolments matching the filters, all pages together.' })
  totalCount!: number;
}
