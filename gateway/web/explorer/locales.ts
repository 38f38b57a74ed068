/**
 * The explorer's own texts in the pages' three languages (GraphiQL's are its own, in English).
 * Markup: <b>, <code> and <a> are filled in by the page (react-i18next's Trans).
 */
const fr = {
  examples: 'Exemples',
  examplesHelp: "Opérations enregistrées : un clic les charge dans l'éditeur, puis ▶ les exécute.",
  role: 'Rôle : {{role}}.',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  tokenLabel: 'Jeton (Bearer) ou clé API (mkp_…)',
  useToken: 'Utiliser ce jeton',
  tokenWhere: "Il est placé dans l'en-tête Authorization (onglet « Headers »).",
  access: 'Accès',
  accessPublic:
    '<b>Sans jeton</b> (et jeton <code>PARTNER</code> ou clé API) : régions, provinces, écosystèmes, partenaires, conventions ; activités ; toutes les statistiques ; programmes et événements ; indicateurs, objectifs, évaluations et scorecards.',
  accessPeople:
    '<b>Personnes</b> (nom, CIN, téléphone, date de naissance ; loi 09-08) : le conseil régional lit sa région, CIN masqués ; les conseillers (<code>ADVISOR</code>) lisent et écrivent dans leur région ; le niveau national (<code>NATIONAL</code>) partout. Sinon : <code>FORBIDDEN</code>.',
  accessTokens: 'Jetons de développement : <code>npm run token -- --role NATIONAL|REGIONAL|ADVISOR|PARTNER [--region MA-09]</code>.',
  accessDashboard: 'Tableau de bord : <a>/dashboard</a>.',
  language: 'Langue',
};

export type ExplorerTranslation = typeof fr;

const en: ExplorerTranslation = {
  examples: 'Examples',
  examplesHelp: 'Saved operations: one click loads them into the editor, then ▶ runs them.',
  role: 'Role: {{role}}.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  tokenLabel: 'Bearer token or API key (mkp_…)',
  useToken: 'Use this token',
  tokenWhere: 'It goes into the Authorization header (the "Headers" tab).',
  access: 'Access',
  accessPublic:
    '<b>Without a token</b> (and with a <code>PARTNER</code> token or an API key): regions, provinces, ecosystems, partners, conventions; activities; every statistic; programmes and events; indicators, targets, assessments and scorecards.',
  accessPeople:
    '<b>People</b> (name, national ID, phone, birth date; law 09-08): a regional council reads its region, IDs masked; advisors (<code>ADVISOR</code>) read and write in their region; the national office (<code>NATIONAL</code>) everywhere. Otherwise: <code>FORBIDDEN</code>.',
  accessTokens: 'Development tokens: <code>npm run token -- --role NATIONAL|REGIONAL|ADVISOR|PARTNER [--region MA-09]</code>.',
  accessDashboard: 'Dashboard: <a>/dashboard</a>.',
  language: 'Language',
};

const ar: ExplorerTranslation = {
  examples: 'أمثلة',
  examplesHelp: 'عمليات محفوظة: نقرة واحدة تحمّلها في المحرر، ثم ▶ تنفذها.',
  role: 'الدور: {{role}}.',
  signIn: 'تسجيل الدخول',
  signOut: 'تسجيل الخروج',
  tokenLabel: 'رمز الدخول (Bearer) أو مفتاح API (mkp_…)',
  useToken: 'استعمال هذا الرمز',
  tokenWhere: 'يوضع في ترويسة Authorization (علامة التبويب « Headers »).',
  access: 'الولوج',
  accessPublic:
    '<b>بدون رمز</b> (وبرمز <code>PARTNER</code> أو مفتاح API): الجهات والأقاليم والمنظومات والشركاء والاتفاقيات؛ الأنشطة؛ كل الإحصائيات؛ البرامج والأنشطة التحسيسية؛ المؤشرات والأهداف والتقييمات ولوحات المؤشرات.',
  accessPeople:
    '<b>الأشخاص</b> (الاسم، رقم البطاقة الوطنية، الهاتف، تاريخ الازدياد؛ القانون 09-08): المجلس الجهوي يطلع على جهته مع إخفاء جزء من رقم البطاقة؛ المستشارون (<code>ADVISOR</code>) يطلعون ويكتبون في جهتهم؛ المستوى الوطني (<code>NATIONAL</code>) في كل مكان. وإلا: <code>FORBIDDEN</code>.',
  accessTokens: 'رموز التطوير: <code>npm run token -- --role NATIONAL|REGIONAL|ADVISOR|PARTNER [--region MA-09]</code>.',
  accessDashboard: 'لوحة القيادة: <a>/dashboard</a>.',
  language: 'اللغة',
};

export const EXPLORER_TRANSLATIONS = { ar, fr, en };
