import { useState } from 'react';
import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { EXAMPLE_OPERATIONS, type ExampleOperation } from '../../src/examples';

function BookIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 4h10a4 4 0 0 1 4 4v12H8a4 4 0 0 1-4-4z" />
      <path d="M8 8h6M8 12h6" />
    </svg>
  );
}

/** Saved operations that load with one click, and a token box that fills the Authorization header. */
function ExamplesPane() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const [token, setToken] = useState('');

  const load = (example: ExampleOperation) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(JSON.stringify(example.variables ?? {}, null, 2));
  };
  const useToken = () => {
    // A partner API key (mkp_…) goes as "ApiKey <key>", anything else as a bearer token.
    const value = token.trim().replace(/^(Bearer|ApiKey)\s+/i, '');
    const authorization = value.startsWith('mkp_') ? `ApiKey ${value}` : `Bearer ${value}`;
    headerEditor?.setValue(value ? JSON.stringify({ Authorization: authorization }, null, 2) : '');
  };

  return (
    <div className="moukawil-examples">
      <div className="graphiql-doc-explorer-title">Exemples</div>
      <p>Opérations enregistrées : un clic les charge dans l'éditeur, puis ▶ les exécute.</p>
      <ul>
        {EXAMPLE_OPERATIONS.map((example) => (
          <li key={example.title}>
            <button type="button" className="graphiql-button" data-example={example.title} onClick={() => load(example)}>
              {example.title}
            </button>
            <p>
              {example.description}
              {example.role ? ` Rôle : ${example.role}.` : ''}
            </p>
          </li>
        ))}
      </ul>
      <label htmlFor="moukawil-token">Jeton (Bearer) ou clé API (mkp_…)</label>
      <textarea id="moukawil-token" rows={3} value={token} placeholder="npm run token -- --role NATIONAL" onChange={(e) => setToken(e.target.value)} />
      <button type="button" className="graphiql-button" onClick={useToken}>
        Utiliser ce jeton
      </button>
      <p>Il est placé dans l'en-tête Authorization (onglet « Headers »).</p>
      <div className="graphiql-doc-explorer-title">Accès</div>
      <ul className="moukawil-access">
        <li>
          <b>Sans jeton</b> (et jeton <code>PARTNER</code>) : régions, provinces, écosystèmes, partenaires, conventions ; activités ; toutes les statistiques (
          <code>nationalStats</code>, <code>registrationsByYear</code>, <code>Region.registrationStats</code>, <code>programmeStats</code>) ; programmes et
          événements ; indicateurs, objectifs, évaluations et scorecards.
        </li>
        <li>
          <b>Personnes</b> (nom, CIN, téléphone, date de naissance ; loi 09-08) : le conseil régional lit sa région, CIN masqués ; les conseillers (
          <code>ADVISOR</code>) lisent et écrivent dans leur région ; le niveau national (<code>NATIONAL</code>) partout. Sinon : <code>FORBIDDEN</code>.
        </li>
        <li>
          Jetons de développement : <code>npm run token -- --role NATIONAL|REGIONAL|ADVISOR|PARTNER [--region MA-09]</code>.
        </li>
        <li>
          Tableau de bord : <a href="/dashboard">/dashboard</a>.
        </li>
      </ul>
    </div>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Exemples', icon: BookIcon, content: ExamplesPane };
