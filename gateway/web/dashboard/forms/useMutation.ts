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
  const [state, setState] = useState<WriteState>({ kind: 'idle' });
  const send = async (variables: Record<string, unknown>, instead?: string) => {
    setState({ kind: 'sending' });
    try {
      const { errors } = await graphql(instead ?? mutation, variables, token);
      if (errors.length) {
        const field = (errors[0].extensions as { field?: string } | undefined)?.field ?? null;
        setState({ kind: 'refused', message: errors[0].message, field });
        return;
      }
      setState({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setState({ kind: 'refused', message: String(error), field: null });
    }
  };
  return [state, send];
}
