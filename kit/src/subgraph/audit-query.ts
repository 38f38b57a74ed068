import { Arg, Args, Ctx, Directive, Field, ID, ObjectType, Query, Resolver, type ClassType } from 'type-graphql';
import { badInput, forbidden } from '../core/errors';
import { PageArgs, PageInfo } from './connection';
import { pageSize } from './pagination';
import type { BaseContext } from './server';

/** Shareable: the registry and programs subgraphs each answer their own trail in this shape. */
@Directive('@shareable')
@ObjectType({ description: 'One entry of an audit trail (law 09-08): who read or wrote personal data, what, when, in which request.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier, increasing with time.' })
  id!: string;

  @Field({ description: 'When (ISO 8601).' })
  at!: string;

  @Field(() => ID, { description: "The caller's token subject." })
  actor!: string;

  @Field(() => String, { nullable: true, description: "The caller's role (null: anonymous)." })
  role!: string | null;

  @Field(() => ID, { nullable: true, description: "The caller's region, for the regional roles." })
  region!: string | null;

  @Field({ description: 'What: PERSONAL_DATA_READ, a search (SEARCH_BY_NATIONAL_ID…), or a write (REGISTERED, ENROLLED…).' })
  action!: string;

  @Field(() => [ID], { description: 'The people it concerned (auto-entrepreneur ids).' })
  people!: string[];

  @Field({ description: 'Details as JSON (the operation, the search, the record written).' })
  detail!: string;

  @Field(() => String, { nullable: true, description: 'The request id (x-request-id), to follow it through the logs.' })
  requestId!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'An edge of a page of audit entries.' })
export class AuditEntryEdge {
  @Field({ description: 'Opaque cursor of this entry; pass it as "after" to read on.' })
  cursor!: string;

  @Field(() => AuditEntry, { description: 'The entry.' })
  node!: AuditEntry;
}

@Directive('@shareable')
@ObjectType({ description: 'A page of an audit trail, newest first.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries of this page.' })
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo, { description: 'Whether more entries follow.' })
  pageInfo!: PageInfo;
}

interface Row {
  id: string;
  at: Date;
  actor: string;
  role: string | null;
  region: string | null;
  action: string;
  people: string[];
  detail: unknown;
  request_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The query over a subgraph's audit trail, for the national office only, by person, by actor and
 * by period, newest first in keyset pages (on the trail's primary key, or its people and actor
 * indexes). Each subgraph that holds personal data names it (`auditTrail` in the registry,
 * `programsAuditTrail` in programs): federation gives one root field one owner.
 */
export function auditTrailResolver(field: string, what: string): ClassType {
  @Resolver()
  class AuditTrailResolver {
    @Query(() => AuditEntryConnection, { name: field, description: `The audit trail of ${what}, newest first: the national office only.` })
    async trail(
      @Ctx() { db, viewer }: BaseContext,
      @Arg('person', () => ID, { nullable: true, description: 'Only entries about this auto-entrepreneur.' }) person?: string | null,
      @Arg('actor', () => ID, { nullable: true, description: "Only this caller's entries (token subject)." }) actor?: string | null,
      @Arg('from', () => String, { nullable: true, description: 'From this instant (ISO 8601), included.' }) from?: string | null,
      @Arg('to', () => String, { nullable: true, description: 'Until this instant (ISO 8601), excluded.' }) to?: string | null,
      @Args() { first, after }: PageArgs = {},
    ): Promise<AuditEntryConnection> {
      if (viewer.role !== 'NATIONAL') throw forbidden('The audit trail is for the national office');
      if (person && !UUID.test(person)) throw badInput(`"${person.slice(0, 40)}" is not an id (a UUID)`, 'person');
      const instant = (value: string | null | undefined, name: string) => {
        if (!value) return null;
        if (Number.isNaN(Date.parse(value))) throw badInput(`"${value.slice(0, 40)}" is not an ISO 8601 instant`, name);
        return new Date(value).toISOString();
      };
      const cursor = after ? Number(Buffer.from(after, 'base64url').toString()) : null;
      if (after && !Number.isSafeInteger(cursor)) throw badInput('This cursor does not come from this list', 'after');
      const size = pageSize(first);
      const rows: Row[] = await db.query(
        `SELECT * FROM audit_trail WHERE ($1::uuid IS NULL OR people @> ARRAY[$1::uuid]) AND ($2::text IS NULL OR actor = $2)
         AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4) AND ($5::bigint IS NULL OR id < $5)
         ORDER BY id DESC LIMIT $6`,
        [person ?? null, actor ?? null, instant(from, 'from'), instant(to, 'to'), cursor, size + 1],
      );
      const page = rows.slice(0, size);
      return {
        edges: page.map((r) => ({
          cursor: Buffer.from(String(r.id)).toString('base64url'),
          node: {
            id: String(r.id),
            at: r.at.toISOString(),
            actor: r.actor,
            role: r.role,
            region: r.region,
            action: r.action,
            people: r.people,
            detail: JSON.stringify(r.detail),
            requestId: r.request_id,
          },
        })),
        pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? Buffer.from(String(page[page.length - 1].id)).toString('base64url') : null },
      };
    }
  }
  return AuditTrailResolver;
}
