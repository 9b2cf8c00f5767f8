// Text the action did not write never steers the runner: dist/main, against the fake Netlify API,
// with every workflow command the runner knows planted in each foreign text that reaches the log,
// and the log read back through the runner's own command rules (__fixtures__/runner-commands.ts).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, runAction, type ActionResult } from '../__fixtures__/actions-runner.js'
import { FORGED_LINES, forgedText } from '../__fixtures__/forged-commands.js'
import { runnerView, type RunnerView } from '../__fixtures__/runner-commands.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_untrusted_log_secret'
const GH_TOKEN = 'ghs_untrusted_log_workflow_token'
const SITE = 'site-untrusted'
const fake = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'untrusted-site', account_id: 'acct-u' }],
  scenario: { sessionMs: 0, steps: 2, prMs: 100, commitMs: 100 }
})

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': fake().url,
    prompt: 'Tidy the footer',
    ...extra
  }
}

/**
 * What the runner made of the step's log, once it is clear that it carried out only the action's
 * own commands: the token's mask, its groups (each closed), the stop-commands blocks it opened
 * (each resumed), and at most one error, its final verdict.
 */
function ownCommandsOnly(run: ActionResult): RunnerView {
  const view = runnerView(run.log)
  const blocks = view.commands.filter(c => c.name === 'stop-commands').map(c => c.data)
  const names = view.commands.map(c => c.name)
  expect(names.filter(name => blocks.includes(name))).toEqual(blocks)
  for (const name of names) {
    expect(['add-mask', 'group', 'endgroup', 'stop-commands', 'error', ...blocks]).toContain(name)
  }
  expect(names.filter(name => name === 'error').length).toBeLessThanOrEqual(1)
  expect(view.masks.filter(mask => mask !== GH_TOKEN)).toEqual([TOKEN])
  expect([view.state, view.outputs, view.env]).toEqual([{}, {}, {}])
  expect(view.paths).toEqual([])
  expect(view.matchers).toEqual({ added: [], removed: [] })
  expect(view.failed).toBe(false)
  // Only the action's own groups fold, and every one of them closes.
  const opened = view.commands.filter(c => c.name === 'group').map(c => c.data)
  expect(view.groups).toEqual(opened)
  expect(names.filter(name => name === 'endgroup')).toHaveLength(opened.length)
  return view
}

/** The forged text shows in the log as written, each line whole. */
function expectShown(view: RunnerView, label: string): void {
  const shown = view.shown.map(line => line.replace('\u200b##[', '##['))
  expect(shown.some(line => line.endsWith(`${label} begins`))).toBe(true)
  for (const line of FORGED_LINES) {
    expect(shown).toContain(line)
    expect(shown).toContain(`   \t${line}`)
  }
  expect(shown).toContain(`${label} ends`)
}

/** The action's own final error: one annotation, carrying the foreign text as its message. */
function expectOwnError(view: RunnerView, label: string): void {
  expect(view.annotations).toHaveLength(1)
  const [error] = view.annotations
  expect(error?.kind).toBe('error')
  expect(error?.message).toContain(`${label} begins`)
  expect(error?.message).toContain(FORGED_LINES[1])
}

describe('foreign text in the log steers nothing', () => {
  it("the agent's result: shown in the Result group, nothing carried out", async () => {
    fake().setScenario({ result: forgedText('result') })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    const view = ownCommandsOnly(run)
    expect(view.groups).toContain('Result')
    expect(view.annotations).toEqual([])
    expectShown(view, 'result')
  })

  it("a failed session's result: in the log, and in the action's one error, escaped", async () => {
    fake().setScenario({ finalState: 'error', result: forgedText('failed result') })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(1)
    const view = ownCommandsOnly(run)
    expectShown(view, 'failed result')
    expectOwnError(view, 'failed result')
  })

  it("a step's title", async () => {
    fake().setScenario({ stepTitle: forgedText('step title') })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    const view = ownCommandsOnly(run)
    expect(view.annotations).toEqual([])
    expectShown(view, 'step title')
    expect(view.shown).toContain('[1] step title begins')
  })

  it("a step's message", async () => {
    fake().setScenario({ stepMessage: forgedText('step message') })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    const view = ownCommandsOnly(run)
    expect(view.annotations).toEqual([])
    expectShown(view, 'step message')
  })

  it("the session's title goes to the title output only, never to the log", async () => {
    fake().setScenario({ title: forgedText('session title') })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.title).toContain('session title begins')
    const view = ownCommandsOnly(run)
    expect(view.annotations).toEqual([])
    expect(view.shown.join('\n')).not.toContain('session title begins')
  })

  it("Netlify's pr_error: the action's one error says it, escaped", async () => {
    fake().setScenario({ prError: forgedText('pr_error') })
    const run = await runAction({ inputs: inputs({ 'pull-request': 'true' }) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.outcome).toBe('failure')
    expectOwnError(ownCommandsOnly(run), 'pr_error')
  })

  it("Netlify's merge_commit_error", async () => {
    fake().setScenario({ commitError: forgedText('merge_commit_error') })
    const run = await runAction({ inputs: inputs({ 'commit-to-branch': 'agent/tidy' }) })
    expect(run.exitCode).toBe(1)
    expectOwnError(ownCommandsOnly(run), 'merge_commit_error')
  })

  it("an error body from Netlify's API", async () => {
    fake().injectFault({
      method: 'POST',
      path: '/api/v1/agent_runners',
      status: 422,
      body: JSON.stringify({ code: 422, message: forgedText('api error') })
    })
    const run = await runAction({ inputs: inputs() })
    expect(run.exitCode).toBe(1)
    expectOwnError(ownCommandsOnly(run), 'api error')
  })

  it("a label's name, quoted in the reason the event is skipped", async () => {
    const payload = JSON.parse(
      readFileSync(join(ROOT, '__fixtures__/events/issues-labeled.json'), 'utf8')
    ) as { label: { name: string } }
    payload.label.name = forgedText('label')
    const before = fake().requests.length
    const run = await runAction({
      inputs: inputs({ prompt: '' }),
      github: { eventName: 'issues', event: payload, token: GH_TOKEN }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('skipped')
    expect(run.outputs['skip-reason']).toContain('label begins')
    expect(fake().requests.length).toBe(before)
    const view = ownCommandsOnly(run)
    expect(view.annotations).toEqual([])
    expectShown(view, 'label')
  })
})
