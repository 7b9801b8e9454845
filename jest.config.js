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
  // One worker per core (jest's default leaves one core to itself: on 2 cores, one file at a time). Most e2e files wait on
  // child processes (Chromium, Python, tmux, spawned bin/ssj) or on disk; everything a test makes is its own (temp folders
  // from mkdtemp, tmux sessions named by process id), so files run side by side.
  maxWorkers: '100%',
  testSequencer: '<rootDir>/test/sequencer.cjs',
};
