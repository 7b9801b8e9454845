/**
 * The layers of src/ (docs/CONTRIBUTING.md "Layers"), checked by `npm test`
 * (the pretest script runs `depcruise src`; any violation fails the run).
 *
 *   core      pure: nothing from io/render/commands/app/i18n, no fs/process/threads
 *   io        leaves: never render, app or commands
 *   render    strings and bytes: never io, app or commands
 *   app       one module per use case: never commands
 *   commands  a file directly in src/commands is a command; no command (nor
 *             a helper in a sub-folder) imports a command
 */

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core reads no file, clock or process and knows no shell layer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(io|render|commands|app)/', '^src/(main|cli|context)\\.ts$'] },
    },
    {
      name: 'core-no-i18n',
      comment: 'Issues carry a code and params (src/core/issue-codes.ts); errors a key and params; messages are rendered at the edge.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/i18n/' },
    },
    {
      name: 'core-no-node-io',
      comment: 'No fs, process, child processes or threads in the core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|process|child_process|worker_threads|os|net|http|https|readline)$' },
    },
    {
      name: 'render-not-io',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(io|app|commands)/' },
    },
    {
      name: 'io-is-a-leaf',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: ['^src/(render|app|commands)/', '^src/(main|cli)\\.ts$'] },
    },
    {
      name: 'app-not-commands',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: ['^src/commands/', '^src/(main|cli)\\.ts$'] },
    },
    {
      name: 'command-not-command',
      comment: 'A file directly in src/commands is a command; shared helpers live in a sub-folder (src/commands/common/ …).',
      severity: 'error',
      from: { path: '^src/commands/' },
      to: { path: '^src/commands/[^/]+\\.ts$' },
    },
    {
      name: 'sheetjs-one-loader',
      comment: 'SheetJS is loaded by src/io/sheetjs.ts alone (its code cache, one copy): import { XLSX } from it, not from xlsx (start-up, issue #20).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/io/sheetjs\\.ts$' },
      to: { path: '(^|/)node_modules/xlsx/xlsx\\.(mjs|js)$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'commander-one-loader',
      comment: 'commander is required by src/commander.ts alone (as CommonJS, not through its ESM entry): import from it (start-up, issue #20).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/commander\\.ts$' },
      to: { path: '(^|/)node_modules/commander/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
