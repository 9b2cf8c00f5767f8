// `error-kind`, end to end: each word the fakes can bring about, through dist/main as the runner
// runs it, on every path that sets it (a step that fails before it has a report, a report with a
// failure, a failure that does not fail the step, a management command). `internal` is a bug of
// ours, so it is only unit-tested (error-kind.test.ts).
import { describe, expect, it } from '@jest/globals'
import {
  outputsWhileRunning,
  runAction,
  startAction,
  type ActionResult,
  type GitHubContext
} from '../__fixtures__/actions-runner.js'
import { useFakeGitHub } from '../__fixtures__/use-fake-github.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_error_kind_token'
const GH_TOKEN = 'ghs_error_kind_token'
const SITE = 'site-kinds'
const SESSION_GET = /^\/api\/v1\/agent_runners\/[^/]+\/sessions\/[^/]+$/
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'kinds-site', account_id: 'acct-k', repo_branch: 'production' }],
  scenario: { sessionMs: 0, steps: 1, prMs: 200, commitMs: 200 }
})

const github = useFakeGitHub({
  token: GH_TOKEN,
  owner: 'octo',
  repo: 'site',
  permissions: { alice: 'write' },
  issues: [{ number: 12, title: 'Fix the header', user: 'bob' }]
})

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: `Task ${Math.random()}`,
    ...extra
  }
}

function management(command: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'netlify-auth-token': TOKEN, 'api-url': fake().url, command, ...extra }
}

const labeled = (payload = 'issues-labeled.json'): GitHubContext => ({
  eventName: 'issues',
  event: payload,
  apiUrl: github().url,
  token: GH_TOKEN
})

/** A runner whose only session is done. */
async function doneRunner(): Promise<string> {
  const run = await runAction({ inputs: inputs() })
  expect(run.outputs.outcome).toBe('success')
  return run.outputs['agent-runner-id']!
}

function expectKind(run: ActionResult, kind: string, exitCode = 1): void {
  expect([run.outputs['error-kind'], run.exitCode]).toEqual([kind, exitCode])
}

describe('a step that fails before it has a report', () => {
  it('input: an input refused, before any request', async () => {
    const before = fake().requests.length
    const run = await runAction({ inputs: inputs({ mode: 'sideways' }) })
    expectKind(run, 'input')
    expect(run.outputs.outcome).toBe('failure')
    expect(fake().requests.length).toBe(before)
  })

  it('auth: 401, a wrong token', async () => {
    expectKind(await runAction({ inputs: inputs({ 'netlify-auth-token': 'nfp_wrong' }) }), 'auth')
  })

  it('plan: 403, out of credits', async () => {
    fake().injectFault({
      method: 'POST',
      path: '/api/v1/agent_runners',
      status: 403,
      body: '{"error":"Credit limit reached"}'
    })
    expectKind(await runAction({ inputs: inputs() }), 'plan')
  })

  it('not-found: 404, an unknown site', async () => {
    expectKind(await runAction({ inputs: inputs({ 'site-id': 'no-such-site' }) }), 'not-found')
  })

  it('a step asked to deliver that fails first still says it delivered no protected file', async () => {
    const run = await runAction({
      inputs: inputs({ 'site-id': 'no-such-site', 'pull-request': 'true' })
    })
    expectKind(run, 'not-found')
    expect(run.outputs['protected-files']).toBe('[]')
  })

  it('conflict: 409, a follow-up on a runner whose session is still running', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const busy = await runAction({ inputs: inputs({ wait: 'false' }) })
    expect(busy.outputs['error-kind']).toBe('')
    const run = await runAction({
      inputs: inputs({ 'agent-runner-id': busy.outputs['agent-runner-id']! })
    })
    expectKind(run, 'conflict')
  })

  it('rejected: 422, a deploy Netlify does not know', async () => {
    expectKind(await runAction({ inputs: inputs({ 'deploy-id': 'missing-deploy' }) }), 'rejected')
  })

  it('netlify-unavailable: 503s past the retries', async () => {
    fake().injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, status: 503, times: 5 })
    const run = await runAction({ inputs: inputs() })
    expectKind(run, 'netlify-unavailable')
    expect(run.log).toMatch(/trying again/)
  }, 30_000)

  it('rate-limited: a 429 whose wait would pass the deadline', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    fake().injectFault({ method: 'GET', path: SESSION_GET, status: 429, retryAfter: '600' })
    const run = await runAction({ inputs: inputs({ 'timeout-minutes': '0.1' }) })
    expectKind(run, 'rate-limited')
    expect(run.log).toMatch(/::error::.*failed with 429/)
  })

  it('github: a GitHub API failure on an issue event', async () => {
    github().injectFault({
      method: 'GET',
      path: /\/collaborators\/[^/]+\/permission$/,
      status: 500
    })
    const run = await runAction({ inputs: { ...inputs(), prompt: '' }, github: labeled() })
    expectKind(run, 'github')
    expect(run.outputs.outcome).toBe('failure')
  })
})

describe('a report with a failure', () => {
  it('agent-error: the session ended in error', async () => {
    fake().setScenario({ finalState: 'error', result: 'The build broke' })
    const run = await runAction({ inputs: inputs() })
    expectKind(run, 'agent-error')
    expect(run.outputs.outcome).toBe('failure')
  })

  it('agent-error is set even when fail-on-error: false lets the step pass', async () => {
    fake().setScenario({ finalState: 'error' })
    const run = await runAction({ inputs: inputs({ 'fail-on-error': 'false' }) })
    expectKind(run, 'agent-error', 0)
    expect(run.log).toMatch(/::warning::The agent's session ended in error/)
  })

  it('cancelled: someone else cancelled the session', async () => {
    fake().setScenario({ finalState: 'cancelled' })
    expectKind(await runAction({ inputs: inputs() }), 'cancelled')
  })

  it('cancelled: the workflow was cancelled', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const step = startAction({ inputs: inputs() })
    await outputsWhileRunning(step)
    step.child.kill('SIGINT')
    const run = await step.done
    expectKind(run, 'cancelled')
    expect(run.outputs.outcome).toBe('cancelled')
  })

  it('timed-out: timeout-minutes passed', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const run = await runAction({ inputs: inputs({ 'timeout-minutes': '0.02' }) })
    expectKind(run, 'timed-out')
    expect(run.outputs.outcome).toBe('timed-out')
  })

  it("delivery: Netlify's pr_error", async () => {
    fake().setScenario({ prError: 'The GitHub app lacks permission to push' })
    expectKind(await runAction({ inputs: inputs({ 'pull-request': 'true' }) }), 'delivery')
  })

  it("delivery: Netlify's merge_commit_error", async () => {
    fake().setScenario({ commitError: 'Branch is protected' })
    const run = await runAction({ inputs: inputs({ 'commit-to-branch': 'agent/fix' }) })
    expectKind(run, 'delivery')
  })

  it('protected-paths: the guard refused the delivery', async () => {
    fake().setScenario({ diffPaths: ['.github/workflows/deploy.yml'] })
    expectKind(await runAction({ inputs: inputs({ 'pull-request': 'true' }) }), 'protected-paths')
  })
})

describe('management commands', () => {
  it('not-found: status of a runner that does not exist', async () => {
    const run = await runAction({
      inputs: management('status', { 'agent-runner-id': 'no-such-runner' })
    })
    expectKind(run, 'not-found')
  })

  it('rejected: 400, a revert to the first session', async () => {
    const runnerId = await doneRunner()
    const [first] = fake().sessions(runnerId)
    const run = await runAction({
      inputs: management('revert', { 'agent-runner-id': runnerId, 'session-id': first!.id })
    })
    expectKind(run, 'rejected')
  })

  it('agent-error: status of a session that ended in error, a read that does not fail', async () => {
    fake().setScenario({ finalState: 'error' })
    const failed = await runAction({ inputs: inputs({ 'fail-on-error': 'false' }) })
    const run = await runAction({
      inputs: management('status', { 'agent-runner-id': failed.outputs['agent-runner-id']! })
    })
    expectKind(run, 'agent-error', 0)
    expect(run.outputs.outcome).toBe('failure')
  })
})

describe('empty when nothing went wrong', () => {
  it('success, started, running and skipped', async () => {
    const success = await runAction({ inputs: inputs() })
    fake().setScenario({ sessionMs: 60_000 })
    const started = await runAction({ inputs: inputs({ wait: 'false' }) })
    const running = await runAction({
      inputs: management('status', { 'agent-runner-id': started.outputs['agent-runner-id']! })
    })
    const skipped = await runAction({
      inputs: { ...inputs(), prompt: '' },
      github: labeled('issues-labeled-bug.json')
    })
    const seen = [success, started, running, skipped].map(r => [
      r.outputs.outcome,
      r.outputs['error-kind'],
      r.exitCode
    ])
    expect(seen).toEqual([
      ['success', '', 0],
      ['started', '', 0],
      ['running', '', 0],
      ['skipped', '', 0]
    ])
  })

  it('a management command that succeeds', async () => {
    const runnerId = await doneRunner()
    const run = await runAction({ inputs: management('archive', { 'agent-runner-id': runnerId }) })
    expectKind(run, '', 0)
  })
})
