import { DEADLINE_HEADER, envInt, TRACE_HEADER } from '@moukawil/kit/core';
import type { GatewayContext } from './context';
import { deduplicating } from './dedupe';
import { idempotencyHeaders } from './idempotency';
import { counted, subgraphSender, type Answer, type Send } from './subgraph-http';

/**
 * The transport to one subgraph: it moves bytes. A call goes out with the caller's headers (the
 * already-verified bearer token, which the subgraph verifies again: it never trusts a caller for
 * having reached its port; the request id; the idempotency headers; the SQL trace header; the
 * deadline the subgraph stops at), over pooled keep-alive connections (subgraph-http.ts),
 * identical ones in flight together going out once (dedupe.ts), and comes back as the subgraph
 * sent it after at most SUBGRAPH_TIMEOUT_MS. Reading the answer is the executor's
 * (execution/fetch.ts); the direct route passes it on as it is.
 */
export class SubgraphLink {
  readonly timeoutMs = envInt('SUBGRAPH_TIMEOUT_MS', 10_000, 100);
  private readonly sendBytes: Send;

  constructor(
    readonly subgraph: string,
    url: string,
  ) {
    this.sendBytes = deduplicating(subgraph, counted(subgraph, subgraphSender(url, this.timeoutMs)));
  }

  /** Sends a GraphQL request body on the caller's behalf (none: the gateway's own); rejects when no answer came. */
  async send(context: GatewayContext | undefined, body: string, mutation = false): Promise<Answer> {
    const headers: Record<string, string> = { ...idempotencyHeaders(context, this.subgraph, mutation) };
    if (context?.viewer?.token) headers.authorization = `Bearer ${context.viewer.token}`;
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    if (context?.trace) headers[TRACE_HEADER] = 'sql';
    // The subgraph stops its work when the gateway stops waiting for it.
    headers[DEADLINE_HEADER] = String(this.timeoutMs);
    const answer = await this.sendBytes(headers, body, context?.abandoned);
    if (answer.replay && context) context.replayed = true;
    return answer;
  }
}
