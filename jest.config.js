import os from 'node:os';

// ESM + TypeScript: ts-jest's ESM mode, transpile-only (isolatedModules);
// type checking is `npm run build` (tsc), which `npm test` runs first.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Every temp folder made through test/helpers is removed after its test file.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/setup.ts'],
  testTimeout: 60000,
  // One worker more than the cores (3 on this 2-core machine; jest's default, cores - 1, ran one file at a time): most e2e
  // files wait on child processes (Chromium, LibreOffice, Python, tmux, spawned bin/ssj) or on fsync, and the third worker
  // keeps both cores busy meanwhile (measured on this machine while shared: npm test 345 s with 2 workers, 205 s with 3,
  // the same CPU time). Everything a test makes is its own (temp folders from mkdtemp, tmux sessions named by process
  // id), so files run side by side.
  maxWorkers: os.availableParallelism() + 1,
  testSequencer: '<rootDir>/test/sequencer.cjs',
};
