/**
 * Prints how long each suite took, slowest first, at the end of a run: where the suite's minutes
 * go (the whole `npm test` must stay under 6 minutes on 2 cores).
 */
class DurationsReporter {
  onRunComplete(_contexts, results) {
    const root = `${process.cwd()}/`;
    const suites = results.testResults
      .map((suite) => ({ file: suite.testFilePath.replace(root, ''), seconds: (suite.perfStats.end - suite.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    const total = suites.reduce((sum, s) => sum + s.seconds, 0);
    const lines = suites.map((s) => `${s.seconds.toFixed(1).padStart(7)} s  ${s.file}`);
    process.stdout.write(`\nSuite durations (${suites.length} suites, ${total.toFixed(0)} s in all, run two at a time):\n${lines.join('\n')}\n`);
  }
}

module.exports = DurationsReporter;
