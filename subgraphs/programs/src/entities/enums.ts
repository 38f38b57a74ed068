import { registerEnumType } from 'type-graphql';

export enum ProgrammeKind {
  HONOUR_LOAN = 'HONOUR_LOAN',
  DIGITAL_INCLUSION = 'DIGITAL_INCLUSION',
  POST_CREATION_SUPPORT = 'POST_CREATION_SUPPORT',
  PROJECT_HOLDER_SUPPORT = 'PROJECT_HOLDER_SUPPORT',
  TPME_PROMOTION = 'TPME_PROMOTION',
  TRAINING = 'TRAINING',
  SECTOR_SUPPORT = 'SECTOR_SUPPORT',
  FINANCING = 'FINANCING',
}
registerEnumType(ProgrammeKind, {
  name: 'ProgrammeKind',
  description: 'Kind of support offer.',
  valuesConfig: {
    HONOUR_LOAN: { description: "Prêt d'honneur: interest-free personal loan, often with mentoring." },
    DIGITAL_INCLUSION: { description: 'Inclusion numérique: digital tools and training.' },
    POST_CREATION_SUPPORT: { description: 'Accompagnement post-création of young firms.' },
    PROJECT_HOLDER_SUPPORT: { description: 'Soutien aux porteurs de petits projets.' },
    TPME_PROMOTION: { description: 'Promotion of very small, small and medium firms (TPME).' },
    TRAINING: { description: 'Training and capacity building.' },
    SECTOR_SUPPORT: { description: 'Trade-specific support (renewable energy, circular economy…).' },
    FINANCING: { description: 'Bank financing with guarantees, e.g. Intelaka.' },
  },
});

export enum EnrolmentStatus {
  APPLIED = 'APPLIED',
  ACCEPTED = 'ACCEPTED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'Where an enrolment in a programme stands.',
  valuesConfig: {
    APPLIED: { description: 'Applied, not yet accepted.' },
    ACCEPTED: { description: 'Accepted, support not started.' },
    ACTIVE: { description: 'Being supported (or loan being repaid).' },
    COMPLETED: { description: 'Support completed (or loan repaid).' },
    DROPPED: { description: 'Left the programme or was not accepted.' },
  },
});

export enum ProgrammeScope {
  ALL = 'ALL',
  RURAL = 'RURAL',
  URBAN = 'URBAN',
}
registerEnumType(ProgrammeScope, { name: 'ProgrammeScope', description: 'Where a programme applies: rural areas (milieu rural), urban areas, or both.' });

export enum RepaymentStatus {
  NOT_DUE = 'NOT_DUE',
  REPAYING = 'REPAYING',
  REPAID = 'REPAID',
  DEFAULTED = 'DEFAULTED',
}
registerEnumType(RepaymentStatus, {
  name: 'RepaymentStatus',
  description: "Repayment of an honour loan (prêt d'honneur).",
  valuesConfig: {
    NOT_DUE: { description: 'Granted, repayments not started (grace period).' },
    REPAYING: { description: 'Being repaid.' },
    REPAID: { description: 'Fully repaid.' },
    DEFAULTED: { description: 'Repayments stopped.' },
  },
});

export enum EventKind {
  AWARENESS = 'AWARENESS',
  ADVISOR_WORKSHOP = 'ADVISOR_WORKSHOP',
  COUNCIL_SENSITISATION = 'COUNCIL_SENSITISATION',
}
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'Kind of event held with local partners.',
  valuesConfig: {
    AWARENESS: { description: 'Awareness event on the auto-entrepreneur status (événement de sensibilisation).' },
    ADVISOR_WORKSHOP: { description: 'Training workshop for entrepreneurship advisors (atelier de formation des conseillers).' },
    COUNCIL_SENSITISATION: { description: 'Session sensitising a regional council to the status.' },
  },
});

export enum FollowUpKind {
  VISIT = 'VISIT',
  CALL = 'CALL',
  MEETING = 'MEETING',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}
registerEnumType(FollowUpKind, {
  name: 'FollowUpKind',
  description: 'How an advisor followed a beneficiary up (suivi post-création).',
  valuesConfig: {
    VISIT: { description: 'A visit to the business.' },
    CALL: { description: 'A telephone call.' },
    MEETING: { description: 'A meeting at the advisor’s office.' },
    TRAINING: { description: 'A training session attended together.' },
    OTHER: { description: 'Another kind of contact, described in the notes.' },
  },
});
