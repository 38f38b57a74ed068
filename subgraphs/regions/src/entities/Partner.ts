import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum PartnerKind {
  NATIONAL_AGENCY = 'NATIONAL_AGENCY',
  REGIONAL_COUNCIL = 'REGIONAL_COUNCIL',
  CCIS = 'CCIS',
  CRI = 'CRI',
  BANK = 'BANK',
  ASSOCIATION = 'ASSOCIATION',
  MUNICIPAL_COUNCIL = 'MUNICIPAL_COUNCIL',
  PUBLIC_OPERATOR = 'PUBLIC_OPERATOR',
}
registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'What kind of organisation a partner is.',
  valuesConfig: {
    NATIONAL_AGENCY: { description: 'National agency, e.g. Maroc PME (ex-ANPME).' },
    REGIONAL_COUNCIL: { description: 'Conseil régional, the elected council of a region.' },
    CCIS: { description: "Chambre de commerce, d'industrie et de services (law 38-12), one per region." },
    CRI: { description: "Centre régional d'investissement (law 47-18), the regional single window." },
    BANK: { description: 'Bank or financing institution.' },
    ASSOCIATION: { description: 'Association or network, e.g. Initiative Maroc, Réseau Entreprendre Maroc.' },
    MUNICIPAL_COUNCIL: { description: 'Conseil communal of a town, e.g. Taoujdat.' },
    PUBLIC_OPERATOR: { description: 'Public operator, e.g. Barid Al-Maghrib which keeps the national register.' },
  },
});

@Entity('partner')
@ObjectType({ description: 'An organisation that promotes or supports auto-entrepreneurs with Maroc PME, nationally or in one region.' })
@Directive('@key(fields: "code")')
export class Partner {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'Stable code, e.g. "CCIS-FES-MEKNES".' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Name, e.g. "CCIS Fès-Meknès".' })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => PartnerKind, { description: 'Kind of organisation.' })
  kind!: PartnerKind;

  @Column({ type: 'varchar', length: 5, name: 'region_code', nullable: true })
  @Field(() => ID, { nullable: true, description: 'ISO code of its region; null for a national partner.' })
  regionCode!: string | null;
}
