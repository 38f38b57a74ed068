// Bundles the explorer (GraphiQL) and the dashboard into gateway/dist/web, served by the gateway:
// every script, style, font and worker comes from the gateway itself, never from a CDN.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');

const OUT = join(__dirname, '..', 'dist', 'public');

const page = (title, id, base) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${base}/${id}.css"></head>
<body><div id="${id}"><p style="font-family:sans-serif;padding:1rem">Chargement…</p></div>
<noscript>JavaScript est nécessaire.</noscript><script src="${base}/${id}.js"></script></body></html>
`;

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
};

async function main() {
  mkdirSync(OUT, { recursive: true });
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { explorer: join(__dirname, 'explorer', 'main.tsx') },
      outdir: join(OUT, 'explorer'),
      format: 'iife',
      loader: { '.ttf': 'dataurl', '.woff2': 'dataurl' },
    }),
    esbuild.build({
      ...common,
      format: 'iife',
      outdir: join(OUT, 'explorer'),
      entryPoints: {
        'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
        'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
        'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
      },
    }),
    esbuild.build({ ...common, entryPoints: { dashboard: join(__dirname, 'dashboard', 'main.tsx') }, outdir: join(OUT, 'dashboard'), format: 'iife' }),
  ]);
  writeFileSync(join(OUT, 'explorer', 'index.html'), page('Moukawil Graph — explorateur GraphQL', 'explorer', '/explorer'));
  writeFileSync(join(OUT, 'dashboard', 'index.html'), page('Moukawil Graph — tableau de bord', 'dashboard', '/dashboard/assets'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
