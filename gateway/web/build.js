// Bundles the explorer (GraphiQL) and the dashboard into gateway/dist/web, served by the gateway:
// every script, style, font and worker comes from the gateway itself, never from a CDN.
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { brotliCompressSync, constants: zlib, gzipSync } = require('node:zlib');
const { join, relative, sep } = require('node:path');
const esbuild = require('esbuild');

const OUT = join(__dirname, '..', 'dist', 'public');

const page = (title, id, base, preload = null) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="${base}/${id}.css">${(preload ?? []).map((file) => `<link rel="modulepreload" href="${base}/${file}">`).join('')}</head>
<body><div id="${id}"><p style="font-family:sans-serif;padding:1rem">Chargement…</p></div>
<noscript>JavaScript est nécessaire.</noscript><script ${preload ? 'type="module" ' : ''}src="${base}/${id}.js"></script></body></html>
`;

/**
 * The dashboard must open fast on a phone's slow link: Preact stands in for React (the same API
 * through preact/compat, a tenth of react-dom's size), and each view that is not an overview is a
 * chunk of its own, loaded when opened, so that Chart.js and the CSV writer come only with the
 * views that draw charts.
 */
const DASHBOARD = {
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react-dom/client': 'preact/compat/client',
    'react/jsx-runtime': 'preact/jsx-runtime',
  },
};

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
  // Chunks are named by their content: those of an earlier build go, so that no stale one is served.
  rmSync(join(OUT, 'dashboard'), { recursive: true, force: true });
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
  ]);
  const dashboard = await esbuild.build({
    ...common,
    ...DASHBOARD,
    metafile: true,
    entryPoints: { dashboard: join(__dirname, 'dashboard', 'main.tsx') },
    outdir: join(OUT, 'dashboard'),
  });
  // The chunks the app imports at once are named in the page, so that the browser asks for them
  // with the app instead of after it (one round trip less on a slow link).
  const entry = Object.entries(dashboard.metafile.outputs).find(([path]) => path.endsWith('/dashboard.js'));
  const preload = entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => relative(join(OUT, 'dashboard'), i.path).split(sep).join('/'));
  // Compressed once here, served as they are (gateway/src/pages.ts): brotli at its best quality, gzip for the others.
  for (const file of Object.keys(dashboard.metafile.outputs)) {
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION }));
  }
  writeFileSync(join(OUT, 'explorer', 'index.html'), page('Moukawil Graph — explorateur GraphQL', 'explorer', '/explorer'));
  writeFileSync(join(OUT, 'dashboard', 'index.html'), page('Moukawil Graph — tableau de bord', 'dashboard', '/dashboard/assets', preload));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
