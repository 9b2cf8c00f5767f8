// The run, end to end: dist/main as the Actions runner starts it, against the fake Netlify API.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ACTION_NODE,
  makeStepDir,
  outputsWhileRunning,
  ROOT,
  runAction,
  startAction,
  untagged
} from '../__fixtures__/actions-runner.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'
import { diffStatOfFile } from '../src/report/diffstat.js'

const TOKEN = 'nfp_e2e_secret_token_value'
const SITE = 'site-e2e'
// Every test starts from this scenario (the fake restores it after each test): sessions done by
// the first status check, since the action waits 2 s before the next.
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'e2e-site', account_id: 'acct-e2e' }],
  scenario: { sessionMs: 0, steps: 3, diffBytes: 2_000 }
})

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: 'Add a dark mode toggle to the header',
    ...extra
  }
}

describe('the README step: start, wait, report', () => {
  it('runs on the Node major that action.yml declares', () => {
    const declared = readFileSync(join(ROOT, 'action.yml'), 'utf8').match(/using: node(\d+)/)?.[1]
    const version = execFileSync(ACTION_NODE, ['--version']).toString().trim()
    if (process.platform === 'linux' && process.arch === 'x64')
      expect(version.startsWith(`v${declared}.`)).toBe(true)
    expect(declared).toBe('24')
  })

  it('starts a run, prints its steps once each as they appear, and sets every output', async () => {
    // Still running at the first status check, so that the log shows it end.
    fake().setScenario({ sessionMs: 300 })
    const before = fake().requests.length
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)

    const runner = fake()
      .runners()
      .find(r => r.id === run.outputs['agent-runner-id'])
    expect(runner).toBeDefined()
    const sessions = fake().sessions(runner!.id)
    expect(sessions).toHaveLength(1)
    const session = sessions[0]!
    expect(run.outputs['session-id']).toBe(session.id)
    expect(run.outputs['agent-runner-url']).toBe(
      `https://app.netlify.com/projects/e2e-site/agent-runs/${runner!.id}`
    )
    expect(run.outputs.state).toBe('done')
    expect(run.outputs.outcome).toBe('success')
    // The session's title, without the mark the step then added to record that it settled it.
    expect(session.title).toBe(`${run.outputs.title} · settled by GitHub Actions`)
    expect(run.outputs.result).toBe(session.result)
    expect(run.outputs['deploy-id']).toBe(session.deploy_id)
    expect(run.outputs['deploy-url']).toBe(session.deploy_url)
    expect(run.outputs.duration).toBe(String(session.duration))
    expect(run.outputs['has-changes']).toBe('true')

    // The diffs are the bytes the API served, under RUNNER_TEMP.
    const diffFile = run.outputs['diff-file']!
    const cumulativeFile = run.outputs['cumulative-diff-file']!
    expect(diffFile.startsWith(run.runnerTemp)).toBe(true)
    expect(cumulativeFile.startsWith(run.runnerTemp)).toBe(true)
    const served = async (kind: string): Promise<Buffer> => {
      const res = await fetch(
        `${fake().url}/api/v1/agent_runners/${runner!.id}/sessions/${session.id}/diff/${kind}`,
        {
          headers: { Authorization: `Bearer ${TOKEN}` }
        }
      )
      return Buffer.from(await res.arrayBuffer())
    }
    expect(readFileSync(diffFile).equals(await served('result'))).toBe(true)
    expect(readFileSync(cumulativeFile).equals(await served('cumulative'))).toBe(true)
    const stat = await diffStatOfFile(diffFile)
    expect(stat.files.length).toBeGreaterThan(0)
    expect(run.outputs['files-changed']).toBe(String(stat.files.length))
    expect(run.outputs.additions).toBe(String(stat.additions))
    expect(run.outputs.deletions).toBe(String(stat.deletions))

    // The log reads like a transcript: each step once, in order.
    for (const [i, step] of session.steps.entries()) {
      const line = `[${i + 1}] ${step.title}`
      expect(run.log.split(line).length - 1).toBe(1)
    }
    const positions = session.steps.map((s, i) => run.log.indexOf(`[${i + 1}] ${s.title}`))
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(run.log.indexOf('Session is done.')).toBeGreaterThan(positions.at(-1)!)
    expect(run.log).toContain(
      `Follow it on Netlify: https://app.netlify.com/projects/e2e-site/agent-runs/${runner!.id}`
    )

    // Site first, then the create; one run, one create.
    const mine = fake()
      .requests.slice(before)
      .filter(r => r.path.startsWith('/api/v1/'))
    // Site, then a look for a run this step already started, then the create.
    expect(mine[0]).toMatchObject({ method: 'GET', path: `/api/v1/sites/${SITE}` })
    expect(mine[1]).toMatchObject({ method: 'GET', path: '/api/v1/agent_runners' })
    expect(mine[2]).toMatchObject({ method: 'POST', path: '/api/v1/agent_runners' })
    expect(mine[2]?.body).toEqual({
      prompt: expect.stringMatching(
        /^Add a dark mode toggle to the header\n\n<!-- netlify-agent-runners-action octo\/site run=\d+ attempt=1 job=agent step=netlify request=[0-9a-f]{12} detached=false deliver=none timeout=60 on-timeout=stop guard=[0-9a-f]{12} mac=[\w-]{22} -->$/
      ),
      mode: 'normal'
    })
    expect(run.summary).not.toContain('netlify-agent-runners-action octo/site')
    expect(mine.filter(r => r.method === 'POST')).toHaveLength(1)

    // The summary: heading, links, result, diffstat, diff.
    expect(run.summary).toContain('## ✅ Netlify agent run succeeded')
    expect(run.summary).toContain(
      `[Open in Netlify](https://app.netlify.com/projects/e2e-site/agent-runs/${runner!.id})`
    )
    expect(run.summary).toContain(`[Deploy preview](${session.deploy_url})`)
    expect(run.summary).toContain('Add a dark mode toggle to the header')
    expect(run.summary).toContain(`### Changes: ${stat.files.length} file`)
    expect(run.summary).toContain('```diff')
  })

  it("downloads a first session's diff once: diff-file and cumulative-diff-file both hold it", async () => {
    const before = fake().requests.length
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    const runnerId = run.outputs['agent-runner-id']!
    const sessionId = run.outputs['session-id']!
    const diffs = fake()
      .requests.slice(before)
      .filter(r => r.path.includes('/diff'))
      .map(r => r.path)
    const session = `/api/v1/agent_runners/${runnerId}/sessions/${sessionId}`
    expect(diffs).toEqual([`${session}/diff/result`])
    const res = await fetch(`${fake().url}${session}/diff/cumulative`, {
      headers: { Authorization: `Bearer ${TOKEN}` }
    })
    const cumulative = Buffer.from(await res.arrayBuffer())
    expect(cumulative.length).toBeGreaterThan(0)
    expect(run.outputs['cumulative-diff-file']).not.toBe(run.outputs['diff-file'])
    expect(readFileSync(run.outputs['diff-file']!).equals(cumulative)).toBe(true)
    expect(readFileSync(run.outputs['cumulative-diff-file']!).equals(cumulative)).toBe(true)
  })

  it('asks Netlify for nothing twice: the site, the start, the checks, the runner and the diff once each', async () => {
    fake().setScenario({ sessionMs: 600 })
    const before = fake().requests.length
    // A step outside a workflow: no look for an earlier start of the same step.
    const run = await runAction({ inputs: inputs(), env: { GITHUB_RUN_ID: '' } })
    expect(run.exitCode).toBe(0)
    const runnerId = run.outputs['agent-runner-id']!
    const sessionId = run.outputs['session-id']!
    const asked = fake()
      .requests.slice(before)
      .map(r => `${r.method} ${r.path.replace(runnerId, 'R').replace(sessionId, 'S')}`)
    const checks = asked.filter(r => r === 'GET /api/v1/agent_runners/R/sessions/S')
    // The start's own reading of the session is the first check: a 600 ms session is seen done at
    // the next one, 2 s later.
    expect(checks).toHaveLength(1)
    expect(asked).toEqual([
      `GET /api/v1/sites/${SITE}`,
      'POST /api/v1/agent_runners',
      'GET /api/v1/agent_runners/R/sessions',
      ...checks,
      // The runner and the diff at once, in either order.
      ...asked.slice(-2).sort()
    ])
    expect(asked.slice(-2).sort()).toEqual([
      'GET /api/v1/agent_runners/R',
      'GET /api/v1/agent_runners/R/sessions/S/diff/result'
    ])
  })

  it('masks the token before the first line, and it appears nowhere else', async () => {
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    const lines = run.log.split('\n').filter(l => l !== '')
    expect(lines[0]).toBe(`::add-mask::${TOKEN}`)
    expect(run.log.split(TOKEN).length - 1).toBe(1)
    expect(run.summary).not.toContain(TOKEN)
    expect(JSON.stringify(run.outputs)).not.toContain(TOKEN)
  })

  it('redacts the token when the agent writes it into its result', async () => {
    fake().setScenario({ result: `I found the token ${TOKEN} in your env file.` })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('I found the token *** in your env file.')
    expect(run.summary).not.toContain(TOKEN)
  })

  it('sets the ids and the dashboard link as soon as the run exists, before waiting', async () => {
    fake().setScenario({ sessionMs: 1_500 })
    const step = startAction({ inputs: inputs() })
    const ids = await outputsWhileRunning(step)
    const runnerId = ids['agent-runner-id']!
    expect(
      fake()
        .runners()
        .map(r => r.id)
    ).toContain(runnerId)
    expect(ids['session-id']).toBe(fake().sessions(runnerId)[0]?.id)
    expect(ids['agent-runner-url']).toBe(
      `https://app.netlify.com/projects/e2e-site/agent-runs/${runnerId}`
    )
    expect(ids.outcome).toBeUndefined()
    const run = await step.done
    expect(run.outputs.outcome).toBe('success')
  })

  it('takes the token and site from NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID', async () => {
    const run = await runAction({
      inputs: { 'api-url': fake().url, prompt: 'From the environment' },
      env: { NETLIFY_AUTH_TOKEN: TOKEN, NETLIFY_SITE_ID: SITE }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.log).toContain(`::add-mask::${TOKEN}`)
  })

  it('passes agent, model, mode, branch, deploy and parent through to the create', async () => {
    const parent = await runAction({ inputs: inputs() })
    const run = await runAction({
      inputs: inputs({
        agent: 'codex',
        model: 'gpt-5-codex',
        mode: 'create',
        branch: 'feature/x',
        'deploy-id': 'deploy-123',
        'parent-agent-runner-id': parent.outputs['agent-runner-id']!,
        'dev-server-image': 'node:24'
      })
    })
    expect(run.exitCode).toBe(0)
    const create = fake()
      .requests.filter(r => r.method === 'POST' && r.path === '/api/v1/agent_runners')
      .at(-1)
    expect(create?.query).toEqual({ site_id: SITE })
    expect(create?.body).toEqual({
      prompt: expect.stringMatching(
        /^Add a dark mode toggle to the header\n\n<!-- netlify-agent-runners-action /
      ),
      agent: 'codex',
      model: 'gpt-5-codex',
      mode: 'create',
      branch: 'feature/x',
      deploy_id: 'deploy-123',
      parent_agent_runner_id: parent.outputs['agent-runner-id'],
      dev_server_image: 'node:24'
    })
  })

  it('an unknown agent is a warning, not an error', async () => {
    const run = await runAction({ inputs: inputs({ agent: 'devin' }) })
    expect(run.exitCode).toBe(0)
    expect(run.log).toMatch(/::warning::Input `agent` is "devin"/)
  })

  it('reads the prompt from prompt-file', async () => {
    const dir = makeStepDir()
    writeFileSync(join(dir, 'workspace', 'task.md'), 'Fix the broken links\nin the footer.\n')
    const run = await runAction({ dir, inputs: inputs({ prompt: '', 'prompt-file': 'task.md' }) })
    expect(run.exitCode).toBe(0)
    const create = fake()
      .requests.filter(r => r.method === 'POST' && r.path === '/api/v1/agent_runners')
      .at(-1)
    expect(untagged((create?.body as { prompt: string }).prompt)).toBe(
      'Fix the broken links\nin the footer.'
    )
  })
})

describe('follow-ups and modes', () => {
  it('agent-runner-id creates a follow-up session on that runner, not a new runner', async () => {
    const first = await runAction({ inputs: inputs() })
    const runnerId = first.outputs['agent-runner-id']!
    const runnersBefore = fake().runners().length
    const run = await runAction({
      inputs: inputs({ 'agent-runner-id': runnerId, prompt: 'Now make it blue' })
    })
    expect(run.exitCode).toBe(0)
    expect(fake().runners()).toHaveLength(runnersBefore)
    const sessions = fake().sessions(runnerId)
    expect(sessions).toHaveLength(2)
    expect(run.outputs['agent-runner-id']).toBe(runnerId)
    expect(run.outputs['session-id']).toBe(sessions[1]!.id)
    expect(untagged(sessions[1]!.prompt)).toBe('Now make it blue')
    expect(run.summary).toContain('(follow-up session)')
    // Not the runner's first session: its diff and everything up to it differ, and both are read.
    const diffs = fake()
      .requests.filter(r =>
        r.path.startsWith(`/api/v1/agent_runners/${runnerId}/sessions/${sessions[1]!.id}/diff`)
      )
      .map(r => r.path.split('/').at(-1))
    expect(diffs.sort()).toEqual(['cumulative', 'result'])
    const own = readFileSync(run.outputs['diff-file']!)
    const cumulative = readFileSync(run.outputs['cumulative-diff-file']!)
    expect(cumulative.length).toBeGreaterThan(own.length)
  })

  it('mode ask returns the answer as result, with no changes', async () => {
    fake().setScenario({ noChanges: true, result: 'The header is in src/components/Header.astro.' })
    const run = await runAction({ inputs: inputs({ mode: 'ask', prompt: 'Where is the header?' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('The header is in src/components/Header.astro.')
    expect(run.outputs['has-changes']).toBe('false')
    expect(run.outputs['diff-file']).toBe('')
    expect(run.outputs['files-changed']).toBe('0')
    expect(run.summary).toContain('The agent made no changes.')
  })

  it('wait: false returns right after the start with outcome started', async () => {
    fake().setScenario({ sessionMs: 60_000 })
    const run = await runAction({ inputs: inputs({ wait: 'false' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('started')
    expect(['new', 'running']).toContain(run.outputs.state)
    expect(run.outputs['agent-runner-id']).toBeTruthy()
    expect(run.summary).toContain('🚀 Netlify agent run started')
    const diffRequests = fake().requests.filter(r => r.path.includes('/diff/'))
    expect(diffRequests.filter(r => r.path.includes(run.outputs['session-id']!))).toEqual([])
  })

  it('lower-case states from the API read the same', async () => {
    fake().setScenario({ lowercaseStates: true })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.state).toBe('done')
    expect(run.outputs.outcome).toBe('success')
  })
})

describe('how a run can end', () => {
  it('a session that ends in error fails the step with the agent’s words', async () => {
    fake().setScenario({
      finalState: 'error',
      result: 'The build failed: missing dependency "sharp".'
    })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.outputs.state).toBe('error')
    expect(run.log).toContain(
      '::error::The agent\'s session ended in error: The build failed: missing dependency "sharp".'
    )
    expect(run.summary).toContain('❌ Netlify agent run failed')
  })

  it('with fail-on-error false an error is reported but the step passes', async () => {
    fake().setScenario({ finalState: 'error', result: 'Could not finish.' })
    const run = await runAction({ inputs: inputs({ 'fail-on-error': 'false' }) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.log).toContain('::warning::The agent')
  })

  it('a session cancelled elsewhere ends the step with outcome cancelled', async () => {
    fake().setScenario({ sessionMs: 30_000 })
    const step = startAction({ inputs: inputs() })
    const ids = await outputsWhileRunning(step)
    await fetch(
      `${fake().url}/api/v1/agent_runners/${ids['agent-runner-id']}/sessions/${ids['session-id']}`,
      {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${TOKEN}` }
      }
    )
    const run = await step.done
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('cancelled')
    expect(run.outputs.state).toBe('cancelled')
    expect(run.summary).toContain('🚫 Netlify agent run was cancelled')
  })

  it('past timeout-minutes the session is stopped and the step fails as timed-out', async () => {
    fake().setScenario({ sessionMs: 120_000 })
    const run = await runAction({ inputs: inputs({ 'timeout-minutes': '0.01' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timed-out')
    const session = fake().sessions(run.outputs['agent-runner-id']!)[0]!
    expect(session.state.toLowerCase()).toBe('cancelled')
    expect(run.log).toContain('did not finish within `timeout-minutes`')
  })

  it('job-summary false writes no summary', async () => {
    const run = await runAction({ inputs: inputs({ 'job-summary': 'false' }) })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toBe('')
  })
})

describe('the summary stays under 1 MiB whatever the diff', () => {
  it('a 5 MB diff: summary under 1 MiB, says what was left out, diff-file whole', async () => {
    fake().setScenario({ diffBytes: 5_000_000 })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
    expect(run.summary).toMatch(
      /The diff is shown for \d+ of \d+ files, then cut short within `[^`]+`, to keep this summary under GitHub's 1 MiB limit/
    )
    expect(run.summary).toContain('```diff')
    expect(run.summary).toContain(run.outputs['diff-file'])
    expect(readFileSync(run.outputs['diff-file']!).length).toBeGreaterThanOrEqual(5_000_000)
  })

  it('binary hunks are named, not dumped', async () => {
    fake().setScenario({ binaryDiff: true })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(readFileSync(run.outputs['diff-file']!, 'utf8')).toContain('GIT binary patch')
    expect(run.summary).toContain('Binary file: its content is not shown.')
    expect(run.summary).not.toContain('GIT binary patch')
  })
})

describe('bad input gets one clear error and sends nothing', () => {
  const cases: [string, Record<string, string>, Record<string, string>, RegExp][] = [
    ['a missing token', { 'netlify-auth-token': '' }, {}, /Input `netlify-auth-token` is required/],
    ['a missing site', { 'site-id': '' }, {}, /Input `site-id` is required/],
    ['an empty prompt', { prompt: '' }, {}, /Input `prompt` is required/],
    [
      'a missing prompt-file',
      { prompt: '', 'prompt-file': 'nope.md' },
      {},
      /Input `prompt-file` names .*nope\.md, which is not a readable file/
    ],
    [
      'both prompt and prompt-file',
      { 'prompt-file': 'x.md' },
      {},
      /Inputs `prompt` and `prompt-file` were both given/
    ],
    [
      'an unknown mode',
      { mode: 'fast' },
      {},
      /Input `mode` must be one of normal, create, ask; got "fast"/
    ],
    ['a non-boolean wait', { wait: 'yes' }, {}, /Input `wait` must be true or false; got "yes"/],
    [
      'a non-boolean fail-on-error',
      { 'fail-on-error': 'no' },
      {},
      /Input `fail-on-error` must be true or false/
    ],
    [
      'a zero timeout',
      { 'timeout-minutes': '0' },
      {},
      /Input `timeout-minutes` must be a positive number of minutes; got "0"/
    ],
    [
      'a negative poll-interval',
      { 'poll-interval': '-5' },
      {},
      /Input `poll-interval` must be a positive number of seconds; got "-5"/
    ],
    [
      'a poll-interval under the 2 s floor',
      { 'poll-interval': '0.001' },
      {},
      /Input `poll-interval` must be at least 2 seconds; got "0.001"/
    ],
    [
      'a pull-request for a command that takes none, in any spelling of true',
      { command: 'status', 'agent-runner-id': 'r1', 'pull-request': 'TRUE', prompt: '' },
      {},
      /Input `pull-request` does not apply to `command: status`/
    ],
    [
      'a branch on a follow-up',
      { 'agent-runner-id': 'r1', branch: 'dev' },
      {},
      /Input `branch` applies to a new runner/
    ],
    [
      'an api-url that is not a URL',
      { 'api-url': 'netlify' },
      {},
      /Input `api-url` must be an http\(s\) URL/
    ]
  ]
  it.each(cases)('%s', async (_name, extra, env, message) => {
    const before = fake().requests.length
    const run = await runAction({ inputs: inputs(extra), env })
    expect(run.exitCode).toBe(1)
    const errors = run.log.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(fake().requests.length).toBe(before)
  })
})
