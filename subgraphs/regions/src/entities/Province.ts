import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ProvinceKind {
  PREFECTURE = 'PREFECTURE',
  PROVINCE = 'PROVINCE',
}
registerEnumType(ProvinceKind, {
  name: 'ProvinceKind',
  description: 'Urban prefecture (préfecture) or province: the 75 of them split the 12 regions.',
  valuesConfig: {
    PREFECTURE: { description: 'Préfecture (urban), e.g. Oujda-Angad.' },
    PROVINCE: { description: 'Province, e.g. Nador.' },
  },
});

@Entity('province')
@ObjectType({ description: 'A prefecture or province, the territorial level below the region.' })
@Directive('@key(fields: "code")')
export class Province {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  @Field(() => ID, { description: 'Stable code of this graph: the region code and three letters, e.g. "MA-02-OUJ" (not an ISO code).' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Name in French, e.g. "Oujda-Angad".' })
  name!: string;

  @Column({ type: 'text', name: 'name_ar' })
  @Field({ description: 'Name in Arabic, e.g. "وجدة-أنكاد".' })
  nameAr!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => ProvinceKind, { description: 'Prefecture or province.' })
  kind!: ProvinceKind;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  @Field(() => ID, { description: 'ISO code of the region it belongs to.' })
  regionCode!: string;
}
