import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum Sector {
  RENEWABLE_ENERGY = 'RENEWABLE_ENERGY',
  CIRCULAR_ECONOMY = 'CIRCULAR_ECONOMY',
  AGRIFOOD = 'AGRIFOOD',
  FISHERIES = 'FISHERIES',
  TOURISM = 'TOURISM',
  CRAFTS = 'CRAFTS',
  TEXTILE = 'TEXTILE',
  AUTOMOTIVE = 'AUTOMOTIVE',
  AERONAUTICS = 'AERONAUTICS',
  LOGISTICS = 'LOGISTICS',
  MINING = 'MINING',
  DIGITAL = 'DIGITAL',
  BUILDING_MATERIALS = 'BUILDING_MATERIALS',
}
registerEnumType(Sector, {
  name: 'Sector',
  description: 'Economic sector of a regional ecosystem or of a sector-specific support offer (énergies renouvelables, économie circulaire…).',
});

@Entity('ecosystem')
@ObjectType({
  description:
    'A regional industrial ecosystem or growth sector that auto-entrepreneurs can be integrated into (intégration dans les écosystèmes industriels de la région).',
})
export class Ecosystem {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'Stable code, e.g. "MA-08-SOLAR".' })
  code!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  @Field(() => ID, { description: 'ISO code of the region.' })
  regionCode!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Name of the ecosystem, e.g. "Solar energy around Noor Ouarzazate".' })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => Sector, { description: 'Sector it belongs to.' })
  sector!: Sector;

  @Column({ type: 'text' })
  @Field({ description: 'What the ecosystem offers auto-entrepreneurs (subcontracting, services, trades).' })
  description!: string;
}
