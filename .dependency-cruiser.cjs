/**
 * Module boundaries (HOUSE-STYLE.md): a module is imported by others only through its
 * index.ts; platform code knows no module; web features use each other only through index.ts, the
 * shell and components below them, app/ on top; no cycles.
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
    {
      name: 'web-feature-internals',
      comment:
        'A web feature uses another feature only through its index.ts, or its public.ts (a light face for public pages, kept off a first visit)',
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/' },
      to: {
        path: '^src/web/features/([^/]+)/',
        pathNot: ['^src/web/features/$1/', '^src/web/features/[^/]+/(index|public)\\.ts$'],
      },
    },
    {
      name: 'web-outside-into-feature-internals',
      comment:
        'Outside the features, only the router opens their pages.ts (lazy pages) and only the shell dictionaries read their messages',
      severity: 'error',
      from: {
        path: '^src/web/(?!features/)',
        pathNot: ['^src/web/app/router\\.tsx$', '^src/web/shell/dictionary\\.(vi|en)\\.ts$'],
      },
      to: { path: '^src/web/features/' },
    },
    {
      name: 'web-router-uses-feature-pages',
      severity: 'error',
      from: { path: '^src/web/app/router\\.tsx$' },
      to: { path: '^src/web/features/[^/]+/(?!pages\\.ts$)' },
    },
    {
      name: 'web-dictionary-reads-feature-messages',
      severity: 'error',
      from: { path: '^src/web/shell/dictionary\\.(vi|en)\\.ts$' },
      to: { path: '^src/web/features/[^/]+/(?!messages\\.(vi|en)\\.ts$)' },
    },
    {
      name: 'web-messages-are-data',
      comment:
        "A feature's messages.*.ts import nothing but its own messages.vi.ts, so the shell dictionary can read them",
      severity: 'error',
      from: { path: '^src/web/features/([^/]+)/messages\\.(vi|en)\\.ts$' },
      to: { pathNot: '^src/web/features/$1/messages\\.vi\\.ts$' },
    },
    {
      name: 'web-nothing-imports-app',
      comment: 'app/ composes (router, providers); only main.tsx imports it',
      severity: 'error',
      from: { path: '^src/web/', pathNot: '^src/web/(main\\.tsx$|app/)' },
      to: { path: '^src/web/app/' },
    },
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared (isomorphic kernels such as the Vietnamese text rules) imports no app code',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web|contracts)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests and their support files (test-only helpers) may use other modules' test helpers.
    exclude: { path: '\\.test(-support)?\\.tsx?$|/test-support\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
