// Faults while the step waits, end to end: dist/main against the fake with faults injected. Each
// row asserts the outcome, the exit status, what is left on Netlify, and that exactly one run was
// created. Rows elsewhere: faults when a run starts (start-faults.e2e), session error and remote
// cancellation (run.e2e), timeouts, SIGINT/SIGTERM and SIGKILL followed by the post step
// (lifecycle.e2e).
import { describe, expect, it } from '@jest/globals'
import { outputsWhileRunning, runAction, startAction } from '../__fixtures__/actions-runner.js'
import type { Fault } from '../__fixtures__/fake-netlify/index.js'
import {
  FAULTS_TOKEN as TOKEN,
  lowerState as state,
  useFaultsSite
} from '../__fixtures__/faults-site.js'

const SESSION_GET = /^\/api\/v1\/agent_runners\/[^/]+\/sessions\/[^/]+$/
const { fake, inputs, runnerCount } = useFaultsSite()

describe('transient failures while waiting are ridden out', () => {
  const rows: [string, () => Fault][] = [
    ['a burst of 503s', () => ({ method: 'GET', path: SESSION_GET, status: 503, times: 3 })],
    [
      'a 429 with Retry-After',
      () => ({ method: 'GET', path: SESSION_GET, status: 429, retryAfter: '1' })
    ],
    [
      'a 429 with X-RateLimit-Reset',
      () => ({
        method: 'GET',
        path: SESSION_GET,
        status: 429,
        rateLimitReset: Math.ceil(Date.now() / 1000) + 2
      })
    ],
    ['connection resets', () => ({ method: 'GET', path: SESSION_GET, reset: true, times: 2 })],
    [
      "a proxy's HTML 502 page",
      () => ({ method: 'GET', path: SESSION_GET, status: 502, html: true, times: 2 })
    ],
    ['a hung request', () => ({ method: 'GET', path: SESSION_GET, delayMs: 120_000 })]
  ]
  it.each(rows)(
    '%s',
    async (_name, fault) => {
      // Still at work when the start reads it: the faults meet the status checks that follow.
      fake().setScenario({ sessionMs: 300 })
      fake().injectFault(fault())
      const before = runnerCount()
      const run = await runAction({ inputs: inputs() })
      expect(run.exitCode).toBe(0)
      expect(run.outputs.outcome).toBe('success')
      expect(runnerCount() - before).toBe(1)
      expect(state(fake().sessions(run.outputs['agent-runner-id']!)[0]?.state)).toBe('done')
      expect(run.log).toMatch(/trying again in \d+\.\d s/)
    },
    30_000
  )
})

describe('the runner changes under the step', () => {
  it('archived remotely: the session is cancelled and the step says so', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const before = runnerCount()
    const step = startAction({ inputs: inputs() })
    const runnerId = (await outputsWhileRunning(step))['agent-runner-id']
    await fetch(`${fake().url}/api/v1/agent_runners/${runnerId}/archive`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` }
    })
    const run = await step.done
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(runnerCount() - before).toBe(1)
    expect(
      state(
        fake()
          .runners()
          .find(r => r.id === runnerId)?.state
      )
    ).toBe('archived')
  })
})
