/** The half of the kit every process loads (gateway, scripts, subgraphs): configuration, logs, tokens, HTTP, errors, the request scope and the headers of the contract. No database, no TypeORM, no type-graphql. */
export { boundedCache } from './cache';
export type { BoundedCache } from './cache';
export { SERVICES, SUBGRAPHS, envBool, envInt, envOptional, envString, isProduction, servicePort, subgraphUrl } from './config';
export type { ServiceName, SubgraphName } from './config';
export { badInput, forbidden, formatError } from './errors';
export { DEADLINE_HEADER, FINGERPRINT_HEADER, PART_HEADER, SUBGRAPH_REQUEST_HEADERS, SUBGRAPH_RESPONSE_HEADERS, requestFingerprint } from './headers';
export { listen, newHttp, onTermination } from './http';
export { LIMITS, LIMIT_RULES, checkedDocuments, overCost, parseWithinLimit } from './limits';
export { costModel, operationCost, type CostModel } from './cost';
export type { Checked } from './limits';
export { log, setServiceName } from './log';
export {
  countGraphQL,
  errorCodesOf,
  metrics,
  metricsAcrossWorkers,
  operationLabel,
  plansExecuted,
  rateLimited,
  serveMetrics,
  startMetrics,
  subgraphFetchDuration,
  subgraphFetches,
  subgraphFetchesShared,
} from './metrics';
export { TRACE_HEADER, currentRequestId, requestScope, scopeOf } from './request-scope';
export { ANONYMOUS, assertIdentityConfig, signToken, unauthenticated, viewerFromHeader } from './tokens';
export type { Viewer } from './tokens';
export { DEMO_ISSUER_PATH, oidcIssuer } from './oidc';
