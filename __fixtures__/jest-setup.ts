// Runs in each test file (jest.config.js setupFilesAfterEnv). Code under test that records
// outputs, state or the job summary writes them to files of the test file's own, as on a runner,
// instead of printing them; and every temp folder the file made is removed when it ends.
import { afterAll, beforeAll } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir, removeTempDirs } from './temp-dirs.js'

const FILES = {
  GITHUB_OUTPUT: 'output.txt',
  GITHUB_STATE: 'state.txt',
  GITHUB_STEP_SUMMARY: 'summary.md'
}

// In a hook rather than at load: a file whose tests are all filtered out runs no afterAll either.
beforeAll(() => {
  const dir = makeTempDir('jest-runner-')
  for (const [variable, name] of Object.entries(FILES)) {
    process.env[variable] = join(dir, name)
    writeFileSync(join(dir, name), '')
  }
  process.env.RUNNER_TEMP = join(dir, 'runner-temp')
  mkdirSync(process.env.RUNNER_TEMP)
})

afterAll(removeTempDirs)
