import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { check, textArg, writeTransaction } from '@moukawil/kit/subgraph';
import type { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { EventKind, RegistrationStatus as S } from '../entities/enums';
import { TurnoverDeclaration } from '../entities/TurnoverDeclaration';
import * as declarations from '../rules/declarations';
import { taxOn } from '../rules/tax';
import { actorOf, recordEvent, type Actor } from './history';
import { idArg, lockWritable } from './person';
import { bumpRollup } from './rollup';

/**
 * Quarterly turnover declarations. Each operation is one transaction: the declaration, the
 * person's history entry and the statistics rollup move together, or not at all.
 */
export class Declarations {
  private readonly actor: Actor;

  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {
    this.actor = actorOf(viewer);
  }

  /** Declares a quarter's turnover; a quarter already declared is refused (use correctTurnover). */
  declareTurnover(id: string, period: string, amount: number, now = new Date()): Promise<TurnoverDeclaration> {
    return this.onDeclaration(id, period, amount, now, async (tx, person, quarter, existing) => {
      if (existing)
        throw badInput(`${declarations.formatPeriod(quarter)} is already declared (${existing.amount} MAD): use correctTurnover to change it`, 'period');
      const tax = taxOn(amount, person.activityCategory, quarter.year);
      const row = tx.create(TurnoverDeclaration, {
        autoEntrepreneurId: person.id,
        regionCode: person.regionCode,
        year: quarter.year,
        quarter: quarter.quarter,
        amount,
        tax,
        declaredAt: now,
        correctedAt: null,
      });
      await tx.insert(TurnoverDeclaration, row);
      await bumpRollup(tx, person, quarter.year, { turnover: amount, tax });
      await recordEvent(tx, this.actor, person.id, EventKind.TURNOVER_DECLARED, { detail: { period, amount, tax } }, now);
      return row;
    });
  }

  /** Replaces a declared quarter's amount, with a reason; the history keeps the previous amount. */
  correctTurnover(id: string, period: string, amount: number, reason: string, now = new Date()): Promise<TurnoverDeclaration> {
    const why = textArg(reason, 'reason', 3, 500);
    return this.onDeclaration(id, period, amount, now, async (tx, person, quarter, existing) => {
      if (!existing) throw badInput(`${declarations.formatPeriod(quarter)} has not been declared yet: use declareTurnover`, 'period');
      const tax = taxOn(amount, person.activityCategory, quarter.year);
      await bumpRollup(tx, person, quarter.year, { turnover: amount - existing.amount, tax: tax - existing.tax });
      const detail = { period, previousAmount: existing.amount, amount, previousTax: existing.tax, tax };
      await recordEvent(tx, this.actor, person.id, EventKind.TURNOVER_CORRECTED, { reason: why, detail }, now);
      Object.assign(existing, { amount, tax, correctedAt: now });
      return tx.save(existing);
    });
  }

  /** Checks the arguments, locks the person (REGISTERED, declaring a quarter it may declare) and hands over its quarter's declaration, if any. */
  private async onDeclaration(
    id: string,
    period: string,
    amount: number,
    now: Date,
    write: (tx: EntityManager, person: AutoEntrepreneur, quarter: declarations.Period, existing: TurnoverDeclaration | null) => Promise<TurnoverDeclaration>,
  ): Promise<TurnoverDeclaration> {
    idArg(id);
    const quarter = declarations.parsePeriod(period);
    if (!quarter) throw badInput(`"${period}" is not a quarter: write it like "2019-Q3"`, 'period');
    check(declarations.checkAmount(amount), 'amount');
    return writeTransaction(this.db, async (tx) => {
      const person = await lockWritable(tx, this.viewer, id);
      if (person.status !== S.REGISTERED) throw badInput(`Only a REGISTERED auto-entrepreneur declares turnover; this one is ${person.status}`, 'id');
      check(declarations.checkPeriod(quarter, person.registeredAt!, now), 'period');
      const existing = await tx.findOne(TurnoverDeclaration, { where: { autoEntrepreneurId: id, year: quarter.year, quarter: quarter.quarter } });
      return write(tx, person, quarter, existing);
    });
  }
}
