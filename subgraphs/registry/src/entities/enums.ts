import { registerEnumType } from 'type-graphql';

export enum RegistrationStatus {
  SUBMITTED = 'SUBMITTED',
  REGISTERED = 'REGISTERED',
  REJECTED = 'REJECTED',
  STRUCK_OFF = 'STRUCK_OFF',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where an application to the national register (RNAE) stands.',
  valuesConfig: {
    SUBMITTED: { description: "Application filed (demande d'inscription), not yet decided." },
    REGISTERED: { description: 'Registered in the RNAE: the auto-entrepreneur status is active.' },
    REJECTED: { description: 'Application refused, with a reason.' },
    STRUCK_OFF: { description: 'Struck off the register (radiation): the status has ended.' },
  },
});

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Gender, { name: 'Gender', description: 'Gender as declared on the application.' });

export enum ActivityCategory {
  COMMERCIAL = 'COMMERCIAL',
  INDUSTRIAL = 'INDUSTRIAL',
  ARTISANAL = 'ARTISANAL',
  SERVICES = 'SERVICES',
}
registerEnumType(ActivityCategory, {
  name: 'ActivityCategory',
  description: 'The four categories of Law 114-13; they set the turnover ceiling and the tax rate.',
  valuesConfig: {
    COMMERCIAL: { description: 'Commerce: ceiling 500,000 MAD a year, tax 0.5 % of turnover since 2019.' },
    INDUSTRIAL: { description: 'Industry: ceiling 500,000 MAD a year, tax 0.5 % since 2019.' },
    ARTISANAL: { description: 'Crafts (artisanat): ceiling 500,000 MAD a year, tax 0.5 % since 2019.' },
    SERVICES: { description: 'Services (prestations de services): ceiling 200,000 MAD a year, tax 1 % since 2019.' },
  },
});

export enum PopulationSegment {
  TRADITIONAL_OR_INFORMAL = 'TRADITIONAL_OR_INFORMAL',
  STUDENT = 'STUDENT',
  UNEMPLOYED = 'UNEMPLOYED',
  SPECIAL_NEEDS = 'SPECIAL_NEEDS',
  MOROCCAN_ABROAD = 'MOROCCAN_ABROAD',
  RESIDENT_FOREIGNER = 'RESIDENT_FOREIGNER',
  OTHER = 'OTHER',
}
registerEnumType(PopulationSegment, {
  name: 'PopulationSegment',
  description: 'The priority target groups of the Maroc PME study (2014, updated 2017; 4.2 million people).',
  valuesConfig: {
    TRADITIONAL_OR_INFORMAL: { description: 'Works in a traditional trade or in the informal sector.' },
    STUDENT: { description: 'Student (étudiant).' },
    UNEMPLOYED: { description: 'Unemployed (chômeur).' },
    SPECIAL_NEEDS: { description: 'Person with special needs (personne à besoins spécifiques).' },
    MOROCCAN_ABROAD: { description: 'Moroccan living abroad (MRE).' },
    RESIDENT_FOREIGNER: { description: 'Foreigner legally resident in Morocco (étranger en situation régulière).' },
    OTHER: { description: 'None of the above.' },
  },
});

export enum StrikeOffReason {
  ON_REQUEST = 'ON_REQUEST',
  NO_TURNOVER_FOR_A_YEAR = 'NO_TURNOVER_FOR_A_YEAR',
  CEILING_EXCEEDED_TWO_YEARS = 'CEILING_EXCEEDED_TWO_YEARS',
  COMPANY_CONVERSION = 'COMPANY_CONVERSION',
  COURT_DECISION = 'COURT_DECISION',
}
registerEnumType(StrikeOffReason, {
  name: 'StrikeOffReason',
  description: 'Legal reasons for striking an auto-entrepreneur off the register (radiation, decree 2-15-258).',
  valuesConfig: {
    ON_REQUEST: { description: "At the auto-entrepreneur's own request." },
    NO_TURNOVER_FOR_A_YEAR: {
      description: 'No or nil turnover declared for a whole calendar year (not the year of registration); checked against the declarations.',
    },
    CEILING_EXCEEDED_TWO_YEARS: { description: 'Turnover above the ceiling two consecutive years; checked against the declarations.' },
    COMPANY_CONVERSION: { description: 'Conversion into a company.' },
    COURT_DECISION: { description: 'Court decision.' },
  },
});

export enum EventKind {
  SUBMITTED = 'SUBMITTED',
  REGISTERED = 'REGISTERED',
  REJECTED = 'REJECTED',
  STRUCK_OFF = 'STRUCK_OFF',
  TURNOVER_DECLARED = 'TURNOVER_DECLARED',
  TURNOVER_CORRECTED = 'TURNOVER_CORRECTED',
  REACTIVATED = 'REACTIVATED',
  DETAILS_RECTIFIED = 'DETAILS_RECTIFIED',
}
registerEnumType(EventKind, { name: 'RegistryEventKind', description: 'What happened to a registration.' });
