// A paid run is never lost: cancellation, kills, crashes and deadlines all end with the remote
// session in a known state. dist/main and dist/post, as the runner starts them, against the fake().
import { describe, expect, it } from '@jest/globals'
import {
  outputsWhileRunning,
  runAction,
  startAction,
  type ActionProcess,
  untagged
} from '../__fixtures__/actions-runner.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'
import { waitUntil } from '../__fixtures__/wait-until.js'

const TOKEN = 'nfp_lifecycle_token'
const SITE = 'site-life'
/** A site of its own for the look at runs started alongside: no other test's runners on it. */
const FLEET_SITE = 'site-life-fleet'
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [
    { id: SITE, name: 'life-site', account_id: 'acct-life' },
    { id: FLEET_SITE, name: 'life-fleet', account_id: 'acct-life' }
  ],
  scenario: { sessionMs: 60_000, steps: 3 }
})

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: 'Refactor the header',
    ...extra
  }
}

/** The ids the step has set, once it has set them, while it still runs. */
async function idsWhileRunning(
  step: ActionProcess
): Promise<{ runnerId: string; sessionId: string }> {
  const outputs = await outputsWhileRunning(step)
  return { runnerId: outputs['agent-runner-id']!, sessionId: outputs['session-id']! }
}

function sessionState(runnerId: string): string {
  return (fake().sessions(runnerId)[0]?.state ?? '').toLowerCase()
}

describe('when the workflow is cancelled', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s stops the session within the runner’s window and reports cancelled',
    async signal => {
      const step = startAction({ inputs: inputs() })
      const { runnerId, sessionId } = await idsWhileRunning(step)
      // Into the wait: its first status check has been made.
      const check = `/api/v1/agent_runners/${runnerId}/sessions/${sessionId}`
      await waitUntil(
        () => fake().requests.some(r => r.method === 'GET' && r.path === check),
        'the first status check'
      )
      const sent = Date.now()
      step.child.kill(signal)
      const run = await step.done
      expect(Date.now() - sent).toBeLessThan(7_500)
      expect(run.exitCode).toBe(1)
      expect(run.outputs.outcome).toBe('cancelled')
      expect(run.outputs.state).toBe('cancelled')
      expect(sessionState(runnerId)).toBe('cancelled')
      expect(run.log).toContain(`Received ${signal}: the workflow is being cancelled`)
      expect(run.summary).toContain('🚫 Netlify agent run was cancelled')
      expect(run.summary).toContain('The workflow was cancelled, so the action stopped session')

      // The post step sees the session settled and leaves it be.
      const before = fake().requests.length
      const post = await runAction({ dir: run.dir, entry: 'post', inputs: inputs() })
      expect(post.exitCode).toBe(0)
      expect(fake().requests.length).toBe(before)
    }
  )

  it('a main step killed outright is cleaned up by the post step', async () => {
    const step = startAction({ inputs: inputs() })
    const { runnerId } = await idsWhileRunning(step)
    step.child.kill('SIGKILL')
    const killed = await step.done
    expect(killed.signal).toBe('SIGKILL')
    expect(sessionState(runnerId)).toMatch(/^(new|running)$/)

    const post = await runAction({ dir: killed.dir, entry: 'post', inputs: inputs() })
    expect(post.exitCode).toBe(0)
    expect(sessionState(runnerId)).toBe('cancelled')
    expect(post.log).toMatch(
      /::warning::The main step did not see session \S+ of agent runner \S+ finish/
    )
    expect(post.log.split('\n')[0]).toBe(`::add-mask::${TOKEN}`)
    expect(
      fake()
        .runners()
        .filter(r => r.id === runnerId)
    ).toHaveLength(1)
  })

  it('a main step that crashed mid-wait is cleaned up by the post step', async () => {
    fake().injectFault({
      method: 'GET',
      path: /\/sessions\/[^/]+$/,
      status: 401,
      body: '{"error":"token revoked"}'
    })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.log).toContain('token revoked')
    const runnerId = run.outputs['agent-runner-id']!
    expect(sessionState(runnerId)).toMatch(/^(new|running)$/)

    const post = await runAction({ dir: run.dir, entry: 'post', inputs: inputs() })
    expect(post.exitCode).toBe(0)
    expect(sessionState(runnerId)).toBe('cancelled')
  })

  it('the post step warns, and still passes, when it cannot stop the session', async () => {
    const step = startAction({ inputs: inputs() })
    const { runnerId } = await idsWhileRunning(step)
    step.child.kill('SIGKILL')
    const killed = await step.done
    fake().injectFault({ path: /\/sessions\//, status: 503, times: Infinity })
    const post = await runAction({ dir: killed.dir, entry: 'post', inputs: inputs() })
    expect(post.exitCode).toBe(0)
    expect(post.log).toMatch(
      /::warning::Could not stop session \S+ of agent runner \S+, which may still be running/
    )
    expect(post.log.split(TOKEN).length - 1).toBe(1) // the mask command alone
    fake().clearFaults()
    expect(sessionState(runnerId)).toMatch(/^(new|running)$/)
  })
})

describe('when the workflow is cancelled while the run is starting', () => {
  /** Waits until the fake holds a runner started with `prompt` (the step is still waiting for the answer). */
  async function runnerStartedWith(prompt: string): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const found = fake()
        .runners()
        .find(r => untagged(fake().sessions(r.id)[0]?.prompt ?? '') === prompt)
      if (found) return found.id
      await new Promise(r => setTimeout(r, 25))
    }
    throw new Error(`no runner started with ${prompt}`)
  }

  it('a run Netlify started before the answer came back is found and stopped', async () => {
    // Netlify creates the run, then its answer is slow to come back.
    fake().injectFault({
      method: 'POST',
      path: '/api/v1/agent_runners',
      after: true,
      delayMs: 5_000
    })
    const prompt = `Interrupted start ${Date.now()}`
    const before = fake().runners().length
    const step = startAction({ inputs: inputs({ prompt }) })
    const runnerId = await runnerStartedWith(prompt)
    step.child.kill('SIGINT')
    const run = await step.done
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.log).toContain(
      `::error::The workflow was cancelled while the run was starting; it had started (agent runner ${runnerId}), and was stopped.`
    )
    expect(fake().runners().length - before).toBe(1)
    expect(sessionState(runnerId)).toBe('cancelled')

    const post = await runAction({ dir: run.dir, entry: 'post', inputs: inputs({ prompt }) })
    expect(post.exitCode).toBe(0)
    expect(post.log).not.toContain('::warning::')
  })

  it('a run that had not started is said to have not started', async () => {
    fake().injectFault({
      method: 'POST',
      path: '/api/v1/agent_runners',
      status: 503,
      delayMs: 5_000
    })
    const earlier = fake().requests.length
    const step = startAction({ inputs: inputs() })
    // Let the step reach its create, which the fake holds for 5 s before refusing it.
    await waitUntil(
      () =>
        fake()
          .requests.slice(earlier)
          .some(r => r.method === 'POST' && r.path === '/api/v1/agent_runners'),
      'the create'
    )
    const before = fake().runners().length
    step.child.kill('SIGINT')
    const run = await step.done
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.log).toContain(
      '::error::The workflow was cancelled while the run was starting; it had not started.'
    )
    expect(fake().runners().length).toBe(before)
  })
})

describe('what the post step leaves alone', () => {
  it('a session that finished', async () => {
    fake().setScenario({ sessionMs: 0 })
    const run = await runAction({ inputs: inputs() })
    expect(run.outputs.outcome).toBe('success')
    const before = fake().requests.length
    const post = await runAction({ dir: run.dir, entry: 'post', inputs: inputs() })
    expect(post.exitCode).toBe(0)
    expect(fake().requests.length).toBe(before)
  })

  it('a session started with wait: false, left running on purpose', async () => {
    const run = await runAction({ inputs: inputs({ wait: 'false' }) })
    expect(run.outputs.outcome).toBe('started')
    const post = await runAction({ dir: run.dir, entry: 'post', inputs: inputs() })
    expect(post.exitCode).toBe(0)
    expect(sessionState(run.outputs['agent-runner-id']!)).toMatch(/^(new|running)$/)
  })
})

describe('past timeout-minutes', () => {
  it('on-timeout: leave leaves the session running, says how to follow it, and fails as timed-out', async () => {
    const run = await runAction({
      inputs: inputs({ 'timeout-minutes': '0.01', 'on-timeout': 'leave' })
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timed-out')
    const runnerId = run.outputs['agent-runner-id']!
    expect(sessionState(runnerId)).toMatch(/^(new|running)$/)
    expect(run.log).toContain(
      `was left running (\`on-timeout: leave\`). Follow it, or stop it, on Netlify: https://app.netlify.com/projects/life-site/agent-runs/${runnerId}`
    )
    expect(run.log).toContain(
      '::error::The session did not finish within `timeout-minutes` (0.01 minutes); it was left running'
    )

    const post = await runAction({ dir: run.dir, entry: 'post', inputs: inputs() })
    expect(post.exitCode).toBe(0)
    expect(sessionState(runnerId)).toMatch(/^(new|running)$/)
  })

  it('on-timeout: stop (the default) stops it and confirms', async () => {
    const run = await runAction({ inputs: inputs({ 'timeout-minutes': '0.01' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timed-out')
    expect(sessionState(run.outputs['agent-runner-id']!)).toBe('cancelled')
    expect(run.log).toMatch(/Session \S+ is cancelled\./)
    expect(run.log).toContain(
      '::error::The session did not finish within `timeout-minutes` (0.01 minutes), so the action stopped it.'
    )
  })

  it('refuses an on-timeout it does not know, before any request', async () => {
    const before = fake().requests.length
    const run = await runAction({ inputs: inputs({ 'on-timeout': 'ignore' }) })
    expect(run.exitCode).toBe(1)
    expect(run.log).toContain(
      '::error::Input `on-timeout` must be one of stop, leave; got "ignore".'
    )
    expect(fake().requests.length).toBe(before)
  })
})

describe('a step that runs again never starts a second run', () => {
  const sameStep = { GITHUB_RUN_ID: `${Date.now()}`, GITHUB_RUN_ATTEMPT: '1' }

  it('a job that runs again in the same attempt carries on with the run it started', async () => {
    const first = await runAction({ inputs: inputs({ wait: 'false' }), env: sameStep })
    const before = fake().runners().length
    const logged = fake().requests.length
    const again = await runAction({ inputs: inputs({ wait: 'false' }), env: sameStep })
    expect(again.exitCode).toBe(0)
    expect(fake().runners().length).toBe(before)
    const runnerId = first.outputs['agent-runner-id']!
    expect(again.outputs['agent-runner-id']).toBe(runnerId)
    expect(again.outputs['session-id']).toBe(first.outputs['session-id'])
    expect(again.log).toContain(
      'This workflow step already started the run (its job ran again in the same attempt)'
    )
    // The look: one list of the runners made before this step began, and the newest one's first
    // session, which is the run.
    const asked = fake().requests.slice(logged)
    expect(asked.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/sites/${SITE}`,
      'GET /api/v1/agent_runners',
      `GET /api/v1/agent_runners/${runnerId}/sessions`
    ])
    expect(asked[1]!.query).toMatchObject({ to: expect.stringMatching(/^\d+$/) })
  })

  it('the look for an earlier start leaves out runs started after this step began', async () => {
    const onFleetSite = { 'site-id': FLEET_SITE, wait: 'false' }
    const older = await runAction({ inputs: inputs(onFleetSite) })
    const olderId = older.outputs['agent-runner-id']!
    // This step's look is answered late, while a run that began after it creates its runner.
    fake().injectFault({ method: 'GET', path: '/api/v1/agent_runners', delayMs: 8_000 })
    const logged = fake().requests.length
    const step = startAction({ inputs: inputs(onFleetSite) })
    const look = async () => {
      for (;;) {
        const found = fake()
          .requests.slice(logged)
          .find(r => r.method === 'GET' && r.path === '/api/v1/agent_runners')
        if (found) return found
        await new Promise(resolve => setTimeout(resolve, 25))
      }
    }
    const beforeS = Number((await look()).query.to)
    // The step's bound is its first answer's second, a second more and a margin: a runner created
    // from then on cannot be one an earlier execution of it made.
    while (Date.now() < beforeS * 1000) await new Promise(resolve => setTimeout(resolve, 25))
    const peer = await runAction({ inputs: inputs(onFleetSite) })
    const peerId = peer.outputs['agent-runner-id']!
    expect(
      Date.parse(
        fake()
          .runners()
          .find(r => r.id === peerId)!.created_at
      )
    ).toBeGreaterThan(
      Date.parse(
        fake()
          .runners()
          .find(r => r.id === olderId)!.created_at
      )
    )
    const peerDone = fake().requests.length
    const run = await step.done
    expect(run.exitCode).toBe(0)
    // Everything since the peer ended is this step's: it checks the older run, not the peer's.
    const asked = fake()
      .requests.slice(peerDone)
      .map(r => `${r.method} ${r.path}`)
    expect(asked).toEqual([
      `GET /api/v1/agent_runners/${olderId}/sessions`,
      'POST /api/v1/agent_runners',
      `GET /api/v1/agent_runners/${run.outputs['agent-runner-id']}/sessions`
    ])
  })

  it('a new attempt of the workflow starts afresh', async () => {
    const first = await runAction({
      inputs: inputs({ wait: 'false' }),
      env: { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' }
    })
    const second = await runAction({
      inputs: inputs({ wait: 'false' }),
      env: { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(second.outputs['agent-runner-id']).not.toBe(first.outputs['agent-runner-id'])
  })

  it('matrix legs that differ only by agent stay apart', async () => {
    const env = { GITHUB_RUN_ID: '5151', GITHUB_RUN_ATTEMPT: '1' }
    const claude = await runAction({ inputs: inputs({ wait: 'false', agent: 'claude' }), env })
    const codex = await runAction({ inputs: inputs({ wait: 'false', agent: 'codex' }), env })
    expect(codex.outputs['agent-runner-id']).not.toBe(claude.outputs['agent-runner-id'])
  })

  it('a follow-up that runs again carries on with the session it started', async () => {
    fake().setScenario({ sessionMs: 0 })
    const base = await runAction({ inputs: inputs() })
    const runnerId = base.outputs['agent-runner-id']!
    fake().setScenario({ sessionMs: 60_000 })
    const env = { GITHUB_RUN_ID: `${Date.now()}-follow`, GITHUB_RUN_ATTEMPT: '1' }
    const first = await runAction({
      inputs: inputs({ 'agent-runner-id': runnerId, wait: 'false' }),
      env
    })
    const again = await runAction({
      inputs: inputs({ 'agent-runner-id': runnerId, wait: 'false' }),
      env
    })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['session-id']).toBe(first.outputs['session-id'])
    expect(fake().sessions(runnerId)).toHaveLength(2)
  })
})
