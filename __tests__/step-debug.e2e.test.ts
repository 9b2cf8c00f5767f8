// Step debug end to end: what the "Enable debug logging" re-run (RUNNER_DEBUG=1) shows, and that an
// ordinary run writes no ::debug:: line at all.
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../__fixtures__/actions-runner.js'
import { useFakeGitHub } from '../__fixtures__/use-fake-github.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_debug_secret_token'
const GH_TOKEN = 'ghs_debug_workflow_token'
const SITE = 'site-debug'
const netlify = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'debug-site', account_id: 'acct-debug' }],
  scenario: { sessionMs: 300, steps: 1 }
})

const gh = useFakeGitHub({
  token: GH_TOKEN,
  owner: 'octo',
  repo: 'site',
  permissions: { alice: 'write' },
  issues: [{ number: 12, title: 'The header link is broken', user: 'bob' }]
})

const inputs = (): Record<string, string> => ({
  'netlify-auth-token': TOKEN,
  'site-id': SITE,
  'api-url': netlify().url,
  prompt: 'Fix the header link'
})

const debugLines = (log: string): string[] =>
  log.split('\n').filter(line => line.startsWith('::debug::'))

describe('step debug', () => {
  it('shows each Netlify request, each polling decision and each state change', async () => {
    const run = await runAction({ inputs: inputs(), env: { RUNNER_DEBUG: '1' } })
    expect(run.exitCode).toBe(0)
    const lines = debugLines(run.log)
    const runner = run.outputs['agent-runner-id']!
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::debug::Netlify: POST \/api\/v1\/agent_runners → 20\d in \d+ ms \(attempt 1\)$/
      )
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::debug::Netlify: GET /api/v1/agent_runners/${runner}/sessions/[\\w-]+ → 200 in \\d+ ms`
        )
      )
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/^::debug::Next status check in 2\.0 s: the session is young/)
    )
    expect(lines).toContainEqual(expect.stringMatching(/^::debug::Session [\w-]+: \w+ → done$/))
    // Paths only: a query string (presigned upload URLs carry signatures) never reaches the log.
    expect(lines.filter(line => /→/.test(line) && line.includes('?'))).toEqual([])
  })

  it('shows the GitHub requests of an event run', async () => {
    const run = await runAction({
      inputs: { ...inputs(), prompt: '' },
      env: { RUNNER_DEBUG: '1' },
      github: {
        eventName: 'issues',
        event: 'issues-labeled.json',
        apiUrl: gh().url,
        token: GH_TOKEN
      }
    })
    expect(run.exitCode).toBe(0)
    expect(debugLines(run.log)).toContainEqual(
      expect.stringMatching(
        /^::debug::GitHub: GET \/repos\/octo\/site\/collaborators\/[\w-]+\/permission → 200 in \d+ ms/
      )
    )
  })

  it('writes no ::debug:: line when step debug is off', async () => {
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(debugLines(run.log)).toEqual([])
  })
})
