import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ApiScope {
  GRAPHQL = 'GRAPHQL',
  EXPORTS = 'EXPORTS',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description:
    'What a partner key opens: GraphQL queries at /graphql, CSV exports at /export. Either way a key reads what the PARTNER role reads: public aggregates.',
});

@Entity('api_key')
@ObjectType({ description: 'A partner API key (its secret is never shown again after issue; the graph keeps its hash only). National office only.' })
export class ApiKey {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID, { description: 'Identifier; the callers of this key appear as "apikey:<id>" in the audit trail and the logs.' })
  id!: string;

  @Column({ type: 'text' })
  @Field({ description: 'What the key is for, e.g. "Observatoire régional — Souss-Massa".' })
  name!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Who holds it (organisation and contact).' })
  owner!: string;

  @Column({ type: 'varchar', length: 40, name: 'partner_code', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The partner organisation, when it is one of Query.partners.' })
  partnerCode!: string | null;

  @Column({ type: 'varchar', length: 12, array: true })
  @Field(() => [ApiScope], { description: 'What it opens.' })
  scopes!: ApiScope[];

  @Column({ type: 'int', name: 'rate_per_minute', nullable: true })
  @Field(() => Int, { nullable: true, description: "Requests a minute it may make; null: the gateway's default rate." })
  ratePerMinute!: number | null;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'The first characters of the key, to recognise it.' })
  prefix!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'text', name: 'created_by' })
  @Field(() => ID, { description: 'Who issued it (token subject).' })
  createdBy!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  @Field({ description: 'When it was issued.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was revoked: from the next request on, it opens nothing.' })
  revokedAt!: Date | null;

  @Column({ type: 'text', name: 'revoke_reason', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  revokeReason!: string | null;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last accepted by the gateway (to the minute).' })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'A key just issued: the secret is in this answer only.' })
export class IssuedApiKey {
  @Field({ description: 'The key to hand to the partner (sent as "Authorization: ApiKey <key>"); it cannot be shown again.' })
  key!: string;

  @Field(() => ApiKey, { description: 'The key as listed.' })
  apiKey!: ApiKey;
}

@Directive('@inaccessible')
@ObjectType({ description: 'What the gateway learns of a key it is shown (internal: not in the public schema).' })
export class ApiKeyCheck {
  @Field(() => ID)
  id!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];

  @Field(() => Int, { nullable: true })
  ratePerMinute!: number | null;
}

@InputType({ description: 'A partner key to issue.' })
export class ApiKeyInput {
  @Field({ description: 'What the key is for.' })
  name!: string;

  @Field({ description: 'Who holds it (organisation and contact).' })
  owner!: string;

  @Field(() => ID, { nullable: true, description: 'The partner organisation, when it is one of Query.partners.' })
  partner?: string | null;

  @Field(() => [ApiScope], { description: 'What it opens (at least one).' })
  scopes!: ApiScope[];

  @Field(() => Int, { nullable: true, description: "Requests a minute (1 to 6,000); the gateway's default when left out." })
  ratePerMinute?: number | null;
}
