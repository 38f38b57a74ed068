import { ActivityCategory, RegistrationStatus as S } from '../src/entities/enums';
import { ageOn, checkBirthDate, checkNationalId, checkPhone, normaliseNationalId } from '../src/rules/application';
import { canMove, registrationNumber } from '../src/rules/lifecycle';
import { taxOn, taxRate } from '../src/rules/tax';

describe('application rules', () => {
  it('accepts CINs of one or two letters then digits', () => {
    expect(checkNationalId(normaliseNationalId(' jb123456 '))).toBeNull();
    expect(checkNationalId('A1')).toBeNull();
    expect(checkNationalId('123456')).not.toBeNull();
    expect(checkNationalId('ABC12345')).not.toBeNull();
    expect(checkNationalId('JB')).not.toBeNull();
  });

  it('requires an applicant of 18 or older on the day', () => {
    const today = new Date('2026-11-22T10:00:00Z');
    expect(ageOn(new Date('2008-11-22T00:00:00Z'), today)).toBe(18);
    expect(ageOn(new Date('2008-11-23T00:00:00Z'), today)).toBe(17);
    expect(checkBirthDate('2008-11-22', today)).toBeNull();
    expect(checkBirthDate('2008-11-23', today)).toMatch(/18 or older/);
    expect(checkBirthDate('1990-02-30', today)).toMatch(/not a real date/);
    expect(checkBirthDate('22/11/1990', today)).toMatch(/ISO/);
  });

  it('accepts Moroccan phone numbers only', () => {
    expect(checkPhone('0612345678')).toBeNull();
    expect(checkPhone('+212712345678')).toBeNull();
    expect(checkPhone('0812345678')).not.toBeNull();
    expect(checkPhone('+33612345678')).not.toBeNull();
  });
});

describe('lifecycle rules', () => {
  it('allows only the transitions of the register', () => {
    expect(canMove(S.SUBMITTED, S.REGISTERED)).toBe(true);
    expect(canMove(S.SUBMITTED, S.REJECTED)).toBe(true);
    expect(canMove(S.REGISTERED, S.STRUCK_OFF)).toBe(true);
    expect(canMove(S.REJECTED, S.REGISTERED)).toBe(false);
    expect(canMove(S.REGISTERED, S.REGISTERED)).toBe(false);
    expect(canMove(S.STRUCK_OFF, S.REGISTERED)).toBe(false);
  });

  it('makes human-readable RNAE numbers', () => {
    expect(registrationNumber(2019, 'MA-09', 4213)).toBe('RNAE-2019-09-004213');
  });
});

describe('tax rules (Law 114-13, finance law 2019)', () => {
  it('charges 0.5 % / 1 % since 2019 and 1 % / 2 % before', () => {
    expect(taxRate(ActivityCategory.COMMERCIAL, 2019)).toBe(0.005);
    expect(taxRate(ActivityCategory.SERVICES, 2020)).toBe(0.01);
    expect(taxRate(ActivityCategory.ARTISANAL, 2018)).toBe(0.01);
    expect(taxRate(ActivityCategory.SERVICES, 2018)).toBe(0.02);
    expect(taxOn(10_000, ActivityCategory.SERVICES, 2019)).toBe(100);
  });
});
