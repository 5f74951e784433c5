/**
 * Module boundaries (HOUSE-STYLE.md): a module is imported by others only through its
 * index.ts; platform code knows no module; web features do not reach into each other; no cycles.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'Import another module only through its index.ts',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-into-module-internals',
      comment: 'Code outside the modules (app, cli, bootstrap) uses modules through index.ts',
      severity: 'error',
      from: { path: '^src/server/(?!modules/)' },
      to: { path: '^src/server/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'web-not-server',
      comment: 'The web app shares only src/contracts with the server',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'contracts-are-isomorphic',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|web)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
