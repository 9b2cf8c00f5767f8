// `npm run local-action` (GitHub's @github/local-action on the source, against the fake Netlify
// API) runs the step and shows its outputs, as CONTRIBUTING promises.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../__fixtures__/actions-runner.js'

describe('npm run local-action', () => {
  it('runs main and post against the fake API and shows the outputs', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'local-action-'))
    try {
      const { stdout } = await promisify(execFile)('bash', ['scripts/local-action.sh'], {
        cwd: ROOT,
        env: { ...process.env, RUNNER_TEMP: temp, FAKE_SESSION_MS: '500' },
        timeout: 60_000
      })
      expect(stdout).toContain('Action Outputs')
      expect(stdout).toMatch(/'outcome'\s*│\s*'success'/)
      expect(stdout).toMatch(/'agent-runner-id'\s*│\s*'[0-9a-f]+'/)
      expect(stdout).toContain('Running Post Step')
      expect(readFileSync(join(temp, 'summary.md'), 'utf8')).toContain(
        'Netlify agent run succeeded'
      )
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  }, 90_000)
})
