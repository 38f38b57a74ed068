import type { EntityManager } from 'typeorm';
import type { Viewer } from '@moukawil/kit/core';
import { recordWrite } from '@moukawil/kit/subgraph';
import { EventKind } from '../entities/enums';
import { RegistryEvent } from '../entities/RegistryEvent';

/** Who is writing, for the history. */
export interface Actor {
  subject: string;
  role: string | null;
  /** The author's region (regional roles), for the audit line. */
  region?: string | null;
}

export const actorOf = (viewer: Viewer): Actor => ({ subject: viewer.subject ?? 'anonymous', role: viewer.role, region: viewer.region });

/** A history entry: the one description of a registry_event row, for the mutations and the bulk import alike. */
export function historyEntry(actor: Actor, personId: string, kind: EventKind, fields: Partial<RegistryEvent>, at: Date): RegistryEvent {
  return Object.assign(
    new RegistryEvent(),
    {
      autoEntrepreneurId: personId,
      kind,
      fromStatus: null,
      toStatus: null,
      reason: null,
      detail: null,
      actorSubject: actor.subject,
      actorRole: actor.role,
      at,
    },
    fields,
  );
}

export async function recordEvent(
  tx: EntityManager,
  actor: Actor,
  personId: string,
  kind: EventKind,
  fields: Partial<RegistryEvent> = {},
  at = new Date(),
): Promise<void> {
  await tx.save(historyEntry(actor, personId, kind, fields, at));
  const viewer: Viewer = { subject: actor.subject, role: actor.role as Viewer['role'], region: actor.region ?? null, token: null };
  await recordWrite(tx, viewer, kind, { autoEntrepreneur: personId }, [personId]);
}
