import { useState } from 'react';
import { graphql } from '../api';

/** Where a form's write stands: refused input names its field, as the graph does. */
export type WriteState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'refused'; message: string; field: string | null } | { kind: 'saved' };

/**
 * Sends one mutation with the session's token (`mutation`, or another given to `send`: a form that
 * sets or revises); `onSaved` runs once the graph accepted it (e.g. to read the page's figures again).
 */
export function useMutation(
  mutation: string,
  token: string | null,
  onSaved: () => void,
): [WriteState, (variables: Record<string, unknown>, instead?: string) => Promise<void>] {
  const [state, send] = useMutationAnswer(mutation, token, onSaved);
  return [state, async (variables, instead) => void (await send(variables, instead))];
}

/** The same, for a form that shows what the graph answered (e.g. a key given once): the data, or null when refused. */
export function useMutationAnswer<T>(
  mutation: string,
  token: string | null,
  onSaved: () => void,
): [WriteState, (variables: Record<string, unknown>, instead?: string) => Promise<T | null>] {
  const [state, setState] = useState<WriteState>({ kind: 'idle' });
  const send = async (variables: Record<string, unknown>, instead?: string): Promise<T | null> => {
    setState({ kind: 'sending' });
    try {
      const { data, errors } = await graphql<T>(instead ?? mutation, variables, token);
      if (errors.length) {
        const field = (errors[0].extensions as { field?: string } | undefined)?.field ?? null;
        setState({ kind: 'refused', message: errors[0].message, field });
        return null;
      }
      setState({ kind: 'saved' });
      onSaved();
      return data;
    } catch (error) {
      setState({ kind: 'refused', message: String(error), field: null });
      return null;
    }
  };
  return [state, send];
}
