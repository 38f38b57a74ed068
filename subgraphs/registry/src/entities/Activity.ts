import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '@moukawil/kit/subgraph';
import { ActivityCategory } from './enums';

@Entity('activity')
@ObjectType({ description: 'An activity of the nomenclature of activities eligible to the auto-entrepreneur status.' })
export class Activity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  @Field(() => ID, { description: 'Code of this graph\'s nomenclature, e.g. "S-07" (the official list is a PDF without stable codes).' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Label in French, e.g. "Réparation de téléphones mobiles".' })
  label!: string;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => ActivityCategory, { description: 'Category of Law 114-13.' })
  category!: ActivityCategory;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'turnover_ceiling', transformer: numericColumn })
  @Field(() => Float, { description: 'Yearly turnover ceiling in MAD: 500,000 (commercial, industrial, artisanal) or 200,000 (services).' })
  turnoverCeiling!: number;

  @Column({ type: 'boolean' })
  @Field({
    description:
      'False for a profession excluded from the status (decree 2-15-263: architects, lawyers, notaries, doctors, pharmacists, importers/exporters…).',
  })
  eligible!: boolean;

  @Column({ type: 'text', name: 'exclusion_note', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why an excluded profession is excluded.' })
  exclusionNote!: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 4, name: 'tax_rate', transformer: numericColumn })
  @Field(() => Float, { description: 'Tax on turnover in force (finance law 2019): 0.005 (0.5 %) or 0.01 (1 %).' })
  taxRate!: number;
}
