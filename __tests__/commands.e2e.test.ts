// Every `command` other than `run`, end to end: dist/main against the fake Netlify API, on runners
// the test makes through the API itself.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { runAction } from '../__fixtures__/actions-runner.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'
import type { Scenario } from '../__fixtures__/fake-netlify/scenario.js'
import type { AgentRunner, AgentRunnerSession } from '../src/netlify/types.js'

const TOKEN = 'nfp_commands_secret_token'
const SITE = 'site-cmd'
const NOGIT = 'site-cmd-nogit'
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [
    { id: SITE, name: 'cmd-site', account_id: 'acct-c' },
    { id: NOGIT, name: 'nogit-site', account_id: 'acct-c', git: false },
    { id: 'site-other', name: 'other-site', account_id: 'acct-c' }
  ],
  scenario: { sessionMs: 0, steps: 2, prMs: 200, commitMs: 200 }
})

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${fake().url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  const text = await res.text()
  return (text === '' ? undefined : JSON.parse(text)) as T
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function settled(runnerId: string): Promise<void> {
  for (;;) {
    const runner = await api<AgentRunner>('GET', `/agent_runners/${runnerId}`)
    if (!['NEW', 'RUNNING'].includes(runner.latest_session_state ?? '')) return
    await sleep(50)
  }
}

/** A runner made through the API, with its sessions done (unless the scenario keeps them long). */
async function makeRunner(
  options: { site?: string; followUps?: number; wait?: boolean; prompt?: string } = {}
): Promise<{ runnerId: string; sessions: AgentRunnerSession[] }> {
  const runner = await api<AgentRunner>('POST', `/agent_runners?site_id=${options.site ?? SITE}`, {
    prompt: options.prompt ?? 'Make the header blue'
  })
  if (options.wait !== false) await settled(runner.id)
  for (let i = 0; i < (options.followUps ?? 0); i++) {
    await api('POST', `/agent_runners/${runner.id}/sessions`, { prompt: `Follow-up ${i + 1}` })
    await settled(runner.id)
  }
  return { runnerId: runner.id, sessions: fake().sessions(runner.id) }
}

function inputs(command: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'netlify-auth-token': TOKEN, 'api-url': fake().url, command, ...extra }
}

const errorLines = (log: string) => log.split('\n').filter(l => l.startsWith('::error::'))

describe('command: status', () => {
  it('reports a done runner like run does: outputs, diff and summary', async () => {
    const { runnerId, sessions } = await makeRunner()
    const run = await runAction({ inputs: inputs('status', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    const session = fake().sessions(runnerId)[0]!
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'done',
      'agent-runner-id': runnerId,
      'session-id': sessions[0]!.id,
      'agent-runner-url': `https://app.netlify.com/projects/cmd-site/agent-runs/${runnerId}`,
      'has-changes': 'true',
      'deploy-url': session.deploy_url,
      result: session.result
    })
    expect(readFileSync(run.outputs['diff-file']!, 'utf8')).toContain('diff --git')
    expect(run.summary).toContain('Netlify agent run succeeded')
    expect(run.summary).toContain('Make the header blue')
  })

  it("reads a runner's only session's diff once, and both diffs of a later session", async () => {
    const diffsRead = (runnerId: string, from: number) =>
      fake()
        .requests.slice(from)
        .filter(r => r.path.startsWith(`/api/v1/agent_runners/${runnerId}/sessions/`))
        .map(r => r.path.split('/').at(-1))
        .filter(kind => kind === 'result' || kind === 'cumulative')
        .sort()
    const only = await makeRunner()
    let from = fake().requests.length
    const first = await runAction({
      inputs: inputs('status', { 'agent-runner-id': only.runnerId })
    })
    expect(diffsRead(only.runnerId, from)).toEqual(['result'])
    const both = readFileSync(first.outputs['cumulative-diff-file']!, 'utf8')
    expect(both).toContain('diff --git')
    expect(readFileSync(first.outputs['diff-file']!, 'utf8')).toBe(both)

    const later = await makeRunner({ followUps: 1 })
    from = fake().requests.length
    const second = await runAction({
      inputs: inputs('status', { 'agent-runner-id': later.runnerId })
    })
    expect(diffsRead(later.runnerId, from)).toEqual(['cumulative', 'result'])
    expect(readFileSync(second.outputs['cumulative-diff-file']!).length).toBeGreaterThan(
      readFileSync(second.outputs['diff-file']!).length
    )
  })

  it('a session still running is outcome running, and the step passes', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const { runnerId } = await makeRunner({ wait: false })
    const run = await runAction({ inputs: inputs('status', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('running')
    expect(run.outputs.state).toMatch(/new|running/)
    expect(run.outputs['diff-file']).toBe('')
    await api('DELETE', `/agent_runners/${runnerId}`).catch(() => undefined)
  })

  it('session-id picks an earlier session', async () => {
    const { runnerId, sessions } = await makeRunner({ followUps: 1 })
    const run = await runAction({
      inputs: inputs('status', { 'agent-runner-id': runnerId, 'session-id': sessions[0]!.id })
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['session-id']).toBe(sessions[0]!.id)
  })

  it('an unknown runner fails with a sentence naming it', async () => {
    const run = await runAction({ inputs: inputs('status', { 'agent-runner-id': 'nope' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(errorLines(run.log)[0]).toMatch(
      /Agent runner nope was not found: check `agent-runner-id`/
    )
  })

  it('a runner of another site than site-id is refused', async () => {
    const { runnerId } = await makeRunner({ site: 'site-other' })
    const run = await runAction({
      inputs: inputs('status', { 'agent-runner-id': runnerId, 'site-id': SITE })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/belongs to site site-other, not to `site-id` site-cmd/)
  })
})

describe('command: diff', () => {
  it("downloads the runner's whole diff byte for byte and summarizes it", async () => {
    const { runnerId } = await makeRunner({ followUps: 1 })
    const run = await runAction({ inputs: inputs('diff', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    const served = await (
      await fetch(`${fake().url}/api/v1/agent_runners/${runnerId}/diff`, {
        headers: { Authorization: `Bearer ${TOKEN}` }
      })
    ).text()
    expect(readFileSync(run.outputs['diff-file']!, 'utf8')).toBe(served)
    expect(run.outputs['has-changes']).toBe('true')
    expect(Number(run.outputs['files-changed'])).toBeGreaterThan(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.summary).toContain(`The diff of agent runner ${runnerId}`)
    expect(run.summary).toContain('### Diff')
  })

  it("a session's own diff, and with cumulative its cumulative diff", async () => {
    const { runnerId, sessions } = await makeRunner({ followUps: 1 })
    const second = sessions[1]!.id
    const get = async (kind: string) =>
      (
        await fetch(
          `${fake().url}/api/v1/agent_runners/${runnerId}/sessions/${second}/diff/${kind}`,
          { headers: { Authorization: `Bearer ${TOKEN}` } }
        )
      ).text()
    const own = await runAction({
      inputs: inputs('diff', { 'agent-runner-id': runnerId, 'session-id': second })
    })
    expect(readFileSync(own.outputs['diff-file']!, 'utf8')).toBe(await get('result'))
    const cumulative = await runAction({
      inputs: inputs('diff', {
        'agent-runner-id': runnerId,
        'session-id': second,
        cumulative: 'true'
      })
    })
    expect(readFileSync(cumulative.outputs['diff-file']!, 'utf8')).toBe(await get('cumulative'))
    expect(cumulative.summary).toContain(`The cumulative diff of session ${second}`)
  })

  it('a session the runner does not have is an error, not an empty diff', async () => {
    const { runnerId } = await makeRunner()
    const run = await runAction({
      inputs: inputs('diff', { 'agent-runner-id': runnerId, 'session-id': 'typo' })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/Session typo of agent runner .* was not found/)
    expect(run.summary).toContain('Netlify agent step failed (`command: diff`)')
  })

  it('no diff is not an error: has-changes is false', async () => {
    fake().setScenario({ noChanges: true })
    const { runnerId } = await makeRunner()
    const run = await runAction({ inputs: inputs('diff', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['has-changes']).toBe('false')
    expect(run.outputs['diff-file']).toBe('')
    expect(run.summary).toContain('The agent made no changes.')
  })
})

describe('command: stop', () => {
  it("stops the runner's active session and confirms it", async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const { runnerId } = await makeRunner({ wait: false })
    const run = await runAction({ inputs: inputs('stop', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.state).toBe('cancelled')
    expect(run.outputs.outcome).toBe('success')
    expect(fake().sessions(runnerId)[0]!.state).toBe('CANCELLED')
    expect(run.summary).toContain('was stopped')
  })

  it('a session already ended is left alone: nothing to stop', async () => {
    const { runnerId } = await makeRunner()
    const deletes = () => fake().requests.filter(r => r.method === 'DELETE').length
    const before = deletes()
    const run = await runAction({ inputs: inputs('stop', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(run.log).toMatch(/had already ended \(done\): nothing to stop/)
    expect(deletes()).toBe(before)
  })
})

describe('command: archive', () => {
  it('archives the runner; archiving it again is not an error', async () => {
    const { runnerId } = await makeRunner()
    const run = await runAction({ inputs: inputs('archive', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.state).toBe('archived')
    const again = await runAction({ inputs: inputs('archive', { 'agent-runner-id': runnerId }) })
    expect(again.exitCode).toBe(0)
    expect(again.log).toContain('was already archived')
    const archives = fake().requests.filter(r => r.path.endsWith('/archive'))
    expect(archives).toHaveLength(1)
  })
})

describe('command: revert', () => {
  it('reverts to a session; the later ones are discarded', async () => {
    const { runnerId, sessions } = await makeRunner({ followUps: 2 })
    const run = await runAction({
      inputs: inputs('revert', { 'agent-runner-id': runnerId, 'session-id': sessions[1]!.id })
    })
    expect(run.exitCode).toBe(0)
    const after = await api<AgentRunnerSession[]>(
      'GET',
      `/agent_runners/${runnerId}/sessions?include_discarded=true&order_by=asc`
    )
    expect(after.map(s => s.is_discarded)).toEqual([false, false, true])
    expect(run.summary).toContain('Netlify agent runner reverted')
  })

  it('the first session cannot be reverted to: a sentence says why', async () => {
    const { runnerId, sessions } = await makeRunner({ followUps: 1 })
    const run = await runAction({
      inputs: inputs('revert', { 'agent-runner-id': runnerId, 'session-id': sessions[0]!.id })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(
      /Netlify cannot revert agent runner .* a runner cannot go back to its first session.*\(Netlify said: Cannot revert to the first session\)/
    )
  })
})

describe('documented refusals become sentences', () => {
  it('revert to a session the runner does not have (404)', async () => {
    const { runnerId } = await makeRunner()
    const run = await runAction({
      inputs: inputs('revert', { 'agent-runner-id': runnerId, 'session-id': 'nope' })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/Session nope of agent runner .* was not found/)
  })

  it('a pull request while a session runs (409)', async () => {
    const { runnerId } = await makeRunner()
    fake().setScenario({ sessionMs: 60_000 })
    await api('POST', `/agent_runners/${runnerId}/sessions`, { prompt: 'Busy' })
    const run = await runAction({ inputs: inputs('pull-request', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/Netlify refused the pull request: the runner is busy/)
    await api('DELETE', `/agent_runners/${runnerId}`)
  })

  it('status of a session the runner does not have (404)', async () => {
    const { runnerId } = await makeRunner()
    const run = await runAction({
      inputs: inputs('status', { 'agent-runner-id': runnerId, 'session-id': 'gone' })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/Session gone of agent runner .* was not found/)
  })
})

describe('command: rebase', () => {
  it('starts a rebase session on a site without git and waits for it like run', async () => {
    const { runnerId } = await makeRunner({ site: NOGIT })
    const run = await runAction({ inputs: inputs('rebase', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    const sessions = fake().sessions(runnerId)
    expect(sessions).toHaveLength(2)
    expect(sessions[1]!.mode).toBe('rebase')
    expect(run.outputs['session-id']).toBe(sessions[1]!.id)
    expect(run.outputs.outcome).toBe('success')
    expect(run.summary).toContain('Rebase onto the current production deploy')
  })

  const refusals: [string, Partial<Scenario>, string, RegExp][] = [
    ['a site with git', {}, SITE, /Rebase is only for sites without a Git repository/],
    [
      'already on the latest deploy',
      { rebaseUpToDate: true },
      NOGIT,
      /nothing to rebase .* already on the latest production deploy/
    ]
  ]
  it.each(refusals)('%s is refused with a sentence', async (_name, scenario, site, message) => {
    const { runnerId } = await makeRunner({ site })
    fake().setScenario(scenario)
    const run = await runAction({ inputs: inputs('rebase', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(message)
    expect(fake().sessions(runnerId)).toHaveLength(1)
  })
})

describe('command: redeploy', () => {
  it('redeploys the latest done session and waits for it', async () => {
    const { runnerId, sessions } = await makeRunner({ followUps: 1 })
    const run = await runAction({ inputs: inputs('redeploy', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(0)
    const all = fake().sessions(runnerId)
    expect(all).toHaveLength(3)
    expect(all[2]!.mode).toBe('redeploy')
    expect(all[2]!.source_session_id).toBe(sessions[1]!.id)
    expect(run.outputs['session-id']).toBe(all[2]!.id)
    expect(run.outputs.outcome).toBe('success')
  })

  it('the usage limit is a sentence about credits', async () => {
    const { runnerId } = await makeRunner()
    fake().setScenario({ usageLimitReached: true })
    const run = await runAction({ inputs: inputs('redeploy', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/usage limit .*Billing/)
  })

  it('a runner with a session running is refused (409)', async () => {
    const { runnerId, sessions } = await makeRunner()
    fake().setScenario({ sessionMs: 60_000 })
    await api('POST', `/agent_runners/${runnerId}/sessions`, { prompt: 'Busy' })
    const run = await runAction({
      inputs: inputs('redeploy', { 'agent-runner-id': runnerId, 'session-id': sessions[0]!.id })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/has a session running: wait for it to end/)
    await api('DELETE', `/agent_runners/${runnerId}`)
  })

  it('a session without changes cannot be redeployed', async () => {
    fake().setScenario({ noChanges: true })
    const { runnerId } = await makeRunner()
    const run = await runAction({ inputs: inputs('redeploy', { 'agent-runner-id': runnerId }) })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/has no changes to redeploy/)
  })
})

describe('command: pull-request and commit', () => {
  it("pull-request opens the runner's pull request", async () => {
    const { runnerId } = await makeRunner()
    const run = await runAction({
      inputs: inputs('pull-request', { 'agent-runner-id': runnerId })
    })
    expect(run.exitCode).toBe(0)
    const runner = fake()
      .runners()
      .find(r => r.id === runnerId)!
    expect(run.outputs['pull-request-url']).toBe(runner.pr_url)
    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(run.summary).toContain('Pull request created')
  })

  it('pull-request on a runner without changes delivers nothing, and passes', async () => {
    fake().setScenario({ noChanges: true })
    const { runnerId } = await makeRunner()
    const run = await runAction({
      inputs: inputs('pull-request', { 'agent-runner-id': runnerId })
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('none')
    expect(run.log).toContain('has no changes, so there is nothing to deliver')
  })

  it('commit commits to commit-to-branch', async () => {
    const { runnerId } = await makeRunner()
    const run = await runAction({
      inputs: inputs('commit', { 'agent-runner-id': runnerId, 'commit-to-branch': 'agent/fix' })
    })
    expect(run.exitCode).toBe(0)
    const runner = fake()
      .runners()
      .find(r => r.id === runnerId)!
    expect(run.outputs['commit-sha']).toBe(runner.merge_commit_sha)
    expect(run.summary).toContain('Changes committed to agent/fix')
  })

  it('a pull request on a site without git is refused with a sentence', async () => {
    const { runnerId } = await makeRunner({ site: NOGIT })
    const run = await runAction({
      inputs: inputs('pull-request', { 'agent-runner-id': runnerId })
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.log)[0]).toMatch(/the site must be linked to a Git repository/)
  })
})

describe('command: list', () => {
  it("lists the site's runners as JSON and as a table, with filters", async () => {
    const a = await makeRunner({ prompt: 'List me first' })
    const b = await makeRunner({ prompt: 'List me second' })
    const run = await runAction({ inputs: inputs('list', { 'site-id': SITE }) })
    expect(run.exitCode).toBe(0)
    const listed = JSON.parse(run.outputs.runners!) as { id: string; url: string }[]
    const ids = listed.map(r => r.id)
    expect(ids).toEqual(expect.arrayContaining([a.runnerId, b.runnerId]))
    expect(listed.find(r => r.id === a.runnerId)!.url).toBe(
      `https://app.netlify.com/projects/cmd-site/agent-runs/${a.runnerId}`
    )
    expect(run.summary).toContain('List me first')

    const titled = await runAction({
      inputs: inputs('list', { 'site-id': SITE, title: 'List me second', state: 'live' })
    })
    const query = fake()
      .requests.filter(r => r.method === 'GET' && r.path === '/api/v1/agent_runners')
      .at(-1)!.query
    expect(query).toMatchObject({ title: 'List me second', state: 'live', site_id: SITE })
    expect(titled.exitCode).toBe(0)
  })

  it('from and to take ISO dates and are sent as Unix seconds', async () => {
    const run = await runAction({
      inputs: inputs('list', { 'site-id': SITE, from: '2026-11-01', to: '1900000000' })
    })
    expect(run.exitCode).toBe(0)
    const query = fake()
      .requests.filter(r => r.path === '/api/v1/agent_runners')
      .at(-1)!.query
    expect(query).toMatchObject({ from: String(Date.UTC(2026, 10, 1) / 1000), to: '1900000000' })
  })
})

describe('command inputs are checked before anything is sent', () => {
  it.each([
    ['an unknown command', { command: 'delete' }, /Input `command` must be one of run, status/],
    [
      'status without a runner',
      { command: 'status' },
      /Input `agent-runner-id` is required by `command: status`/
    ],
    [
      'a prompt given to status',
      { command: 'status', 'agent-runner-id': 'r1', prompt: 'hi' },
      /Input `prompt` does not apply to `command: status` \(it applies to `run`\)/
    ],
    [
      'revert without a session',
      { command: 'revert', 'agent-runner-id': 'r1' },
      /Input `session-id` is required by `command: revert`/
    ],
    [
      'commit without a branch',
      { command: 'commit', 'agent-runner-id': 'r1' },
      /Input `commit-to-branch` is required by `command: commit`/
    ],
    [
      'cumulative without a session',
      { command: 'diff', 'agent-runner-id': 'r1', cumulative: 'true' },
      /Input `cumulative` needs `session-id`/
    ],
    ['list without a site', { command: 'list' }, /Input `site-id` is required/],
    [
      'a bad from',
      { command: 'list', 'site-id': SITE, from: 'last week' },
      /Input `from` must be Unix seconds or an ISO 8601 date/
    ],
    [
      'a bad state',
      { command: 'list', 'site-id': SITE, state: 'done' },
      /Input `state` must be one of live, error/
    ]
  ])('%s', async (_name, extra, message) => {
    const before = fake().requests.length
    const run = await runAction({
      inputs: { 'netlify-auth-token': TOKEN, 'api-url': fake().url, ...extra }
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run.log)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(fake().requests.length).toBe(before)
  })
})
