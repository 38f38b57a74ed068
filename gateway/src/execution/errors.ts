import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { errorCodeDef, ERRORS } from '@apollo/federation-internals';
import type { FetchNode } from '@apollo/query-planner';
import { GraphQLError } from 'graphql';
import { opened } from './raw-json';

/** A subgraph's errors in the client's answer: where they land and how they read, as Apollo Gateway's executor places and words them. */

type Path = Array<string | number>;
type Data = Record<string, unknown>;

/** Where a subgraph's error lands in the client's answer: an entity's index becomes that entity's path. */
export function errorPaths(node: FetchNode, cursor: { path: Path; fullResult: Data }): (path: Path | undefined) => Path | undefined {
  let hydrated: Path[] | undefined;
  return (path) => {
    if (node.requires && typeof path?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

function hydratePaths(parent: Path, path: Path, data: unknown, result: Path[]): void {
  if (data === null || data === undefined) return;
  const [head] = path;
  if (head === undefined) result.push(parent.slice());
  else if (head === '@' || Array.isArray(data)) {
    (data as unknown[]).forEach((value, i) => {
      parent.push(i);
      hydratePaths(parent, head === '@' ? path.slice(1) : path, value, result);
      parent.pop();
    });
  } else if (Object.hasOwn(data as Data, head as string)) {
    parent.push(head);
    hydratePaths(parent, path.slice(1), opened(data as Data, head as string), result);
    parent.pop();
  }
}

/** A subgraph's error as the client gets it: its message, its path in the answer, `serviceName`, a code always. */
export function downstreamError(
  original: NonNullable<GatewayGraphQLResponse['errors']>[number],
  serviceName: string,
  pathOf: (path: Path | undefined) => Path | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as unknown as Error,
    path: pathOf(original.path as Path | undefined),
    extensions: { ...original.extensions, serviceName },
  };
  const known = errorCodeDef(original as unknown as GraphQLError);
  if (!known && original.extensions?.code) return new GraphQLError(message, options);
  return (known ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
