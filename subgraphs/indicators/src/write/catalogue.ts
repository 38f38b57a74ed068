import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { recordChange, textArg, writeTransaction } from '@moukawil/kit/subgraph';
import { IndicatorKind, IndicatorSource } from '../entities/enums';
import { Indicator } from '../entities/Indicator';
import type { IndicatorInput } from '../entities/inputs';
import { policy } from '../policy';
import { describeSource } from '../rules/actuals';

/**
 * The write side of the indicator catalogue (national office): an indicator is added with the
 * source of its actual, live on the next read of any scorecard, and retired rather than deleted
 * (its targets, assessments and snapshots stay; it leaves the scorecards).
 */
export class Catalogue {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  async add(input: IndicatorInput): Promise<Indicator> {
    policy.assertCanEditCatalogue(this.viewer);
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(input.code))
      throw badInput(`"${input.code.slice(0, 40)}" is not an indicator code (capitals, digits and underscores)`, 'code');
    const qualitative = input.kind === IndicatorKind.QUALITATIVE;
    if (qualitative !== (input.source === IndicatorSource.ASSESSMENTS))
      throw badInput('A qualitative indicator takes its actual from its assessments (ASSESSMENTS), a quantitative one from a figure', 'source');
    const indicator = Object.assign(new Indicator(), {
      code: input.code,
      name: textArg(input.name, 'name', 3, 200),
      nameEn: textArg(input.nameEn, 'nameEn', 3, 200),
      nameAr: input.nameAr ? textArg(input.nameAr, 'nameAr', 2, 200) : null,
      description: textArg(input.description, 'description', 3, 2_000),
      kind: input.kind,
      unit: textArg(input.unit, 'unit', 2, 60),
      direction: input.direction,
      aggregation: input.aggregation,
      periodType: 'YEAR',
      actualSource: describeSource(input.source),
      source: input.source,
      retiredAt: null,
      retireReason: null,
    });
    return writeTransaction(this.db, async (tx) => {
      if (await tx.findOneBy(Indicator, { code: indicator.code })) throw badInput(`An indicator has the code "${indicator.code}" already`, 'code');
      await tx.insert(Indicator, indicator);
      await recordChange(tx, this.viewer, {
        entity: 'Indicator',
        id: indicator.code,
        action: 'INDICATOR_ADDED',
        after: { name: indicator.name, source: indicator.source },
      });
      return indicator;
    });
  }

  async retire(code: string, reason: string): Promise<Indicator> {
    policy.assertCanEditCatalogue(this.viewer);
    const why = textArg(reason, 'reason', 3, 500);
    return writeTransaction(this.db, async (tx) => {
      const indicator = await tx.findOne(Indicator, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!indicator) throw badInput(`"${code.slice(0, 40)}" is not an indicator: see Query.indicators`, 'code');
      if (indicator.retiredAt) throw badInput('This indicator is retired already', 'code');
      Object.assign(indicator, { retiredAt: new Date(), retireReason: why });
      await tx.save(indicator);
      await recordChange(tx, this.viewer, { entity: 'Indicator', id: code, action: 'INDICATOR_RETIRED', reason: why });
      return indicator;
    });
  }
}
