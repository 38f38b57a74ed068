import { Sector } from '../entities/Ecosystem';

/**
 * Regional ecosystems open to auto-entrepreneurs. The sources name renewable energy and the
 * circular economy as trades needing specific support; the rest follows each region's known economy.
 */
export const ECOSYSTEMS: Array<[code: string, region: string, sector: Sector, name: string, description: string]> = [
  [
    'MA-01-AUTO',
    'MA-01',
    Sector.AUTOMOTIVE,
    'Automotive ecosystem of Tanger Med',
    'Maintenance, transport and catering services for the automotive plants and their suppliers.',
  ],
  ['MA-01-LOGI', 'MA-01', Sector.LOGISTICS, 'Port logistics of Tanger Med', 'Handling, transport and small repair work around the port zone.'],
  [
    'MA-02-RENEW',
    'MA-02',
    Sector.RENEWABLE_ENERGY,
    'Solar and wind energy in the Oriental',
    'Installation and upkeep of solar pumping and rooftop panels (Noor Midelt and Aïn Beni Mathar nearby).',
  ],
  ['MA-02-CIRC', 'MA-02', Sector.CIRCULAR_ECONOMY, 'Recycling and reuse in Oujda and Nador', 'Collection, sorting and reuse of plastics, metals and textiles.'],
  ['MA-02-AGRI', 'MA-02', Sector.AGRIFOOD, 'Agri-food of the Moulouya plain (Berkane)', 'Clementine packing, olive oil and small food processing.'],
  ['MA-03-AGRI', 'MA-03', Sector.AGRIFOOD, 'Agri-food of the Saïss plain', 'Olive, fruit and dairy processing around Meknès and Fès.'],
  ['MA-03-CRAFT', 'MA-03', Sector.CRAFTS, 'Crafts of Fès', 'Leather, brass, pottery and zellige workshops of the medina.'],
  [
    'MA-04-AERO',
    'MA-04',
    Sector.AUTOMOTIVE,
    'Automotive ecosystem of Kénitra (Atlantic Free Zone)',
    'Subcontracting and services to the Kénitra automotive plant and suppliers.',
  ],
  ['MA-04-DIGI', 'MA-04', Sector.DIGITAL, 'Digital services in Rabat-Salé', 'Web, design and IT support services for administrations and small firms.'],
  ['MA-04-CIRC', 'MA-04', Sector.CIRCULAR_ECONOMY, 'Circular economy in Rabat-Salé-Kénitra', 'Repair, reuse and waste sorting around the Oum Azza facility.'],
  ['MA-05-AGRI', 'MA-05', Sector.AGRIFOOD, 'Agri-food of the Tadla plain', 'Dairy, sugar beet and olive processing.'],
  ['MA-05-MINE', 'MA-05', Sector.MINING, 'Phosphate basin of Khouribga', 'Services and maintenance subcontracting for the mining sites.'],
  ['MA-06-AERO', 'MA-06', Sector.AERONAUTICS, 'Aeronautics of Midparc (Nouaceur)', 'Services and light subcontracting for the aeronautics cluster.'],
  ['MA-06-TEXT', 'MA-06', Sector.TEXTILE, 'Textile and clothing of Casablanca', 'Garment finishing and small clothing workshops.'],
  ['MA-06-DIGI', 'MA-06', Sector.DIGITAL, 'Digital services of Casablanca', 'Freelance web, IT and design services.'],
  ['MA-07-TOUR', 'MA-07', Sector.TOURISM, 'Tourism of Marrakech and Essaouira', 'Guides, transport, catering and crafts for visitors.'],
  ['MA-07-CRAFT', 'MA-07', Sector.CRAFTS, 'Crafts of Marrakech and Safi', 'Pottery of Safi, leather and woodwork of Marrakech.'],
  [
    'MA-08-SOLAR',
    'MA-08',
    Sector.RENEWABLE_ENERGY,
    'Solar energy around Noor Ouarzazate',
    'Installation and upkeep of solar equipment; services to the Noor complex.',
  ],
  ['MA-08-TOUR', 'MA-08', Sector.TOURISM, 'Oasis and desert tourism (Zagora, Merzouga)', 'Guesthouses, guides and local products.'],
  ['MA-08-AGRI', 'MA-08', Sector.AGRIFOOD, 'Dates and roses of the oases', "Date packing (Errachidia) and rose products (Kelaat M'Gouna)."],
  ['MA-09-AGRI', 'MA-09', Sector.AGRIFOOD, 'Agri-food of Souss (Chtouka, Taroudant)', 'Packing, argan oil and farm services.'],
  ['MA-09-FISH', 'MA-09', Sector.FISHERIES, 'Fisheries of Agadir', 'Fish processing and boat maintenance.'],
  ['MA-09-RENEW', 'MA-09', Sector.RENEWABLE_ENERGY, 'Solar irrigation in Souss-Massa', 'Solar pumping installation and upkeep for farms.'],
  ['MA-09-CIRC', 'MA-09', Sector.CIRCULAR_ECONOMY, 'Agricultural waste recovery in Souss', 'Composting and reuse of greenhouse plastics.'],
  ['MA-10-FISH', 'MA-10', Sector.FISHERIES, 'Fisheries of Tan-Tan', 'Fish processing and port services.'],
  ['MA-11-RENEW', 'MA-11', Sector.RENEWABLE_ENERGY, 'Wind energy of Tarfaya and Laâyoune', 'Services around the wind farms.'],
  ['MA-11-FISH', 'MA-11', Sector.FISHERIES, 'Fisheries of Laâyoune', 'Fish processing and cold-chain services.'],
  ['MA-12-FISH', 'MA-12', Sector.FISHERIES, 'Fisheries and aquaculture of Dakhla', 'Oyster farming, fish processing and port services.'],
  ['MA-12-TOUR', 'MA-12', Sector.TOURISM, 'Kitesurf tourism of Dakhla', 'Guides, lodging and water-sports services.'],
];
