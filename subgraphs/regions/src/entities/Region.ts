import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('region')
@ObjectType({ description: "One of Morocco's 12 regions (decree 2-15-40 of 2015), keyed by its ISO 3166-2:MA code." })
@Directive('@key(fields: "code")')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  @Field(() => ID, { description: 'ISO 3166-2:MA code, from MA-01 (Tanger-Tétouan-Al Hoceïma) to MA-12 (Dakhla-Oued Ed-Dahab).' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Official name in French, e.g. "Souss-Massa".' })
  name!: string;

  @Column({ type: 'text', name: 'name_ar' })
  @Field({ description: 'Official name in Arabic, e.g. "سوس-ماسة".' })
  nameAr!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Regional capital (chef-lieu), e.g. "Agadir".' })
  capital!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Population at the 2024 general census (RGPH 2024).' })
  population!: number;

  @Column({ type: 'boolean', name: 'is_pilot' })
  @Field({
    description:
      "True for the four pilot regions of Maroc PME's regional auto-entrepreneur approach: L'Oriental, Souss-Massa, Drâa-Tafilalet and Rabat-Salé-Kénitra.",
  })
  isPilot!: boolean;
}
