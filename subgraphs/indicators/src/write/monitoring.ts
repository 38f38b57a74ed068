import { IsNull, type EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { regionArg } from '@moukawil/kit/domain';
import { recordWrite, yearArg, writeTransaction } from '@moukawil/kit/subgraph';
import { Assessment } from '../entities/Assessment';
import { IndicatorKind } from '../entities/enums';
import { Indicator } from '../entities/Indicator';
import { Target } from '../entities/Target';
import { TargetRevision } from '../entities/TargetRevision';
import { policy } from '../policy';

export const RATING_MIN = 1;
export const RATING_MAX = 5;

function text(value: string, field: string, min = 3, max = 500): string {
  const t = value.trim();
  if (t.length < min || t.length > max) throw badInput(`"${field}" must be ${min} to ${max} characters long`, field);
  return t;
}

export interface TargetInput {
  indicator: string;
  region?: string | null;
  fromYear: number;
  toYear: number;
  value: number;
  source: string;
}

/** The write side of the monitoring system: targets with their revisions, and assessments. Each call is one transaction. */
export class Monitoring {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  private get actor() {
    return { actorSubject: this.viewer.subject ?? 'anonymous', actorRole: this.viewer.role };
  }

  async setTarget(input: TargetInput, now = new Date()): Promise<Target> {
    const region = input.region ? regionArg(input.region) : null;
    policy.assertCanSetTarget(this.viewer, region);
    const from = yearArg(input.fromYear, 'fromYear');
    const to = yearArg(input.toYear, 'toYear');
    if (to < from) throw badInput('"toYear" must not be before "fromYear"', 'toYear');
    if (!Number.isFinite(input.value) || input.value < 0) throw badInput('The target value must be zero or more', 'value');
    const source = text(input.source, 'source');
    return writeTransaction(this.db, async (tx) => {
      const indicator = await tx.findOneBy(Indicator, { code: input.indicator });
      if (!indicator) throw badInput(`"${input.indicator}" is not an indicator: see Query.indicators`, 'indicator');
      if (indicator.kind === IndicatorKind.QUALITATIVE && (input.value < RATING_MIN || input.value > RATING_MAX)) {
        throw badInput(`A qualitative target is a rating from ${RATING_MIN} to ${RATING_MAX}`, 'value');
      }
      const existing = await tx.findOneBy(Target, { indicatorCode: indicator.code, regionCode: region ?? IsNull(), fromYear: from, toYear: to });
      if (existing) {
        throw badInput('A target exists for this indicator, scope and period: revise it with reviseTarget', 'indicator');
      }
      const target = tx.create(Target, {
        indicatorCode: indicator.code,
        regionCode: region,
        fromYear: from,
        toYear: to,
        value: input.value,
        source,
        setBy: this.actor.actorSubject,
        setAt: now,
      });
      await tx.save(target);
      await tx.save(
        tx.create(TargetRevision, { targetId: target.id, previousValue: null, value: input.value, reason: `Set: ${source}`, ...this.actor, at: now }),
      );
      await recordWrite(tx, this.viewer, 'TARGET_SET', { target: target.id, indicator: indicator.code, scope: region ?? 'MA' });
      return target;
    });
  }

  async reviseTarget(id: number, value: number, reason: string, now = new Date()): Promise<Target> {
    if (!Number.isFinite(value) || value < 0) throw badInput('The target value must be zero or more', 'value');
    const why = text(reason, 'reason');
    return writeTransaction(this.db, async (tx) => {
      const target = await tx.findOne(Target, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!target) throw badInput(`No target has the id ${id}`, 'id');
      policy.assertCanSetTarget(this.viewer, target.regionCode);
      await tx.save(tx.create(TargetRevision, { targetId: target.id, previousValue: target.value, value, reason: why, ...this.actor, at: now }));
      Object.assign(target, { value, setBy: this.actor.actorSubject, setAt: now });
      await recordWrite(tx, this.viewer, 'TARGET_REVISED', { target: target.id, value });
      return tx.save(target);
    });
  }

  async recordAssessment(input: { indicator: string; region: string; year: number; rating: number; comment: string }, now = new Date()): Promise<Assessment> {
    const region = regionArg(input.region);
    policy.assertCanAssess(this.viewer, region);
    if (!Number.isInteger(input.rating) || input.rating < RATING_MIN || input.rating > RATING_MAX) {
      throw badInput(`The rating must be a whole number from ${RATING_MIN} (poor) to ${RATING_MAX} (excellent)`, 'rating');
    }
    const assessed = yearArg(input.year, 'year');
    if (assessed > now.getUTCFullYear()) throw badInput('A year cannot be assessed before it has begun', 'year');
    const comment = text(input.comment, 'comment', 3, 2000);
    return writeTransaction(this.db, async (tx) => {
      const indicator = await tx.findOneBy(Indicator, { code: input.indicator });
      if (!indicator) throw badInput(`"${input.indicator}" is not an indicator: see Query.indicators`, 'indicator');
      if (indicator.kind !== IndicatorKind.QUALITATIVE)
        throw badInput(`${indicator.code} is quantitative: its actual comes from the data, not from an assessment`, 'indicator');
      await recordWrite(tx, this.viewer, 'ASSESSMENT_RECORDED', { indicator: indicator.code, region, year: assessed });
      return tx.save(
        tx.create(Assessment, {
          indicatorCode: indicator.code,
          regionCode: region,
          year: assessed,
          rating: input.rating,
          comment,
          authorSubject: this.actor.actorSubject,
          authorRole: this.actor.actorRole,
          at: now,
        }),
      );
    });
  }
}
