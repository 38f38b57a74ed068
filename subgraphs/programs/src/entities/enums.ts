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
