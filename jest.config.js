// ESM TypeScript through ts-jest, which needs Node's VM modules: run it with `bash scripts/jest.sh`
// (`npm test`, `npm run test:one -- <file>`), which passes the flag.
import { availableParallelism } from 'node:os'

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true, rootDir: '.' } }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/__fixtures__/jest-setup.ts'],
  testSequencer: '<rootDir>/__fixtures__/jest-sequencer.js',
  // The end-to-end files mostly wait on the action's processes and the fakes' timers: two workers
  // per core keep the cores busy.
  maxWorkers: 2 * availableParallelism(),
  testTimeout: 30000
}
