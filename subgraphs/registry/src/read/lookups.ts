import type { EntityManager } from 'typeorm';
import { envInt, forbidden, type Viewer } from '@moukawil/kit/core';
import { auditedOnCommit, recordAudit, spentLookups } from '@moukawil/kit/subgraph';

/**
 * Searches on personal data are audited, for every role and whatever is asked of the answer
 * (a count alone included): the trail names the caller, the kind of search and the people it
 * matched. A lookup that could undo a mask (a full CIN from a caller who sees CINs masked, or a
 * submission that finds a live CIN outside the caller's regions) is also budgeted: at most
 * CIN_LOOKUPS_PER_DAY (default 10) per caller in any 24 hours. Once they are spent every further
 * one is refused before anything is searched, whatever the CIN, so the refusal says nothing.
 */
export type SearchKind = 'NATIONAL_ID' | 'REGISTRATION_NUMBER' | 'NAME';

const WINDOW_HOURS = 24;
const budget = () => envInt('CIN_LOOKUPS_PER_DAY', 10, 0, 100_000);

const spent = () =>
  forbidden(
    `Your lookups by national ID are spent for now (${budget()} in any ${WINDOW_HOURS} hours for a role that sees national IDs masked); the national office can look the person up`,
  );

/** Runs a search by key (CIN or RNAE number) and records it; a budgeted one is counted first, in the same transaction. */
export async function lookUp<T extends { id: string }>(
  db: EntityManager,
  viewer: Viewer,
  kind: SearchKind,
  budgeted: boolean,
  find: (tx: EntityManager) => Promise<T[]>,
): Promise<T[]> {
  const outcome = await auditedOnCommit(() =>
    db.transaction(async (tx) => {
      if (budgeted && (await spentLookups(tx, viewer, WINDOW_HOURS)) >= budget()) {
        await recordAudit(tx, viewer, { action: `SEARCH_BY_${kind}_REFUSED`, detail: { reason: 'lookup budget spent' } });
        return null;
      }
      const matches = await find(tx);
      await recordAudit(tx, viewer, { action: `SEARCH_BY_${kind}`, people: matches.map((m) => m.id), detail: { matches: matches.length }, budgeted });
      return matches;
    }),
  );
  if (outcome === null) throw spent();
  return outcome;
}

/** Records a search by part of a name: the people of the page answered and how many matched. */
export function recordNameSearch(db: EntityManager, viewer: Viewer, pageIds: string[], matches: number): Promise<void> {
  return auditedOnCommit(() => recordAudit(db, viewer, { action: 'SEARCH_BY_NAME', people: pageIds, detail: { matches } }));
}

/**
 * Refuses a caller whose lookups are spent, in the transaction of a write that could tell whether
 * a CIN is live elsewhere, before it looks. The caller's lock (spentLookups) is held until that
 * transaction ends, so a concurrent write of the same caller counts what this one spends.
 */
export async function assertLookupsLeft(tx: EntityManager, viewer: Viewer): Promise<void> {
  if ((await spentLookups(tx, viewer, WINDOW_HOURS)) >= budget()) throw spent();
}

/** A write refused because its CIN is live in a region the caller may not read: that told the caller something, so it is counted and recorded, in the write's transaction. */
export function recordDuplicateElsewhere(tx: EntityManager, viewer: Viewer, personId: string): Promise<void> {
  return recordAudit(tx, viewer, { action: 'DUPLICATE_NATIONAL_ID_ELSEWHERE', people: [personId], budgeted: true });
}
