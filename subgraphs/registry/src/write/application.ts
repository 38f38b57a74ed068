import type { EntityManager } from 'typeorm';
import { badInput } from '@moukawil/kit/core';
import { provinceArg, regionArg } from '@moukawil/kit/domain';
import { check } from '@moukawil/kit/subgraph';
import { Activity } from '../entities/Activity';
import { AutoEntrepreneur } from '../entities/AutoEntrepreneur';
import { PopulationSegment, RegistrationStatus as S } from '../entities/enums';
import type { ApplicationInput } from '../entities/inputs';
import * as rules from '../rules/application';

/** The refusal of a CIN that already has a live application or registration, whoever submits it. */
export const LIVE_CIN_MESSAGE = 'This national ID already has a live application or registration';

/** An application, validated and normalised by the rules; shared by the mutation and the bulk import. */
export interface ValidApplication {
  fullName: string;
  nationalId: string;
  gender: string;
  birthDate: string;
  region: string;
  province: string | null;
  activity: Activity;
  phone: string | null;
  segment: PopulationSegment;
}

/** Checks an application against every rule that needs no database; throws BAD_USER_INPUT naming the field. */
export function validateApplication(input: ApplicationInput, activities: Map<string, Activity>, now: Date): ValidApplication {
  const region = regionArg(input.region);
  const province = input.province ? provinceArg(input.province, region) : null;
  const nationalId = rules.normaliseNationalId(input.nationalId);
  const phone = input.phone ? rules.normalisePhone(input.phone) : null;
  check(rules.checkFullName(input.fullName), 'fullName');
  check(rules.checkNationalId(nationalId), 'nationalId');
  check(rules.checkBirthDate(input.birthDate, now), 'birthDate');
  if (!['FEMALE', 'MALE'].includes(input.gender)) throw badInput('The gender must be FEMALE or MALE', 'gender');
  if (phone !== null) check(rules.checkPhone(phone), 'phone');
  if (input.segment && !Object.values(PopulationSegment).includes(input.segment)) throw badInput(`"${input.segment}" is not a population segment`, 'segment');
  const activity = activities.get(input.activityCode);
  if (!activity) throw badInput(`"${input.activityCode}" is not in the nomenclature of activities: see Query.activities`, 'activityCode');
  if (!activity.eligible) throw badInput(`"${activity.label}" is a profession excluded from the auto-entrepreneur status (decree 2-15-263)`, 'activityCode');
  return {
    fullName: input.fullName.trim().replace(/\s+/g, ' '),
    nationalId,
    gender: input.gender,
    birthDate: input.birthDate,
    region,
    province,
    activity,
    phone,
    segment: input.segment ?? PopulationSegment.OTHER,
  };
}

export async function loadActivities(manager: EntityManager): Promise<Map<string, Activity>> {
  return new Map((await manager.getRepository(Activity).find()).map((a) => [a.code, a]));
}

/**
 * A new application (status SUBMITTED) as a row of the register: the one description of it, for
 * submitApplication and the bulk import alike (which writes it with copyEntities, from the same
 * entity metadata), so that a column added to the register cannot be left behind by one writer.
 */
export function newApplication(valid: ValidApplication, id: string, submittedAt: Date, importKey: string | null): AutoEntrepreneur {
  return Object.assign(new AutoEntrepreneur(), {
    id,
    registrationNumber: null,
    status: S.SUBMITTED,
    fullName: valid.fullName,
    nationalId: valid.nationalId,
    gender: valid.gender as AutoEntrepreneur['gender'],
    birthDate: valid.birthDate,
    phone: valid.phone,
    address: null,
    segment: valid.segment,
    regionCode: valid.region,
    provinceCode: valid.province,
    activityCode: valid.activity.code,
    activityCategory: valid.activity.category,
    submittedAt,
    registeredAt: null,
    rejectedAt: null,
    rejectionReason: null,
    struckOffAt: null,
    struckOffReason: null,
    struckOffNote: null,
    anonymisedAt: null,
    importKey,
  } satisfies Omit<AutoEntrepreneur, never>);
}
