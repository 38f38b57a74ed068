import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each indicator declares where its actual comes from (IndicatorSource), so that an indicator
 * added by a user is live at once; retired indicators stay in the catalogue, out of scorecards.
 * The catalogue seeded before this migration gets the sources its codes were wired to.
 */
export class DeclaredSources1733300000000 implements MigrationInterface {
  name = 'DeclaredSources1733300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE indicator ADD COLUMN source varchar(40), ADD COLUMN retired_at timestamptz, ADD COLUMN retire_reason text`);
    await db.query(`UPDATE indicator i SET source = s.source FROM (VALUES
      ('AE_APPLICATIONS', 'APPLICATIONS'), ('AE_REGISTRATIONS', 'REGISTRATIONS'), ('AE_REGISTERED_TO_DATE', 'REGISTERED_TO_DATE'),
      ('AE_ACTIVE', 'ACTIVE'), ('REGISTRATION_RATE', 'REGISTRATION_RATE'), ('WOMEN_SHARE', 'WOMEN_SHARE'), ('TURNOVER', 'TURNOVER'),
      ('TAX_CONTRIBUTION', 'TAX_CONTRIBUTION'), ('BENEFICIARIES_HONOUR_LOAN', 'HONOUR_LOAN_BENEFICIARIES'), ('HONOUR_LOAN_AMOUNT', 'HONOUR_LOAN_AMOUNT'),
      ('BENEFICIARIES_DIGITAL_INCLUSION', 'DIGITAL_INCLUSION_BENEFICIARIES'), ('BENEFICIARIES_TPME_PROMOTION', 'TPME_PROMOTION_BENEFICIARIES'),
      ('BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 'PROJECT_HOLDER_BENEFICIARIES'), ('BENEFICIARIES_POST_CREATION_SUPPORT', 'POST_CREATION_BENEFICIARIES'),
      ('ADVISORS_TRAINED', 'ADVISORS_TRAINED'), ('AWARENESS_EVENTS', 'AWARENESS_EVENTS'), ('WORKSHOPS', 'WORKSHOPS'),
      ('REGIONAL_COUNCILS_ENGAGED', 'COUNCILS_ENGAGED')) AS s(code, source) WHERE i.code = s.code`);
    await db.query(`UPDATE indicator SET source = 'ASSESSMENTS' WHERE kind = 'QUALITATIVE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE indicator DROP COLUMN source, DROP COLUMN retired_at, DROP COLUMN retire_reason`);
  }
}
