import { ActivityCategory as C } from '../entities/enums';

/**
 * A plausible nomenclature of eligible activities (the official list is a PDF without stable
 * codes): a few dozen, in the four categories of Law 114-13. Excluded professions are elsewhere.
 */
export const ACTIVITIES: Array<[code: string, category: C, label: string]> = [
  ['C-01', C.COMMERCIAL, 'Épicerie de quartier'],
  ['C-02', C.COMMERCIAL, 'Vente de fruits et légumes'],
  ['C-03', C.COMMERCIAL, 'Vente de vêtements et chaussures'],
  ['C-04', C.COMMERCIAL, 'Vente de téléphones et accessoires'],
  ['C-05', C.COMMERCIAL, 'Quincaillerie et droguerie'],
  ['C-06', C.COMMERCIAL, 'Librairie et papeterie'],
  ['C-07', C.COMMERCIAL, 'Vente de produits cosmétiques'],
  ['C-08', C.COMMERCIAL, 'Commerce en ligne (e-commerce)'],
  ['C-09', C.COMMERCIAL, 'Vente de produits du terroir'],
  ['C-10', C.COMMERCIAL, 'Vente ambulante autorisée'],
  ['I-01', C.INDUSTRIAL, 'Boulangerie et pâtisserie'],
  ['I-02', C.INDUSTRIAL, 'Menuiserie bois et aluminium'],
  ['I-03', C.INDUSTRIAL, 'Confection de vêtements'],
  ['I-04', C.INDUSTRIAL, 'Transformation agroalimentaire artisanale'],
  ['I-05', C.INDUSTRIAL, 'Ferronnerie et soudure'],
  ['I-06', C.INDUSTRIAL, 'Imprimerie et sérigraphie'],
  ['I-07', C.INDUSTRIAL, "Fabrication de produits d'entretien"],
  ['A-01', C.ARTISANAL, 'Poterie et céramique'],
  ['A-02', C.ARTISANAL, 'Tissage de tapis'],
  ['A-03', C.ARTISANAL, 'Maroquinerie'],
  ['A-04', C.ARTISANAL, 'Zellige et mosaïque'],
  ['A-05', C.ARTISANAL, 'Bijouterie traditionnelle'],
  ['A-06', C.ARTISANAL, 'Broderie et couture traditionnelle'],
  ['A-07', C.ARTISANAL, "Extraction artisanale d'huile d'argan"],
  ['S-01', C.SERVICES, 'Coiffure et esthétique'],
  ['S-02', C.SERVICES, 'Réparation de téléphones mobiles'],
  ['S-03', C.SERVICES, 'Plomberie'],
  ['S-04', C.SERVICES, 'Électricité du bâtiment'],
  ['S-05', C.SERVICES, 'Développement web et mobile'],
  ['S-06', C.SERVICES, 'Design graphique'],
  ['S-07', C.SERVICES, 'Cours de soutien scolaire'],
  ['S-08', C.SERVICES, 'Nettoyage de locaux'],
  ['S-09', C.SERVICES, 'Photographie et vidéo'],
  ['S-10', C.SERVICES, 'Installation et maintenance de panneaux solaires'],
  ['S-11', C.SERVICES, 'Collecte et tri de déchets recyclables'],
  ['S-12', C.SERVICES, 'Traiteur et préparation de repas'],
  ['S-13', C.SERVICES, 'Maintenance informatique'],
  ['S-14', C.SERVICES, 'Guide touristique local'],
];

/** Professions excluded from the status (decree 2-15-263 lists over forty): a representative subset. */
export const EXCLUDED: Array<[code: string, category: C, label: string]> = [
  ['X-01', C.SERVICES, 'Architecte'],
  ['X-02', C.SERVICES, 'Avocat'],
  ['X-03', C.SERVICES, 'Notaire'],
  ['X-04', C.SERVICES, 'Médecin'],
  ['X-05', C.COMMERCIAL, 'Pharmacien'],
  ['X-06', C.COMMERCIAL, 'Importateur ou exportateur'],
  ['X-07', C.COMMERCIAL, 'Promoteur immobilier'],
  ['X-08', C.SERVICES, 'Expert-comptable'],
  ['X-09', C.SERVICES, 'Huissier de justice'],
  ['X-10', C.SERVICES, 'Vétérinaire'],
];
