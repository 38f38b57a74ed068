// Ports for the processes the tests start (the shared stack, a suite's own gateway or subgraph).
//
// A port the OS picks (listen on 0) and that is closed again before the child binds it lies in the
// ephemeral range (32768-60999 on Linux): any outgoing connection of the run (the database pool,
// keep-alive HTTP) may take it in between. These come from below that range instead, from a block
// of each jest worker's own (the global setup has block 0), so two workers never hand out the same
// port; each is checked free when handed out and never handed out twice by one test file. A file
// starts at a random place in its worker's block, so that the next file of that worker does not
// meet ports the previous one's processes may still hold while they stop.
const { createServer } = require('node:net');

const BASE = 20_000;
const BLOCK = 1_500;
let offset = Math.floor(Math.random() * BLOCK);
let handedOut = 0;

function bindable(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port of this worker's block. */
async function freePort() {
  const worker = Number(process.env.JEST_WORKER_ID ?? 0);
  for (; handedOut < BLOCK; handedOut++) {
    const port = BASE + worker * BLOCK + ((offset + handedOut) % BLOCK);
    if (await bindable(port)) {
      handedOut++;
      return port;
    }
  }
  throw new Error(`no free port left in jest worker ${worker}'s block`);
}

module.exports = { freePort };
