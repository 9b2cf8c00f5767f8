// Faults when a run starts, end to end: dist/main against the fake with faults injected on the
// creates, or with no Netlify to reach. Each row asserts the outcome, the exit status, what is
// left on Netlify, and that exactly one run was created (or none, when Netlify refused). Faults
// while the step waits are in faults.e2e.
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:net'
import { runAction } from '../__fixtures__/actions-runner.js'
import type { Fault } from '../__fixtures__/fake-netlify/index.js'
import {
  FAULTS_SITE as SITE,
  FAULTS_TOKEN as TOKEN,
  lowerState as state,
  useFaultsSite
} from '../__fixtures__/faults-site.js'

const CREATE_RUNNER = '/api/v1/agent_runners'
const CREATE_SESSION = /^\/api\/v1\/agent_runners\/[^/]+\/sessions$/
const { fake, inputs, runnerCount } = useFaultsSite()

/** A runner whose first session is done, to follow up on. */
async function finishedRunner(): Promise<string> {
  const run = await runAction({ inputs: inputs() })
  expect(run.outputs.outcome).toBe('success')
  return run.outputs['agent-runner-id']!
}

describe('a start whose answer is lost is never made twice', () => {
  it('create answered 502 after the run was created: the run is found and adopted', async () => {
    fake().injectFault({ method: 'POST', path: CREATE_RUNNER, status: 502, after: true })
    const before = runnerCount()
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(runnerCount() - before).toBe(1)
    expect(run.log).toContain('Checking whether it started anyway')
    expect(run.log).toContain('It had started: carrying on with it.')
    expect(
      fake()
        .requests.filter(r => r.method === 'POST' && r.path === CREATE_RUNNER)
        .at(-1)?.status
    ).toBe(502)
  })

  it('create cut off after the run was created: found and adopted', async () => {
    fake().injectFault({ method: 'POST', path: CREATE_RUNNER, reset: true, after: true })
    const before = runnerCount()
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(runnerCount() - before).toBe(1)
    expect(run.log).toContain('It had started: carrying on with it.')
  })

  it('create answered 502 before the run was created: looked for, then made once', async () => {
    fake().injectFault({ method: 'POST', path: CREATE_RUNNER, status: 502 })
    const before = runnerCount()
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(runnerCount() - before).toBe(1)
    expect(run.log).toContain('It had not started; trying again (2 of 3).')
  }, 20_000)

  it('session create answered 502 after it was created: adopted, one new session', async () => {
    const runnerId = await finishedRunner()
    fake().injectFault({ method: 'POST', path: CREATE_SESSION, status: 502, after: true })
    const run = await runAction({ inputs: inputs({ 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(fake().sessions(runnerId)).toHaveLength(2)
    expect(run.outputs['session-id']).toBe(fake().sessions(runnerId)[1]!.id)
  })

  it('session create answered 502 before it was created: made once', async () => {
    const runnerId = await finishedRunner()
    fake().injectFault({ method: 'POST', path: CREATE_SESSION, status: 502 })
    const run = await runAction({ inputs: inputs({ 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(fake().sessions(runnerId)).toHaveLength(2)
  }, 20_000)
})

describe('permanent refusals fail at once, with a sentence to act on, and start nothing', () => {
  const rows: [string, Record<string, string>, (() => Fault) | undefined, RegExp][] = [
    [
      '401: a wrong token',
      { 'netlify-auth-token': 'nfp_wrong' },
      undefined,
      /token is missing, wrong or expired/
    ],
    [
      '403: no credits',
      {},
      () => ({
        method: 'POST',
        path: CREATE_RUNNER,
        status: 403,
        body: '{"error":"Credit limit reached"}'
      }),
      /Credit limit reached\. .*plan includes Agent Runners and that it has credits left/
    ],
    [
      '404: an unknown site',
      { 'site-id': 'no-such-site' },
      undefined,
      /Site no-such-site was not found/
    ],
    ['422: an unknown deploy', { 'deploy-id': 'missing-deploy' }, undefined, /`deploy-id`/]
  ]
  it.each(rows)('%s', async (_name, extra, fault, message) => {
    if (fault) fake().injectFault(fault())
    const before = runnerCount()
    const posts = fake().requests.filter(r => r.method === 'POST').length
    const run = await runAction({ inputs: inputs(extra) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.log.split('\n').filter(l => l.startsWith('::error::'))).toEqual([
      expect.stringMatching(message)
    ])
    expect(runnerCount()).toBe(before)
    // Not retried: at most the one refused create.
    expect(fake().requests.filter(r => r.method === 'POST').length - posts).toBeLessThanOrEqual(1)
    expect(run.log).not.toMatch(/trying again/)
  })

  it('an error that echoes the token back is redacted', async () => {
    fake().injectFault({
      method: 'POST',
      path: CREATE_RUNNER,
      status: 400,
      body: JSON.stringify({ error: `Bad request from token ${TOKEN}` })
    })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(1)
    expect(run.log).toContain(
      '::error::Netlify API POST /api/v1/agent_runners?site_id=site-faults failed with 400: Bad request from token ***'
    )
    // Once: the mask command itself.
    expect(run.log.split(TOKEN).length - 1).toBe(1)
    expect(JSON.stringify(run.outputs)).not.toContain(TOKEN)
  })

  it('409: a follow-up on a runner whose session is still active', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const busy = await runAction({ inputs: inputs({ wait: 'false' }) })
    const runnerId = busy.outputs['agent-runner-id']!
    const run = await runAction({ inputs: inputs({ 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.log).toMatch(/::error::.*failed with 409.*already has an active session/)
    expect(fake().sessions(runnerId)).toHaveLength(1)
    expect(state(fake().sessions(runnerId)[0]?.state)).toMatch(/^(new|running)$/)
  })
})

describe('Netlify out of reach', () => {
  it('an api-url nothing listens on: "could not be reached at" that host, naming the input', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as { port: number }).port
    await new Promise(resolve => closed.close(resolve))

    const run = await runAction({ inputs: inputs({ 'api-url': `http://127.0.0.1:${port}` }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    const where = `Netlify could not be reached at 127.0.0.1:${port} (from input \`api-url\`)`
    expect(run.log).toContain(
      `::error::${where}: GET /api/v1/sites/${SITE}: connect ECONNREFUSED 127.0.0.1:${port} (ECONNREFUSED)`
    )
    expect(run.log).toContain(`${where}: GET /api/v1/sites/${SITE} (ECONNREFUSED); trying again`)
    expect(run.log).not.toContain('Netlify answered')
  }, 30_000)
})
