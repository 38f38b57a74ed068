// Monaco's editors run their language services in web workers; ours are bundled beside the page
// (build.js), so nothing is fetched from a CDN.
const WORKERS: Record<string, string> = { json: 'json', graphql: 'graphql' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return new Worker(`/explorer/${WORKERS[label] ?? 'editor'}.worker.js`);
  },
};
