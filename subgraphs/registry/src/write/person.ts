import type { EntityManager } from 'typeorm';
import type { Viewer } from '@moukawil/kit/core';
import { uuidArg } from '@moukawil/kit/subgraph';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { policy } from '../policy';

/** An auto-entrepreneur id argument. */
export const idArg = (id: string) => uuidArg(id, 'id');

/**
 * The person a write is about, its row locked until the transaction ends so that two writes on
 * one person run one after the other; refused as the policy refuses it (a person the caller may
 * not write and an id that matches nobody get the same answer).
 */
export async function lockWritable(tx: EntityManager, viewer: Viewer, id: string): Promise<AutoEntrepreneur> {
  return policy.writable(viewer, await tx.findOne(AutoEntrepreneur, { where: { id }, lock: { mode: 'pessimistic_write' } }), id);
}
