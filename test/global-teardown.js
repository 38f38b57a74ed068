const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const running = globalThis.__MOUKAWIL__;
  if (!running) return;
  await running.stack.stop();
  await running.identity?.stop();
  await running.database.stop();
  rmSync(running.dataDir, { recursive: true, force: true });
};
