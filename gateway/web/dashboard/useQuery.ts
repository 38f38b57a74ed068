import { useCallback, useEffect, useState } from 'react';
import { graphql, type GraphQLError } from './api';

export type QueryState<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; data: T; errors: GraphQLError[] };

/** Runs one GraphQL query whenever its inputs change; partial data (data + errors) stays usable. */
export function useQuery<T>(query: string, variables: Record<string, unknown>, token: string | null): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    // A refresh (after a write) keeps the page as it is until the new figures arrive.
    setState((previous) => (previous.kind === 'done' && attempt > 0 ? previous : { kind: 'loading' }));
    graphql<T>(query, JSON.parse(key), token).then(
      ({ data, errors }) => {
        if (!current) return;
        if (data) setState({ kind: 'done', data, errors });
        else setState({ kind: 'failed', message: errors.map((e) => e.message).join(' ; ') || 'no data' });
      },
      (error: unknown) => current && setState({ kind: 'failed', message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [query, key, token, attempt]);
  return [state, useCallback(() => setAttempt((n) => n + 1), [])];
}
