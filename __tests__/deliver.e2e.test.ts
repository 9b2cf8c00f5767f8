// Delivering the work, end to end: dist/main with `pull-request` or `commit-to-branch`, against
// the fake Netlify API, which makes pull requests and commits asynchronously as Netlify does.
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../__fixtures__/actions-runner.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_deliver_secret_token'
const SITE = 'site-deliver'
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [
    { id: SITE, name: 'deliver-site', account_id: 'acct-d', repo_branch: 'production' },
    { id: 'site-nogit', name: 'nogit-site', account_id: 'acct-d', git: false }
  ],
  scenario: { sessionMs: 0, steps: 2, prMs: 300, commitMs: 300 }
})

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: 'Fix the header',
    ...extra
  }
}

const posts = (suffix: string) =>
  fake().requests.filter(r => r.method === 'POST' && r.path.endsWith(suffix))

describe('pull-request: true', () => {
  it('opens a pull request after a done session with changes, and reports it', async () => {
    const logged = fake().requests.length
    const run = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    expect(run.exitCode).toBe(0)
    const runner = fake()
      .runners()
      .find(r => r.id === run.outputs['agent-runner-id'])!
    expect(runner.pr_url).toMatch(/\/pull\/\d+$/)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      'pull-request-url': runner.pr_url,
      'pull-request-number': String(runner.pr_number),
      'pull-request-branch': runner.pr_branch,
      'pull-request-state': 'open',
      'pull-request-operation': 'created',
      'commit-sha': ''
    })
    expect(run.log).toContain(`Pull request created: ${runner.pr_url}`)
    expect(run.summary).toContain(`[Pull request #${runner.pr_number}](${runner.pr_url}) (created)`)
    // The runner is read before the request and until the pull request exists (300 ms, seen at the
    // first look 500 ms on), and that last read is what the report uses: nothing is read twice.
    const asked = fake()
      .requests.slice(logged)
      .map(r => `${r.method} ${r.path}`)
    const post = asked.indexOf(`POST /api/v1/agent_runners/${runner.id}/pull_request`)
    const reads = (part: string[]) =>
      part.filter(r => r === `GET /api/v1/agent_runners/${runner.id}`).length
    expect(reads(asked.slice(0, post))).toBe(1)
    expect(reads(asked.slice(post))).toBe(1)
  })

  it('a follow-up on a runner with an open pull request updates it, not a second one', async () => {
    const first = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    const runnerId = first.outputs['agent-runner-id']!
    const before = posts('/pull_request').length
    const run = await runAction({
      inputs: inputs({
        'agent-runner-id': runnerId,
        prompt: 'Also fix the footer',
        'pull-request': 'true'
      })
    })
    expect(run.exitCode).toBe(0)
    expect(posts('/pull_request').length - before).toBe(1)
    expect(run.outputs['pull-request-operation']).toBe('updated')
    expect(run.outputs['pull-request-url']).toBe(first.outputs['pull-request-url'])
    expect(run.outputs['pull-request-number']).toBe(first.outputs['pull-request-number'])
    expect(run.log).toContain('Pull request updated')
  })

  it("Netlify's pull request error fails the step with its words", async () => {
    fake().setScenario({ prError: 'The GitHub app lacks permission to push' })
    const run = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.log).toMatch(
      /::error::Netlify could not make the pull request: The GitHub app lacks permission to push/
    )
    expect(run.summary).toContain('The GitHub app lacks permission to push')
    expect(run.outputs['pull-request-operation']).toBe('none')
  })

  it('a delivery Netlify could not make fails the step even with fail-on-error: false', async () => {
    fake().setScenario({ prError: 'Branch protection' })
    const run = await runAction({
      inputs: inputs({ 'pull-request': 'true', 'fail-on-error': 'false' })
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
  })

  it('no changes: nothing to deliver, said in the log and the summary, and no request', async () => {
    fake().setScenario({ noChanges: true })
    const before = posts('/pull_request').length
    const run = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(posts('/pull_request').length).toBe(before)
    expect(run.outputs['pull-request-operation']).toBe('none')
    expect(run.outputs['pull-request-url']).toBe('')
    expect(run.log).toContain('The session made no changes, so there is nothing to deliver.')
    expect(run.summary).toContain('nothing to deliver')
  })

  it('a pull request still being made at timeout-minutes ends as timed-out', async () => {
    fake().setScenario({ prMs: 120_000 })
    const run = await runAction({
      inputs: inputs({ 'pull-request': 'true', 'timeout-minutes': '0.05' })
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('timed-out')
    expect(run.log).toMatch(/still working on the pull request when `timeout-minutes` ran out/)
  })

  it('a lost answer to the pull request is not sent again once the runner shows it', async () => {
    fake().injectFault({ method: 'POST', path: /\/pull_request$/, status: 502, after: true })
    const before = posts('/pull_request').length
    const run = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(posts('/pull_request').length - before).toBe(1)
    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(run.log).toContain("Netlify's answer to the request for the pull request was lost")
  })

  it('a pull request refused before it was made is asked again', async () => {
    fake().injectFault({ method: 'POST', path: /\/pull_request$/, status: 502 })
    const before = posts('/pull_request').length
    const run = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(posts('/pull_request').length - before).toBe(2)
    expect(run.outputs['pull-request-operation']).toBe('created')
  })
})

describe('commit-to-branch', () => {
  it('commits the changes to the branch and reports the sha', async () => {
    const run = await runAction({ inputs: inputs({ 'commit-to-branch': 'agent/maintenance' }) })
    expect(run.exitCode).toBe(0)
    const runner = fake()
      .runners()
      .find(r => r.id === run.outputs['agent-runner-id'])!
    expect(runner.merge_commit_sha).toMatch(/^[0-9a-f]{40}$/)
    expect(run.outputs['commit-sha']).toBe(runner.merge_commit_sha)
    expect(run.outputs['pull-request-operation']).toBe('none')
    const commit = posts('/commit').at(-1)!
    expect(commit.body).toEqual({ target_branch: 'agent/maintenance' })
    expect(run.summary).toContain(`\`${runner.merge_commit_sha!.slice(0, 12)}\``)
    expect(run.summary).toContain('`agent/maintenance`')
  })

  it("Netlify's commit error fails the step with its words", async () => {
    fake().setScenario({ commitError: 'Branch protection rejected the push' })
    const run = await runAction({ inputs: inputs({ 'commit-to-branch': 'agent/x' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expect(run.log).toMatch(/::error::Netlify could not make the commit to agent\/x: Branch/)
  })

  it('the branch the runner works from is refused before the run starts', async () => {
    const before = posts('/agent_runners').length
    const run = await runAction({ inputs: inputs({ 'commit-to-branch': 'production' }) })
    expect(run.exitCode).toBe(1)
    expect(run.log).toMatch(/::error::Input `commit-to-branch` is "production", the branch/)
    expect(posts('/agent_runners').length).toBe(before)
  })
})

describe('delivery inputs are checked before anything is sent', () => {
  it.each([
    ['main', { 'commit-to-branch': 'main' }, /Input `commit-to-branch` is "main"/],
    ['master', { 'commit-to-branch': 'master' }, /Input `commit-to-branch` is "master"/],
    [
      'both ways at once',
      { 'commit-to-branch': 'agent/x', 'pull-request': 'true' },
      /Inputs `pull-request` and `commit-to-branch` were both given/
    ],
    ['a bad branch name', { 'commit-to-branch': 'a..b' }, /not a valid branch name/],
    ['a non-boolean pull-request', { 'pull-request': 'yes' }, /Input `pull-request` must be true/],
    [
      'a rebase that delivers and does not wait (its session has no tag for a sweep)',
      {
        command: 'rebase',
        prompt: '',
        'agent-runner-id': 'ar-x',
        'pull-request': 'true',
        wait: 'false'
      },
      /Input `wait` is false, but `pull-request` delivers .* a `command: rebase` session carries no tag/
    ],
    [
      'a detached delivery outside GitHub Actions (no sweep could find it)',
      { 'pull-request': 'true', wait: 'false', GITHUB_RUN_ID: '' },
      /Input `wait` is false with `pull-request`: a detached run is delivered by a later `command: sweep` step/
    ]
  ])('%s', async (_name, given, message) => {
    const before = fake().requests.length
    const { GITHUB_RUN_ID, ...extra } = given as Record<string, string>
    const run = await runAction({
      inputs: inputs(extra),
      ...(GITHUB_RUN_ID === undefined ? {} : { env: { GITHUB_RUN_ID } })
    })
    expect(run.exitCode).toBe(1)
    const errors = run.log.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(fake().requests.length).toBe(before)
  })
})
