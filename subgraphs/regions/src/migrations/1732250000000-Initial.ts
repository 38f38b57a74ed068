import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1732250000000 implements MigrationInterface {
  name = 'Initial1732250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE region (
      code varchar(5) PRIMARY KEY CHECK (code ~ '^MA-(0[1-9]|1[0-2])$'),
      name text NOT NULL, name_ar text NOT NULL, capital text NOT NULL,
      population int NOT NULL CHECK (population > 0), is_pilot boolean NOT NULL)`);
    await db.query(`CREATE TABLE province (
      code varchar(12) PRIMARY KEY, name text NOT NULL,
      kind varchar(10) NOT NULL CHECK (kind IN ('PREFECTURE','PROVINCE')),
      region_code varchar(5) NOT NULL REFERENCES region(code))`);
    await db.query(`CREATE INDEX province_region ON province (region_code, name)`);
    await db.query(`CREATE TABLE ecosystem (
      code varchar(40) PRIMARY KEY, region_code varchar(5) NOT NULL REFERENCES region(code),
      name text NOT NULL, sector varchar(30) NOT NULL, description text NOT NULL)`);
    await db.query(`CREATE INDEX ecosystem_region ON ecosystem (region_code)`);
    await db.query(`CREATE TABLE partner (
      code varchar(40) PRIMARY KEY, name text NOT NULL, kind varchar(20) NOT NULL,
      region_code varchar(5) REFERENCES region(code))`);
    await db.query(`CREATE INDEX partner_region ON partner (region_code)`);
    await db.query(`CREATE TABLE convention (
      code varchar(40) PRIMARY KEY, title text NOT NULL, kind varchar(25) NOT NULL,
      status varchar(10) NOT NULL CHECK (status IN ('PLANNED','SIGNED')), signed_year int,
      region_code varchar(5) REFERENCES region(code), summary text NOT NULL, source text NOT NULL)`);
    await db.query(`CREATE INDEX convention_region ON convention (region_code)`);
    await db.query(`CREATE TABLE convention_party (
      convention_code varchar(40) NOT NULL REFERENCES convention(code),
      partner_code varchar(40) NOT NULL REFERENCES partner(code),
      PRIMARY KEY (convention_code, partner_code))`);
    await db.query(`CREATE INDEX convention_party_partner ON convention_party (partner_code)`);
    await db.query(`CREATE TABLE convention_commitment (
      code varchar(60) PRIMARY KEY, convention_code varchar(40) NOT NULL REFERENCES convention(code),
      label text NOT NULL, measure varchar(40) NOT NULL, target_value int NOT NULL CHECK (target_value >= 0),
      unit text NOT NULL, due_year int NOT NULL)`);
    await db.query(`CREATE INDEX convention_commitment_convention ON convention_commitment (convention_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['convention_commitment', 'convention_party', 'convention', 'partner', 'ecosystem', 'province', 'region']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
