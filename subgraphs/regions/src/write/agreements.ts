import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { regionArg } from '@moukawil/kit/domain';
import { codeArg, queryGraph, recordChange, textArg, writeTransaction, yearArg } from '@moukawil/kit/subgraph';
import { Commitment, Convention, ConventionParty, ConventionStatus } from '../entities/Convention';
import type { CommitmentInput, ConventionInput, PartnerInput } from '../entities/inputs';
import { Partner } from '../entities/Partner';
import { policy } from '../policy';

const optionalRegion = (code: string | null | undefined) => (code ? regionArg(code) : null);

/**
 * The write side of partners and agreements: a council records those of its region, the national
 * office any. Each operation is one transaction, kept in the change history; nothing is deleted.
 * A commitment keeps no figure of its own: it names the indicator target (indicators subgraph)
 * that measures it, which must exist.
 */
export class Agreements {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  async createPartner(input: PartnerInput): Promise<Partner> {
    policy.assertMayRecord(this.viewer);
    const region = optionalRegion(input.region);
    policy.assertRecordsIn(this.viewer, region);
    const partner = Object.assign(new Partner(), {
      code: codeArg(input.code, 'code'),
      name: textArg(input.name, 'name', 2, 200),
      kind: input.kind,
      regionCode: region,
    });
    return writeTransaction(this.db, async (tx) => {
      if (await tx.findOneBy(Partner, { code: partner.code })) throw badInput(`A partner has the code "${partner.code}" already`, 'code');
      await tx.insert(Partner, partner);
      await recordChange(tx, this.viewer, {
        entity: 'Partner',
        id: partner.code,
        action: 'PARTNER_CREATED',
        after: { name: partner.name, kind: partner.kind, region },
      });
      return partner;
    });
  }

  async renamePartner(code: string, name: string, reason: string): Promise<Partner> {
    policy.assertMayRecord(this.viewer);
    return writeTransaction(this.db, async (tx) => {
      const partner = await tx.findOne(Partner, { where: { code: codeArg(code, 'code') }, lock: { mode: 'pessimistic_write' } });
      if (!partner) throw badInput(`"${code}" is not a partner: see Query.partners`, 'code');
      policy.assertRecordsIn(this.viewer, partner.regionCode);
      const before = { name: partner.name };
      partner.name = textArg(name, 'name', 2, 200);
      await tx.save(partner);
      await recordChange(tx, this.viewer, {
        entity: 'Partner',
        id: partner.code,
        action: 'PARTNER_RENAMED',
        reason: textArg(reason, 'reason', 3, 500),
        before,
        after: { name: partner.name },
      });
      return partner;
    });
  }

  async createConvention(input: ConventionInput): Promise<Convention> {
    policy.assertMayRecord(this.viewer);
    const region = optionalRegion(input.region);
    policy.assertRecordsIn(this.viewer, region);
    const signedYear = input.signedYear == null ? null : yearArg(input.signedYear, 'signedYear');
    const convention = Object.assign(new Convention(), {
      code: codeArg(input.code, 'code'),
      title: textArg(input.title, 'title', 3, 300),
      kind: input.kind,
      status: signedYear === null ? ConventionStatus.PLANNED : ConventionStatus.SIGNED,
      signedYear,
      regionCode: region,
      summary: textArg(input.summary, 'summary', 3, 2_000),
      source: textArg(input.source, 'source', 3, 500),
    });
    const parties = [...new Set(input.parties.map((p) => codeArg(p, 'parties')))];
    if (parties.length === 0) throw badInput('A convention has at least one party', 'parties');
    return writeTransaction(this.db, async (tx) => {
      if (await tx.findOneBy(Convention, { code: convention.code })) throw badInput(`A convention has the code "${convention.code}" already`, 'code');
      const known = await tx.findBy(
        Partner,
        parties.map((code) => ({ code })),
      );
      const unknown = parties.filter((p) => !known.some((k) => k.code === p));
      if (unknown.length) throw badInput(`Not partners: ${unknown.join(', ')} (see Query.partners, or createPartner)`, 'parties');
      await tx.insert(Convention, convention);
      await tx.insert(
        ConventionParty,
        parties.map((partnerCode) => ({ conventionCode: convention.code, partnerCode })),
      );
      await recordChange(tx, this.viewer, {
        entity: 'Convention',
        id: convention.code,
        action: 'CONVENTION_CREATED',
        after: { title: convention.title, region, parties, signedYear },
      });
      return convention;
    });
  }

  async signConvention(code: string, year: number): Promise<Convention> {
    policy.assertMayRecord(this.viewer);
    return this.onConvention(code, async (tx, convention) => {
      if (convention.status === ConventionStatus.SIGNED) throw badInput('This convention is signed already', 'code');
      Object.assign(convention, { status: ConventionStatus.SIGNED, signedYear: yearArg(year, 'year') });
      await tx.save(convention);
      await recordChange(tx, this.viewer, {
        entity: 'Convention',
        id: convention.code,
        action: 'CONVENTION_SIGNED',
        after: { signedYear: convention.signedYear },
      });
      return convention;
    });
  }

  /** A commitment measured by the target of its indicator, scope (the convention's region, or MA) and period, which the caller must be able to find in the graph. */
  async addCommitment(conventionCode: string, input: CommitmentInput): Promise<Commitment> {
    policy.assertMayRecord(this.viewer);
    const fromYear = yearArg(input.fromYear, 'fromYear');
    const dueYear = yearArg(input.dueYear, 'dueYear');
    if (dueYear < fromYear) throw badInput('The due year cannot come before the first year', 'dueYear');
    const indicator = input.indicator;
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(indicator)) throw badInput(`"${indicator.slice(0, 40)}" is not an indicator code`, 'indicator');
    return this.onConvention(conventionCode, async (tx, convention) => {
      const code = `${convention.code}/${codeArg(input.key, 'key')}`;
      if (await tx.findOneBy(Commitment, { code })) throw badInput(`The convention has a commitment "${input.key}" already`, 'key');
      const scope = convention.regionCode ?? 'MA';
      const target = await this.targetOf(indicator, scope, fromYear, dueYear);
      const commitment = Object.assign(new Commitment(), {
        code,
        conventionCode: convention.code,
        label: textArg(input.label, 'label', 3, 300),
        measure: indicator,
        targetValue: Math.round(target.value),
        unit: textArg(input.unit, 'unit', 2, 60),
        scope,
        fromYear,
        dueYear,
      });
      await tx.insert(Commitment, commitment);
      await recordChange(tx, this.viewer, {
        entity: 'Convention',
        id: convention.code,
        action: 'COMMITMENT_ADDED',
        after: { commitment: code, indicator, scope, fromYear, dueYear },
      });
      return commitment;
    });
  }

  /** The target measuring a commitment, asked of the graph with the caller's own token: the indicators subgraph owns it. */
  private async targetOf(indicator: string, scope: string, fromYear: number, toYear: number): Promise<{ value: number }> {
    const { indicator: found } = await queryGraph<{
      indicator: { targets: Array<{ regionCode: string | null; fromYear: number; toYear: number; value: number }> } | null;
    }>(`query CommitmentTarget($code: ID!) { indicator(code: $code) { targets { regionCode fromYear toYear value } } }`, { code: indicator }, this.viewer);
    if (!found) throw badInput(`"${indicator}" is not an indicator: see Query.indicators`, 'indicator');
    const target = found.targets.find((t) => (t.regionCode ?? 'MA') === scope && t.fromYear === fromYear && t.toYear === toYear);
    if (!target) throw badInput(`No target of ${indicator} for ${scope} over ${fromYear}-${toYear}: set it first (setTarget), then commit to it`, 'indicator');
    return target;
  }

  private onConvention<T>(code: string, change: (tx: EntityManager, convention: Convention) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, async (tx) => {
      const convention = await tx.findOne(Convention, { where: { code: codeArg(code, 'convention') }, lock: { mode: 'pessimistic_write' } });
      if (!convention) throw badInput(`"${code}" is not a convention: see Query.conventions`, 'convention');
      policy.assertRecordsIn(this.viewer, convention.regionCode);
      return change(tx, convention);
    });
  }
}
