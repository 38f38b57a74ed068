/** The half of the kit only subgraphs (and the scripts that run their databases) load: the server, the database and its migrations runner, federation, paging, loaders, bulk writes, idempotency, the audit trail, cached figures. */
// type-graphql's decorators (paging types below) need the metadata polyfill before any of them runs.
import 'reflect-metadata';
export { check, codeArg, countArg, dayArg, optionalTextArg, optionalYearArg, periodsArg, textArg, today, uuidArg, yearArg } from './arguments';
export { auditWrite, auditedOnCommit, notePersonalRead } from './audit';
export { AuditEntry, AuditEntryConnection, auditTrailResolver } from './audit-query';
export { recordAudit, recordWrite, spentLookups } from './audit-trail';
export { copyEntities, copyRows, insertMany, insertRows, uuidv7 } from './bulk';
export { numericColumn, referenceAsIs } from './columns';
export { PageArgs, PageInfo, connectionOf, connectionType, decodeRegionIdCursor, decodeTimeIdCursor, keysetPage } from './connection';
export type { Connection } from './connection';
export { freePort, processAlive, startEmbeddedPostgres } from './embedded';
export { queryGraph } from './graph-client';
export { ChangeRecord, changesOf, recordChange } from './history';
export type { Change } from './history';
export { answerShownOnce, RecordedRefusal, writeTransaction } from './idempotency';
export type { ListBounds } from './list-sizes';
export { loaderByKey, loaderOfLists } from './loaders';
export { pageSize } from './pagination';
export { reseed, runSubgraph, startSubgraph } from './server';
export { sharedType } from './shared-types';
export type { SharedType } from './shared-types';
export type { BaseContext, SeedOptions, SubgraphDefinition } from './server';
export { VersionedCache, versionMigration } from './versioned-cache';
