import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource, EntityManager, MigrationInterface } from 'typeorm';
import { envBool, envInt, isProduction, servicePort, type SubgraphName } from '../core/config';
import { databaseUrlFor, oneAtATime, openDatabase, type DatabaseOptions } from './database';
import { formatError } from '../core/errors';
import { buildFederatedSchema, type SubgraphSchemaOptions } from './federation';
import { demandControlPlugin } from './demand-control';
import { statementTimeoutMs } from './request-deadline';
import { costModel } from '../core/cost';
import { listen, newHttp, onTermination } from '../core/http';
import { assertIdentityConfig, viewerFromHeader, type Viewer } from '../core/tokens';
import { LIMIT_RULES, LIMITS } from '../core/limits';
import { log, setServiceName } from '../core/log';
import { serveMetrics, startMetrics } from '../core/metrics';
import { metricsPlugin, poolMetrics } from './metrics';
import { currentRequestId, requestScope, TRACE_HEADER } from '../core/request-scope';
import { graphqlListener } from './graphql-http';
import { auditReads } from './audit';
import { IdempotencyKeys1732900000000, idempotencyPlugin, schedulePurge } from './idempotency';
import { releaseRequestTransaction, requestDatabase, requestTransaction } from './request-transaction';
import { AuditRetention1733400000000, AuditRetentionFunction1765000000000, AuditTrail1733000000000, scheduleAuditPurge } from './audit-trail';
import { changeFeed, VersionNotify1733100000000 } from './change-feed';
import { compiledExecution } from './compiled-queries';
import { ChangeHistory1733200000000 } from './history';
import { dumpDatabase, restoreDatabase } from './release-data';

/** Tables every subgraph has, created by the kit's own migrations after the subgraph's. */
const KIT_MIGRATIONS = [
  IdempotencyKeys1732900000000,
  AuditTrail1733000000000,
  VersionNotify1733100000000,
  ChangeHistory1733200000000,
  AuditRetention1733400000000,
  AuditRetentionFunction1765000000000,
];

/** What every resolver of every subgraph receives. */
export interface BaseContext {
  viewer: Viewer;
  /** The pool, or a keyed mutation's own transaction (request-transaction.ts): resolvers and loaders read and write through it. */
  db: EntityManager;
  requestId: string;
}

export interface SeedOptions {
  /** How many auto-entrepreneurs the demo population holds. */
  registrations: number;
}

/** Demo scale: SEED_REGISTRATIONS, else 20,000 people (about a fifth of the 2019 register). */
export function seedOptions(): SeedOptions {
  return { registrations: envInt('SEED_REGISTRATIONS', 20_000, 0, 10_000_000) };
}

/** Everything that differs between two subgraphs; the rest is here, once. */
export interface SubgraphDefinition<Ctx extends BaseContext = BaseContext> {
  name: SubgraphName;
  entities: DatabaseOptions['entities'];
  migrations: Array<new () => MigrationInterface>;
  schema: SubgraphSchemaOptions;
  /** Adds the per-request parts of the context (DataLoaders). */
  context?: (base: BaseContext) => Ctx;
  /** Loads the deterministic demo data into empty tables (called inside a transaction). */
  seed: (manager: EntityManager, options: SeedOptions) => Promise<void>;
  /** The subgraph's data tables, emptied before a reseed; the first one tells whether data is there. */
  tables: string[];
  /** Work the running process does on its own (e.g. scheduled snapshots); returns how to stop it. */
  background?: (db: DataSource) => () => void;
  /** Extra commands of this subgraph's process (e.g. the registry's `import FILE`), run with its database. */
  commands?: Record<string, (db: DataSource, args: string[]) => Promise<void>>;
}

export interface RunningSubgraph {
  port: number;
  url: string;
  stop(): Promise<void>;
}

async function isEmpty(db: DataSource, tables: string[]): Promise<boolean> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM "${tables[0]}"`);
  return row.n === 0;
}

/** Reports the request's SQL statement count when the caller asks for it (never in production). */
function sqlCountPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      if (isProduction() || request.http?.headers.get(TRACE_HEADER) !== 'sql') return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: requestScope.getStore()?.sql ?? 0 };
          }
        },
      };
    },
  };
}

/** One audit line per request that read personal data (see audit.ts). */
function auditPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName }) {
          // The trail is written before the answer leaves: a read the trail does not hold is not answered.
          await auditReads(contextValue.db, contextValue.viewer, operationName ?? undefined);
        },
      };
    },
  };
}

/** Empties the subgraph's tables and seeds them again, atomically. */
export async function reseed<Ctx extends BaseContext>(db: DataSource, def: SubgraphDefinition<Ctx>, options: SeedOptions): Promise<void> {
  await db.transaction(async (manager) => {
    await manager.query(`SET LOCAL statement_timeout = 0`); // demo data at scale is loaded in long statements
    await manager.query(`TRUNCATE ${def.tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await def.seed(manager, options);
  });
}

/** Starts a subgraph: database and migrations, demo data on first start, GraphQL + /health. */
export async function startSubgraph<Ctx extends BaseContext>(def: SubgraphDefinition<Ctx>, port = servicePort(def.name)): Promise<RunningSubgraph> {
  assertIdentityConfig();
  const db = await openDatabase({
    url: databaseUrlFor(def.name),
    entities: def.entities,
    migrations: [...def.migrations, ...KIT_MIGRATIONS],
    statementTimeoutMs: statementTimeoutMs(),
  });
  changeFeed.start(databaseUrlFor(def.name));
  await oneAtATime(db, async () => {
    if (envBool('SEED_ON_START', true) && (await isEmpty(db, def.tables))) {
      log.info('loading demo data (first start)');
      await reseed(db, def, seedOptions());
    }
  });
  const { schema, sdl } = await buildFederatedSchema(def.schema);
  const { app, server } = newHttp();
  const apollo = new ApolloServer<Ctx>({
    // The schema, and how its operations are executed: queries compiled by graphql-jit (compiled-queries.ts).
    gateway: compiledExecution(schema),
    // One door: a caller who reaches this port directly meets the gateway's operation limits.
    parseOptions: { maxTokens: LIMITS.tokens },
    validationRules: [...LIMIT_RULES],
    formatError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's default cache-control plugin wraps every field resolver of the schema (schemaInstrumentation)
      // to compute a policy that is always the same here: answers are never stored (set below).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      sqlCountPlugin(),
      demandControlPlugin(schema, costModel(sdl, LIMITS.listSize)),
      auditPlugin(),
      idempotencyPlugin() as ApolloServerPlugin<Ctx>,
      metricsPlugin() as ApolloServerPlugin<Ctx>,
    ],
  });
  await apollo.start();

  startMetrics(def.name);
  poolMetrics(db);
  app.get('/metrics', (req, res) => void serveMetrics(req, res));
  app.get('/health', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      // changes: whether cached figures are kept until notified (else read again from their version row).
      res.json({ status: 'ok', service: def.name, database: 'up', changes: changeFeed.listening ? 'listening' : 'not listening' });
    } catch {
      res.status(503).json({ status: 'unavailable', service: def.name, database: 'down' });
    }
  });
  const graphql = graphqlListener(apollo, async (req, res) => {
    const viewer = await viewerFromHeader(req.headers.authorization);
    const base: BaseContext = { viewer, db: requestDatabase(db, req.body), requestId: currentRequestId() };
    // Normally committed or rolled back before the answer is sent (idempotency.ts); this covers a request that dies on the way.
    const transaction = requestTransaction();
    if (transaction) res.once('close', () => void releaseRequestTransaction(transaction));
    return def.context ? def.context(base) : (base as Ctx);
  });
  server.removeListener('request', app);
  server.on('request', (req, res) => (req.url === '/graphql' || req.url?.startsWith('/graphql?') ? graphql(req, res) : app(req, res)));
  const bound = await listen(server, port);
  const stopBackground = def.background?.(db) ?? (() => undefined);
  const stopPurge = schedulePurge(db);
  const stopAuditPurge = scheduleAuditPurge(db);
  log.info({ port: bound }, `${def.name} subgraph ready`);
  return {
    port: bound,
    url: `http://localhost:${bound}/graphql`,
    stop: async () => {
      stopBackground();
      stopPurge();
      stopAuditPurge();
      await apollo.stop(); // stops accepting, lets in-flight requests finish, closes the server
      await changeFeed.stop();
      await db.destroy();
    },
  };
}

async function dumpCommand(db: DataSource, args: string[]): Promise<void> {
  if (!args[0]) throw new Error('usage: dump FILE');
  await dumpDatabase(db, args[0]);
}

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * The entry point of every subgraph process:
 *   (no command)  serve;  `sdl`  print the schema;  `seed [--registrations N]`  reload demo data;
 *   `dump FILE`  write the database as a release leaves it;  `restore FILE`  build that database
 *   again (its migrations, its rows), for HEAD to migrate;  or one of the subgraph's own `commands`.
 */
export async function runSubgraph<Ctx extends BaseContext>(def: SubgraphDefinition<Ctx>): Promise<void> {
  setServiceName(def.name);
  try {
    await runCommand(def);
  } catch (error) {
    log.error({ err: error }, `${def.name} failed`);
    process.exit(1);
  }
}

async function runCommand<Ctx extends BaseContext>(def: SubgraphDefinition<Ctx>): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'sdl') {
    process.stdout.write((await buildFederatedSchema(def.schema)).sdl);
    return;
  }
  if (command === 'seed') {
    const registrations = Number(argValue(args, '--registrations') ?? seedOptions().registrations);
    if (!Number.isInteger(registrations) || registrations < 0) throw new Error('--registrations takes a whole number');
    const db = await openDatabase({
      url: databaseUrlFor(def.name),
      entities: def.entities,
      migrations: [...def.migrations, ...KIT_MIGRATIONS],
      statementTimeoutMs: statementTimeoutMs(),
    });
    await reseed(db, def, { registrations });
    await db.destroy();
    log.info({ registrations }, `${def.name} demo data loaded`);
    return;
  }
  if (command === 'restore') {
    if (!args[0]) throw new Error('usage: restore FILE (a database written by dump)');
    await restoreDatabase(databaseUrlFor(def.name), [...def.migrations, ...KIT_MIGRATIONS], args[0]);
    return;
  }
  const extra = command === 'dump' ? dumpCommand : command ? def.commands?.[command] : undefined;
  if (extra) {
    const db = await openDatabase({
      url: databaseUrlFor(def.name),
      entities: def.entities,
      migrations: [...def.migrations, ...KIT_MIGRATIONS],
      statementTimeoutMs: statementTimeoutMs(),
    });
    try {
      await extra(db, args);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (command)
    throw new Error(
      `unknown command "${command}": use sdl, seed, dump, restore${Object.keys(def.commands ?? {})
        .map((c) => `, ${c}`)
        .join('')}, or nothing to serve`,
    );
  const running = await startSubgraph(def);
  onTermination(running.stop);
}
