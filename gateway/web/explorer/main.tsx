import './monaco-workers';
import 'graphiql/style.css';
import './explorer.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { EXAMPLE_OPERATIONS } from '../../src/examples';
import { examplesPlugin } from './ExamplesPlugin';
import { EXPLORER_TRANSLATIONS } from './locales';
import { startLanguages } from '../shared/languages';

// GraphiQL's editors stay left to right whatever the language: only the help pane turns.
startLanguages('explorer', EXPLORER_TRANSLATIONS, false);

// Same origin only: the explorer talks to the gateway that served it.
const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });
const first = EXAMPLE_OPERATIONS[0];

createRoot(document.getElementById('explorer')!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[examplesPlugin]}
    visiblePlugin={examplesPlugin}
    defaultQuery={first.query}
    initialVariables={JSON.stringify(first.variables ?? {}, null, 2)}
    defaultEditorToolsVisibility
  >
    <GraphiQL.Logo>Moukawil Graph</GraphiQL.Logo>
  </GraphiQL>,
);
