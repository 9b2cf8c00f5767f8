// Protected paths, end to end: dist/main against the fake Netlify API, whose sessions change the
// files a test names (a workflow, a rename into .github/workflows, names git quotes). A refused
// delivery sends no delivery request at all; a warned one is made and flagged.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, runAction, type ActionResult } from '../__fixtures__/actions-runner.js'
import type { DiffPath } from '../__fixtures__/fake-netlify/diffs.js'
import { useFakeGitHub } from '../__fixtures__/use-fake-github.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_guard_token'
const SITE = 'site-guard'
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'guard-site', account_id: 'acct-g', repo_branch: 'production' }],
  scenario: { sessionMs: 0, steps: 1, prMs: 200, commitMs: 200 }
})

/** A session's changes: an ordinary file, a workflow, one git quotes (octal and a space), and a rename into .github/workflows. */
const CHANGES: DiffPath[] = [
  'src/header.ts',
  '.github/workflows/deploy.yml',
  '.github/workflows/café deploy.yml',
  'docs/my notes.md',
  { from: 'scripts/release.yml', to: '.github/workflows/release.yml' }
]
const PROTECTED = [
  '.github/workflows/deploy.yml',
  '.github/workflows/café deploy.yml',
  '.github/workflows/release.yml'
]

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: `Tidy the deploy ${Math.random()}`,
    ...extra
  }
}

const requests = (method: string, pattern: RegExp) =>
  fake().requests.filter(r => r.method === method && pattern.test(r.path)).length
const DELIVERIES = /\/agent_runners\/[^/]+\/(pull_request|commit)$/
const RUNNER_DIFF = /\/agent_runners\/[^/]+\/diff$/

/** Runs the step, counting the delivery requests it sent. */
async function step(
  extra: Record<string, string>
): Promise<{ run: ActionResult; deliveries: number; runnerDiffs: number }> {
  const before = [requests('POST', DELIVERIES), requests('GET', RUNNER_DIFF)]
  const run = await runAction({ inputs: inputs(extra) })
  return {
    run,
    deliveries: requests('POST', DELIVERIES) - before[0]!,
    runnerDiffs: requests('GET', RUNNER_DIFF) - before[1]!
  }
}

/** The names the step printed as foreign text, between stop-commands markers. */
function untrustedBlocks(log: string): string {
  return [...log.matchAll(/::stop-commands::(\w+)\n([\s\S]*?)\n::\1::/g)].map(m => m[2]).join('\n')
}

const protectedFiles = (run: ActionResult): unknown =>
  JSON.parse(run.outputs['protected-files'] ?? 'null')

describe('on-protected-paths: refuse (the default)', () => {
  it('a pull request touching workflows is not asked for; the step fails and names each file', async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const { run, deliveries } = await step({ 'pull-request': 'true' })
    expect(run.exitCode).toBe(1)
    expect(deliveries).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'failure',
      'error-kind': 'protected-paths',
      'pull-request-operation': 'none',
      'pull-request-url': ''
    })
    // The rename counts by its new name; its old one is not protected.
    expect(protectedFiles(run)).toEqual(PROTECTED)
    // Named in the log as foreign text, and the one error says how to allow them.
    const printed = untrustedBlocks(run.log)
    for (const file of PROTECTED) expect(printed).toContain(`  ${file}`)
    const errors = run.log.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toEqual([expect.stringMatching(/`on-protected-paths: warn`.*`protected-paths`/)])
    expect(errors[0]).not.toContain('deploy.yml')
    // The summary names them, each in a code span, and says how to allow them.
    expect(run.summary).toContain('### 🛡️ Protected files')
    for (const file of PROTECTED) expect(run.summary).toContain(`| \`${file}\` |`)
    expect(run.summary).toMatch(
      /nothing was delivered\. To deliver them anyway, set `on-protected-paths: warn`/
    )
  })

  it('a commit is refused alike, whatever fail-on-error says', async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const { run, deliveries } = await step({
      'commit-to-branch': 'agent/tidy',
      'fail-on-error': 'false'
    })
    expect(run.exitCode).toBe(1)
    expect(deliveries).toBe(0)
    expect(run.outputs['error-kind']).toBe('protected-paths')
    expect(run.outputs['commit-sha']).toBe('')
  })

  it('changes that touch no protected file are delivered, with protected-files []', async () => {
    fake().setScenario({ diffPaths: ['src/header.ts', '.github/dependabot.yml'] })
    const { run, deliveries } = await step({ 'pull-request': 'true' })
    expect(run.exitCode).toBe(0)
    expect(deliveries).toBe(1)
    expect(protectedFiles(run)).toEqual([])
    expect(run.outputs['error-kind']).toBe('')
    expect(run.summary).not.toContain('Protected files')
  })
})

describe('on-protected-paths: warn', () => {
  it('delivers, flags the files in a warning, the log and the summary, and lists them', async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const { run, deliveries } = await step({
      'pull-request': 'true',
      'on-protected-paths': 'warn'
    })
    expect(run.exitCode).toBe(0)
    expect(deliveries).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      'error-kind': '',
      'pull-request-operation': 'created'
    })
    expect(protectedFiles(run)).toEqual(PROTECTED)
    expect(run.log).toMatch(/::warning::The changes touch 3 files of `protected-paths`/)
    for (const file of PROTECTED) expect(untrustedBlocks(run.log)).toContain(`  ${file}`)
    expect(run.summary).toMatch(
      /\[!WARNING\]\n> These 3 files match `protected-paths`\. They were delivered/
    )
  })
})

describe('the patterns', () => {
  it("protected-paths: '' turns the check off: delivered, nothing checked", async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const { run, deliveries, runnerDiffs } = await step({
      'pull-request': 'true',
      'protected-paths': ''
    })
    expect(run.exitCode).toBe(0)
    expect(deliveries).toBe(1)
    expect(runnerDiffs).toBe(0)
    expect(protectedFiles(run)).toEqual([])
    // No check was made, so none is reported.
    expect(run.log).not.toMatch(/protected/i)
  })

  it('`!` takes files out: only the rename into workflows is left to refuse', async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const { run, deliveries } = await step({
      'pull-request': 'true',
      'protected-paths': [
        '.github/workflows/**',
        '!.github/workflows/deploy.yml',
        '!.github/workflows/café *.yml'
      ].join('\n')
    })
    expect(run.exitCode).toBe(1)
    expect(deliveries).toBe(0)
    expect(protectedFiles(run)).toEqual(['.github/workflows/release.yml'])
  })

  it('other files a workflow runs are protected when listed, both names of a rename counting', async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const { run } = await step({ 'pull-request': 'true', 'protected-paths': 'scripts/**' })
    expect(run.exitCode).toBe(1)
    expect(protectedFiles(run)).toEqual(['scripts/release.yml'])
  })
})

describe('command: pull-request and commit', () => {
  /** A done runner whose changes are CHANGES, delivered nowhere yet. */
  async function undeliveredRunner(): Promise<string> {
    fake().setScenario({ diffPaths: CHANGES })
    const run = await runAction({ inputs: inputs() })
    expect(run.outputs.outcome).toBe('success')
    return run.outputs['agent-runner-id']!
  }
  const command = (name: string, runnerId: string, extra: Record<string, string> = {}) => ({
    'netlify-auth-token': TOKEN,
    'api-url': fake().url,
    command: name,
    'agent-runner-id': runnerId,
    ...extra
  })

  it("checks the runner's whole diff, and refuses: no pull request asked for", async () => {
    const runnerId = await undeliveredRunner()
    const before = [requests('POST', DELIVERIES), requests('GET', RUNNER_DIFF)]
    const run = await runAction({ inputs: command('pull-request', runnerId) })
    expect(run.exitCode).toBe(1)
    expect(requests('POST', DELIVERIES) - before[0]!).toBe(0)
    expect(requests('GET', RUNNER_DIFF) - before[1]!).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failure',
      'error-kind': 'protected-paths',
      'agent-runner-id': runnerId
    })
    expect(protectedFiles(run)).toEqual(PROTECTED)
    expect(run.summary).toContain('Nothing delivered: the changes touch protected files')
    for (const file of PROTECTED) expect(run.summary).toContain(`| \`${file}\` |`)
  })

  it('with warn, commits, and lists the files', async () => {
    const runnerId = await undeliveredRunner()
    const run = await runAction({
      inputs: command('commit', runnerId, {
        'commit-to-branch': 'agent/tidy',
        'on-protected-paths': 'warn'
      })
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/)
    expect(protectedFiles(run)).toEqual(PROTECTED)
    expect(run.summary).toContain('[!WARNING]')
  })

  it("with protected-paths: '', asks for no diff and delivers", async () => {
    const runnerId = await undeliveredRunner()
    const before = requests('GET', RUNNER_DIFF)
    const run = await runAction({
      inputs: command('pull-request', runnerId, { 'protected-paths': '' })
    })
    expect(run.exitCode).toBe(0)
    expect(requests('GET', RUNNER_DIFF) - before).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(protectedFiles(run)).toEqual([])
  })
})

describe('the status comment', () => {
  const GH_TOKEN = 'ghs_protected_paths_token'
  const labeled = JSON.parse(
    readFileSync(join(ROOT, '__fixtures__/events/issues-labeled.json'), 'utf8')
  ) as { issue: { title: string; body: string | null } }
  const gh = useFakeGitHub({
    token: GH_TOKEN,
    owner: 'octo',
    repo: 'site',
    permissions: { alice: 'write' },
    // The issue as the recorded event shows it: one edited since would not be run on.
    issues: [{ number: 12, title: labeled.issue.title, body: labeled.issue.body, user: 'bob' }]
  })

  it('names the protected files and says nothing was delivered', async () => {
    fake().setScenario({ diffPaths: CHANGES })
    const run = await runAction({
      inputs: { ...inputs({ 'pull-request': 'true' }), prompt: '' },
      github: {
        eventName: 'issues',
        event: 'issues-labeled.json',
        apiUrl: gh().url,
        token: GH_TOKEN
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['error-kind']).toBe('protected-paths')
    const comment = gh()
      .issueComments(12)
      .filter(c => c.user?.login === 'github-actions[bot]')
      .at(-1)!
    expect(comment.body).toContain('### 🛡️ 3 protected files')
    expect(comment.body).toMatch(
      /nothing was delivered\. To deliver them anyway, set `on-protected-paths: warn`/
    )
    for (const file of PROTECTED) expect(comment.body).toContain(`- \`${file}\``)
  })
})
