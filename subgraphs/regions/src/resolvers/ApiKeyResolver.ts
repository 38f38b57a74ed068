import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKey, ApiKeyCheck, ApiKeyInput, IssuedApiKey } from '../entities/ApiKey';
import type { Context } from '../loaders';
import { ApiKeys } from '../write/apiKeys';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'Partner API keys, newest first: the national office only.' })
  apiKeys(@Ctx() { db, viewer }: Context): Promise<ApiKey[]> {
    return new ApiKeys(db, viewer).list();
  }

  @Mutation(() => IssuedApiKey, {
    description: 'Issues a partner API key (PARTNER access: public aggregates) with its own rate: the national office only. The key is in this answer only.',
  })
  issueApiKey(@Arg('input', () => ApiKeyInput, { description: 'The key.' }) input: ApiKeyInput, @Ctx() { db, viewer }: Context): Promise<IssuedApiKey> {
    return new ApiKeys(db, viewer).issue(input);
  }

  @Mutation(() => ApiKey, { description: 'Revokes a partner API key: from the next request on, it opens nothing. The national office only.' })
  revokeApiKey(
    @Arg('id', () => ID, { description: 'The key id.' }) id: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<ApiKey> {
    return new ApiKeys(db, viewer).revoke(id, reason);
  }

  /** The gateway's check of a key (by its SHA-256): not in the public schema. */
  @Directive('@inaccessible')
  @Query(() => ApiKeyCheck, { nullable: true, description: 'Internal: the gateway checks a partner key by its hash.' })
  _apiKey(@Arg('hash', { description: 'SHA-256 of the key, hex.' }) hash: string, @Ctx() { db }: Context): Promise<ApiKeyCheck | null> {
    return ApiKeys.check(db, hash);
  }
}
