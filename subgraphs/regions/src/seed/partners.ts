import { PartnerKind as K } from '../entities/Partner';
import { REGIONS } from '@moukawil/kit/domain';

/** National partners of the sources (Maroc PME, Barid Al-Maghrib, honour-loan networks, banks). */
const NATIONAL: Array<[string, string, K]> = [
  ['MAROC-PME', 'Maroc PME (ex-ANPME)', K.NATIONAL_AGENCY],
  ['BARID-AL-MAGHRIB', 'Barid Al-Maghrib (keeper of the national register, RNAE)', K.PUBLIC_OPERATOR],
  ['INITIATIVE-MAROC', 'Initiative Maroc (honour-loan platforms)', K.ASSOCIATION],
  ['RESEAU-ENTREPRENDRE', 'Réseau Entreprendre Maroc', K.ASSOCIATION],
  ['GPBM', 'Groupement professionnel des banques du Maroc', K.BANK],
];

/** Every region has its elected council, its chamber (CCIS) and its investment centre (CRI). */
function regional(): Array<[string, string, K, string]> {
  const rows: Array<[string, string, K, string]> = [];
  for (const { code, name } of REGIONS) {
    const n = code.slice(3);
    rows.push([`CR-${n}`, `Conseil régional ${name}`, K.REGIONAL_COUNCIL, code]);
    rows.push([`CCIS-${n}`, `CCIS ${name}`, K.CCIS, code]);
    rows.push([`CRI-${n}`, `CRI ${name}`, K.CRI, code]);
  }
  return rows;
}

const LOCAL: Array<[string, string, K, string]> = [
  ['CC-TAOUJDAT', 'Conseil communal de Taoujdat', K.MUNICIPAL_COUNCIL, 'MA-03'],
  ['IM-SOUSS-MASSA', 'Initiative Souss-Massa', K.ASSOCIATION, 'MA-09'],
  ['IM-RSK', 'Initiative Rabat-Salé-Kénitra', K.ASSOCIATION, 'MA-04'],
  ['IM-ORIENTAL', 'Initiative Oriental', K.ASSOCIATION, 'MA-02'],
];

export const PARTNERS: Array<[code: string, name: string, kind: K, region: string | null]> = [
  ...NATIONAL.map(([c, n, k]) => [c, n, k, null] as [string, string, K, null]),
  ...regional(),
  ...LOCAL,
];
