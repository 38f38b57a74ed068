import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Enrolment } from '../entities/Enrolment';
import { Programme } from '../entities/Programme';
import { AutoEntrepreneur } from '../entities/stubs';
import type { Context } from '../loaders';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Programme, { description: 'The programme.' })
  async programme(@Root() enrolment: Enrolment, @Ctx() { loaders }: Context): Promise<Programme> {
    return (await loaders.programme.load(enrolment.programmeCode))!;
  }

  @FieldResolver(() => AutoEntrepreneur, { nullable: true, description: 'The beneficiary, resolved by the registry under its access rules (null with FORBIDDEN when the caller may not read this person).' })
  beneficiary(@Root() enrolment: Enrolment): AutoEntrepreneur {
    return { id: enrolment.autoEntrepreneurId };
  }
}

@Resolver(() => AutoEntrepreneur)
export class AutoEntrepreneurEnrolmentsResolver {
  @FieldResolver(() => [Enrolment], { nullable: true, description: 'Programmes this auto-entrepreneur is enrolled in. From the programs subgraph.' })
  enrolments(@Root() person: AutoEntrepreneur, @Ctx() { loaders }: Context): Promise<Enrolment[]> {
    return loaders.enrolmentsOfPerson.load(person.id);
  }
}
