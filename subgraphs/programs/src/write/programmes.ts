import type { EntityManager } from 'typeorm';
import { badInput, type Viewer } from '@moukawil/kit/core';
import { regionArg } from '@moukawil/kit/domain';
import { check, codeArg, recordChange, textArg, writeTransaction, yearArg } from '@moukawil/kit/subgraph';
import type { ProgrammeEdit, ProgrammeInput } from '../entities/inputs';
import { Programme } from '../entities/Programme';
import { policy } from '../policy';
import { isLoan } from '../rules/enrolment';

const EDITABLE = ['name', 'description', 'operator', 'maxAmount', 'budget', 'eligibility', 'source'] as const;
const values = (p: Programme) => ({
  ...Object.fromEntries(EDITABLE.map((f) => [f, p[f]])),
  regions: p.regionCodes,
  startYear: p.startYear,
  endYear: p.endYear,
});

function amountError(amount: number | null | undefined, what: string): string | null {
  return amount === null || amount === undefined || (amount > 0 && amount <= 1e12) ? null : `The ${what} must be more than zero (MAD)`;
}

/**
 * The write side of the programme catalogue: the national office creates, edits and closes a
 * programme; a council opens or closes it in its own region. Each change is kept in the change
 * history; a programme is never deleted, its enrolments stay.
 */
export class Programmes {
  constructor(
    private readonly db: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  async create(input: ProgrammeInput): Promise<Programme> {
    policy.assertNational(this.viewer);
    const programme = Object.assign(new Programme(), {
      code: codeArg(input.code, 'code'),
      name: textArg(input.name, 'name', 3, 200),
      description: textArg(input.description, 'description', 3, 2_000),
      kind: input.kind,
      sector: input.sector ? codeArg(input.sector, 'sector') : null,
      operator: textArg(input.operator, 'operator', 2, 200),
      regionCodes: [...new Set(input.regions.map((r) => regionArg(r, 'regions')))].sort(),
      startYear: yearArg(input.startYear, 'startYear'),
      endYear: input.endYear == null ? null : yearArg(input.endYear, 'endYear'),
      maxAmount: input.maxAmount ?? null,
      budget: input.budget ?? null,
      eligibility: textArg(input.eligibility, 'eligibility', 3, 2_000),
      scope: input.scope,
      partnerCode: input.partner ? codeArg(input.partner, 'partner') : null,
      source: textArg(input.source, 'source', 3, 500),
    });
    if (programme.regionCodes.length === 0) throw badInput('A programme runs in at least one region', 'regions');
    if (programme.endYear !== null && programme.endYear < programme.startYear) throw badInput('The last year cannot come before the first', 'endYear');
    check(
      isLoan(programme.kind) && programme.maxAmount === null
        ? 'A loan programme needs its largest amount per beneficiary'
        : amountError(programme.maxAmount, 'largest amount'),
      'maxAmount',
    );
    check(amountError(programme.budget, 'budget'), 'budget');
    return writeTransaction(this.db, async (tx) => {
      if (await tx.findOneBy(Programme, { code: programme.code })) throw badInput(`A programme has the code "${programme.code}" already`, 'code');
      await tx.insert(Programme, programme);
      await recordChange(tx, this.viewer, { entity: 'Programme', id: programme.code, action: 'PROGRAMME_CREATED', after: values(programme) });
      return programme;
    });
  }

  async edit(code: string, edit: ProgrammeEdit, reason: string): Promise<Programme> {
    policy.assertNational(this.viewer);
    return this.onProgramme(code, reason, 'PROGRAMME_EDITED', (programme) => {
      if (edit.name != null) programme.name = textArg(edit.name, 'name', 3, 200);
      if (edit.description != null) programme.description = textArg(edit.description, 'description', 3, 2_000);
      if (edit.operator != null) programme.operator = textArg(edit.operator, 'operator', 2, 200);
      if (edit.eligibility != null) programme.eligibility = textArg(edit.eligibility, 'eligibility', 3, 2_000);
      if (edit.source != null) programme.source = textArg(edit.source, 'source', 3, 500);
      if (edit.maxAmount != null) programme.maxAmount = edit.maxAmount;
      if (edit.budget != null) programme.budget = edit.budget;
      check(amountError(programme.maxAmount, 'largest amount'), 'maxAmount');
      check(amountError(programme.budget, 'budget'), 'budget');
    });
  }

  async openIn(code: string, region: string): Promise<Programme> {
    policy.assertMayOpenIn(this.viewer, null);
    const where = regionArg(region);
    policy.assertMayOpenIn(this.viewer, where);
    return this.onProgramme(code, null, 'PROGRAMME_OPENED_IN_REGION', (programme) => {
      if (programme.regionCodes.includes(where)) throw badInput(`${programme.name} runs in ${where} already`, 'region');
      programme.regionCodes = [...programme.regionCodes, where].sort();
    });
  }

  async closeIn(code: string, region: string, reason: string): Promise<Programme> {
    policy.assertMayOpenIn(this.viewer, null);
    const where = regionArg(region);
    policy.assertMayOpenIn(this.viewer, where);
    return this.onProgramme(code, reason, 'PROGRAMME_CLOSED_IN_REGION', (programme) => {
      if (!programme.regionCodes.includes(where)) throw badInput(`${programme.name} does not run in ${where}`, 'region');
      if (programme.regionCodes.length === 1) throw badInput('This is the last region of the programme: close the programme itself (closeProgramme)', 'region');
      programme.regionCodes = programme.regionCodes.filter((r) => r !== where);
    });
  }

  /** Closes a programme after `lastYear`: no enrolment from the next year on; its enrolments stay. */
  async close(code: string, lastYear: number, reason: string): Promise<Programme> {
    policy.assertNational(this.viewer);
    return this.onProgramme(code, reason, 'PROGRAMME_CLOSED', (programme) => {
      const year = yearArg(lastYear, 'lastYear');
      if (year < programme.startYear) throw badInput(`The programme began in ${programme.startYear}`, 'lastYear');
      if (programme.endYear !== null && programme.endYear <= year) throw badInput(`The programme already ends in ${programme.endYear}`, 'lastYear');
      programme.endYear = year;
    });
  }

  private onProgramme(code: string, reason: string | null, action: string, change: (programme: Programme) => void): Promise<Programme> {
    const why = reason === null ? null : textArg(reason, 'reason', 3, 500);
    return writeTransaction(this.db, async (tx) => {
      const programme = await tx.findOne(Programme, { where: { code: codeArg(code, 'code') }, lock: { mode: 'pessimistic_write' } });
      if (!programme) throw badInput(`"${code}" is not a programme: see Query.programmes`, 'code');
      const before = values(programme);
      change(programme);
      await tx.save(programme);
      await recordChange(tx, this.viewer, { entity: 'Programme', id: programme.code, action, reason: why, before, after: values(programme) });
      return programme;
    });
  }
}
