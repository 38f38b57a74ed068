// A PostgreSQL server of its own for a test that stops and restarts it (the shared test server
// must keep running): `node postgres-server.js DATA_DIR PORT` prints one JSON line once it is up,
// and stops the server cleanly on SIGTERM. Runs the kit's embedded start, as the stack does.
const { startEmbeddedPostgres } = require('../../kit/dist/subgraph');

(async () => {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres(dataDir, Number(port));
  process.on('SIGTERM', () =>
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    ),
  );
  process.stdout.write(JSON.stringify({ url: server.url }) + '\n');
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
