import { FieldResolver, Resolver, Root } from 'type-graphql';
import { RegistryEvent } from '../entities/RegistryEvent';

@Resolver(() => RegistryEvent)
export class HistoryResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Details as JSON, e.g. the RNAE number given, the declared amount, the previous amount of a correction.',
  })
  detail(@Root() event: RegistryEvent): string | null {
    return event.detail ? JSON.stringify(event.detail) : null;
  }
}
