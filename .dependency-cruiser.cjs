// The layering of board, checked by `npm run depcheck`. docs/architecture.md draws it.
// From the inside out: src/domain (pure) ← src/store, src/import ← src/services ← src/cli ← commands.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure functions (now and the zone passed in); it may not reach out to the store, services, the CLI or the import pipeline.',
      severity: 'error',
      from: {path: '^src/domain/'},
      to: {path: '^src/(store|services|cli|import)/'},
    },
    {
      name: 'store-stays-below',
      comment: 'The store is used by services and the CLI, never the other way round.',
      severity: 'error',
      from: {path: '^src/store/'},
      to: {path: '^(src/(services|cli)|commands)/'},
    },
    {
      name: 'import-stays-below',
      comment: 'The import pipeline is handed what it needs from services (see services/cases/import.ts); it never calls up into them or the CLI.',
      severity: 'error',
      from: {path: '^src/import/'},
      to: {path: '^(src/(services|cli)|commands)/'},
    },
    {
      name: 'services-stay-below-cli',
      comment: 'Services take what they need (store, clock, callbacks) and return data; rendering and prompting are the CLI\'s.',
      severity: 'error',
      from: {path: '^src/services/'},
      to: {path: '^(src/cli|commands)/'},
    },
    {
      name: 'only-commands-import-commands',
      comment: 'A command is an entry point; code below it imports services, not commands.',
      severity: 'error',
      from: {path: '^src/'},
      to: {path: '^commands/'},
    },
    {
      name: 'no-circular',
      comment: 'An import cycle ties modules together for good; move the shared piece into its own file.',
      severity: 'error',
      from: {},
      to: {circular: true},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package; bin/run.js\'s import of the bundle resolves once `npm run build` has made dist/.',
      severity: 'error',
      from: {},
      to: {couldNotResolve: true, pathNot: '^\\.\\./dist/bundle/board\\.js$'},
    },
    {
      name: 'not-to-dev-dep',
      comment: 'What ships (src, commands, bin) may not need a devDependency at run time.',
      severity: 'error',
      from: {path: '^(src|commands|bin)/'},
      to: {dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only']},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(dist|test/fixtures)/'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.check.json'},
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {text: {highlightFocused: true}},
  },
}
