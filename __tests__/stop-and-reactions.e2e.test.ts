// `@netlify stop` from the thread, and the reactions that tell a trigger how its run ended: dist/main
// (and dist/post) on event payloads, against the fake Netlify and the fake GitHub, both real HTTP
// servers on loopback. The waiting step and the stopping step run side by side, as two workflow
// runs do when the stop comment has a concurrency group of its own.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  outputsWhileRunning,
  ROOT,
  runAction,
  startAction,
  type ActionProcess,
  type GitHubContext
} from '../__fixtures__/actions-runner.js'
import { startFakeGitHub, type FakeGitHub } from '../__fixtures__/fake-github/index.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'
import { formatMarker, markerKey, parseMarker } from '../src/github/status-marker.js'
import type { AgentRunner, AgentRunnerSession } from '../src/netlify/types.js'

const TOKEN = 'nfp_stop_secret_token'
const GH_TOKEN = 'ghs_stop_workflow_token'
const SITE = 'site-stop'
const seal = (issueNumber: number) => ({
  key: markerKey(TOKEN),
  repository: 'octo/site',
  issueNumber
})

const netlify = useFakeNetlify({
  token: TOKEN,
  sites: [{ id: SITE, name: 'stop-site', account_id: 'acct-stop' }],
  scenario: { sessionMs: 0, steps: 2 }
})

let gh: FakeGitHub
beforeAll(async () => {
  gh = await startFakeGitHub({
    token: GH_TOKEN,
    owner: 'octo',
    repo: 'site',
    permissions: { alice: 'write', bob: 'write', rob: 'read' }
  })
})
afterAll(async () => {
  await gh.close()
})
afterEach(() => gh.clearFaults())

const recorded = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, '__fixtures__/events', name), 'utf8')) as Record<
    string,
    unknown
  >

const user = (login: string) => ({ login, id: login.length, type: 'User' })

let lastIssue = 100
/** A new issue on the fake, with nothing on it yet. */
function newIssue(): number {
  const number = ++lastIssue
  gh.addIssue({ number, title: `Issue ${number}`, body: 'Fix the footer.', user: 'bob' })
  return number
}

/** The `issues` `labeled` payload for issue `number`, labeled by `sender`. */
function labeled(number: number, sender = 'alice'): GitHubContext {
  const payload = recorded('issues-labeled.json')
  const issue = gh.issue(number)
  payload.issue = { ...(payload.issue as object), number, title: issue.title, body: issue.body }
  payload.sender = user(sender)
  return { eventName: 'issues', event: payload, apiUrl: gh.url, token: GH_TOKEN }
}

/** A comment by `author` on issue `number`, and the `issue_comment` payload announcing it. */
function commented(number: number, body: string, author = 'alice') {
  const comment = gh.addComment({ issue_number: number, body, user: author })
  const payload = recorded('issue-comment-issue.json')
  payload.issue = { ...(payload.issue as object), number }
  payload.comment = { ...(payload.comment as object), id: comment.id, body, user: user(author) }
  payload.sender = user(author)
  const context: GitHubContext = {
    eventName: 'issue_comment',
    event: payload,
    apiUrl: gh.url,
    token: GH_TOKEN
  }
  return { id: comment.id, context }
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { 'netlify-auth-token': TOKEN, 'site-id': SITE, 'api-url': netlify().url, ...extra }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${netlify().url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return (text === '' ? undefined : JSON.parse(text)) as T
}

async function until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await done()) return
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A runner made through the API, its session at work (the scenario is long) or done. */
async function runnerOf(
  state: 'working' | 'done'
): Promise<{ runnerId: string; sessionId: string }> {
  if (state === 'working') netlify().setScenario({ sessionMs: 60_000 })
  const runner = await api<AgentRunner>('POST', `/agent_runners?site_id=${SITE}`, {
    prompt: 'Earlier work'
  })
  const [session] = await api<AgentRunnerSession[]>('GET', `/agent_runners/${runner.id}/sessions`)
  if (state === 'done') {
    await until('the runner to be done', async () => {
      const now = await api<AgentRunner>('GET', `/agent_runners/${runner.id}`)
      return now.latest_session_state === 'DONE'
    })
  }
  return { runnerId: runner.id, sessionId: session!.id }
}

/** A status comment of the action's for this runner and session, as a run would have left it. */
function statusComment(number: number, ids: { runnerId: string; sessionId: string }) {
  return gh.addComment({
    issue_number: number,
    body: `## ⏳ Netlify agent is working…\n\nSteps so far\n\n${formatMarker(ids, seal(number))}`,
    user: 'github-actions[bot]'
  })
}

const sessionState = (ids: { runnerId: string; sessionId: string }) =>
  netlify()
    .sessions(ids.runnerId)
    .find(session => session.id === ids.sessionId)?.state

const stopsSent = () =>
  netlify().requests.filter(
    r => r.method === 'DELETE' && r.path.startsWith('/api/v1/agent_runners')
  )

/** The comments the action wrote on an issue, oldest first. */
const botComments = (number: number) =>
  gh.issueComments(number).filter(c => c.user?.login === 'github-actions[bot]')

const contents = (reactions: { content: string }[]) => reactions.map(r => r.content).sort()

/** A label run on a new issue whose long session is under way, its status comment written. */
async function waitingRun(): Promise<{
  number: number
  step: ActionProcess
  ids: { runnerId: string; sessionId: string }
}> {
  const number = newIssue()
  netlify().setScenario({ sessionMs: 60_000 })
  const step = startAction({ inputs: inputs(), github: labeled(number) })
  const outputs = await outputsWhileRunning(step)
  await until('the status comment', () =>
    readFileSync(step.files.state, 'utf8').includes('status-comment-id')
  )
  return {
    number,
    step,
    ids: { runnerId: outputs['agent-runner-id']!, sessionId: outputs['session-id']! }
  }
}

describe('@netlify stop on the thread', () => {
  it('stops the run in progress: the waiting step passes as cancelled and says who stopped it', async () => {
    const { number, step, ids } = await waitingRun()
    const stop = commented(number, '@netlify stop')
    const stopped = await runAction({ inputs: inputs(), github: stop.context })

    expect(stopped.exitCode).toBe(0)
    expect(stopped.outputs).toMatchObject({
      outcome: 'success',
      state: 'cancelled',
      'agent-runner-id': ids.runnerId,
      'session-id': ids.sessionId,
      'agent-runner-url': `https://app.netlify.com/projects/stop-site/agent-runs/${ids.runnerId}`
    })
    expect(sessionState(ids)).toBe('CANCELLED')

    const waited = await step.done
    expect(waited.exitCode).toBe(0)
    expect(waited.outputs.outcome).toBe('cancelled')
    expect(waited.outputs.state).toBe('cancelled')
    expect(waited.log).toContain(
      `::notice::Session ${ids.sessionId} was stopped by alice, who asked for it on the thread.`
    )
    expect(waited.log).not.toMatch(/::(error|warning)/)
    expect(waited.summary).toContain('Stopped by `alice`')

    // The status comment's last word keeps the stopper's note; a reply confirms the stop.
    const [status, reply] = botComments(number)
    expect(status?.body).toContain('## ⏹️ Netlify agent run stopped')
    expect(status?.body).toContain('⏹️ Stopped by `alice`, who asked for it on this thread.')
    expect(status?.body).not.toMatch(/cancelled before it finished/)
    expect(parseMarker(status?.body ?? '', seal(number))).toEqual({ ...ids, stoppedBy: 'alice' })
    expect(reply?.body).toContain('## ⏹️ Netlify agent run stopped')
    expect(reply?.body).toContain('as `alice` asked; it is cancelled.')
    expect(botComments(number)).toHaveLength(2)

    // The stopped run's trigger (the issue, for a label) and the stop comment: 👍, no 👀.
    expect(contents(gh.issueReactions(number))).toEqual(['+1'])
    expect(contents(gh.reactions(stop.id))).toEqual(['+1'])
  })

  it('from a reader: nothing is stopped, and a reply says why', async () => {
    const number = newIssue()
    const ids = await runnerOf('working')
    statusComment(number, ids)
    const stop = commented(number, '@netlify stop', 'rob')
    const before = stopsSent().length
    const run = await runAction({ inputs: inputs(), github: stop.context })

    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('skipped')
    expect(run.outputs['skip-reason']).toMatch(
      /^rob has read access to octo\/site; stopping an agent run takes write/
    )
    expect(stopsSent()).toHaveLength(before)
    expect(['NEW', 'RUNNING']).toContain(sessionState(ids))
    const reply = botComments(number).at(-1)
    expect(reply?.body).toContain('## ⛔ Netlify agent run not stopped')
    expect(gh.reactions(stop.id)).toEqual([])
  })

  it('with nothing running: a reply says so, and the step succeeds with the latest state', async () => {
    const number = newIssue()
    const ids = await runnerOf('done')
    statusComment(number, ids)
    const stop = commented(number, '@Netlify STOP!')
    const before = stopsSent().length
    const run = await runAction({ inputs: inputs(), github: stop.context })

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'success',
      state: 'done',
      'agent-runner-id': ids.runnerId,
      'session-id': ids.sessionId
    })
    expect(stopsSent()).toHaveLength(before)
    const reply = botComments(number).at(-1)
    expect(reply?.body).toContain('## ⏹️ Nothing to stop')
    expect(reply?.body).toContain(`its latest session, \`${ids.sessionId}\`, is done.`)
    expect(contents(gh.reactions(stop.id))).toEqual(['+1'])
  })

  it('"@netlify stop now" is a prompt: a follow-up on the thread\'s runner, not a stop', async () => {
    const number = newIssue()
    const ids = await runnerOf('done')
    statusComment(number, ids)
    const run = await runAction({
      inputs: inputs({ 'status-comment': 'false' }),
      github: commented(number, '@netlify stop now').context
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.outputs['agent-runner-id']).toBe(ids.runnerId)
    expect(netlify().sessions(ids.runnerId)).toHaveLength(2)
  })
})

describe('reactions on the trigger tell how its run ended', () => {
  it('a label run that succeeds: 👀 on the issue while it works, then 🚀; nobody else’s 👀 is touched', async () => {
    const number = newIssue()
    gh.addReaction({ issue: number }, 'eyes', 'bob')
    const run = await runAction({ inputs: inputs(), github: labeled(number) })
    expect(run.outputs.outcome).toBe('success')
    const added = gh.requests.filter(
      r => r.method === 'POST' && r.path === `/repos/octo/site/issues/${number}/reactions`
    )
    expect(added.map(r => (r.body as { content: string }).content)).toEqual(['eyes', 'rocket'])
    const left = gh.issueReactions(number).map(r => [r.content, r.user.login])
    expect(left.sort()).toEqual([
      ['eyes', 'bob'],
      ['rocket', 'github-actions[bot]']
    ])
  })

  it('a comment run that succeeds: 🚀 on the comment', async () => {
    const number = newIssue()
    const asked = commented(number, '@netlify fix the footer')
    const run = await runAction({
      inputs: inputs({ 'status-comment': 'false' }),
      github: asked.context
    })
    expect(run.outputs.outcome).toBe('success')
    expect(contents(gh.reactions(asked.id))).toEqual(['rocket'])
    expect(gh.issueReactions(number)).toEqual([])
  })

  it('a run that fails: 😕 on the comment, and on the issue for a label', async () => {
    netlify().setScenario({ finalState: 'error', result: 'The build broke' })
    const number = newIssue()
    const asked = commented(number, '@netlify fix the footer')
    const byComment = await runAction({ inputs: inputs(), github: asked.context })
    expect(byComment.outputs.outcome).toBe('failure')
    expect(contents(gh.reactions(asked.id))).toEqual(['confused'])

    const byLabel = await runAction({ inputs: inputs(), github: labeled(number) })
    expect(byLabel.outputs.outcome).toBe('failure')
    expect(contents(gh.issueReactions(number))).toEqual(['confused'])
  })

  it('a label run again after a failure: the earlier 😕 gives way to 🚀', async () => {
    const number = newIssue()
    netlify().setScenario({ finalState: 'error', result: 'The build broke' })
    await runAction({ inputs: inputs({ 'status-comment': 'false' }), github: labeled(number) })
    expect(contents(gh.issueReactions(number))).toEqual(['confused'])
    netlify().setScenario({ finalState: 'done' })
    await runAction({ inputs: inputs({ 'status-comment': 'false' }), github: labeled(number) })
    expect(contents(gh.issueReactions(number))).toEqual(['rocket'])
  })

  it('GitHub refusing reactions: warnings, and the run goes on to succeed', async () => {
    const number = newIssue()
    gh.injectFault({ path: `/repos/octo/site/issues/${number}/reactions`, status: 403, times: 10 })
    const run = await runAction({
      inputs: inputs({ 'status-comment': 'false' }),
      github: labeled(number)
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(run.log).toContain(`::warning::Could not add 👀 to issue #${number}: `)
    expect(run.log).toContain(`::warning::Could not tell the end on issue #${number}: `)
  })

  it('a skipped trigger gets no reaction', async () => {
    const number = newIssue()
    const run = await runAction({ inputs: inputs(), github: labeled(number, 'rob') })
    expect(run.outputs.outcome).toBe('skipped')
    expect(gh.issueReactions(number)).toEqual([])
  })

  it('a main step killed outright: the post step sets 😕 in place of the 👀', async () => {
    const { number, step } = await waitingRun()
    expect(contents(gh.issueReactions(number))).toEqual(['eyes'])
    step.child.kill('SIGKILL')
    const killed = await step.done
    const post = await runAction({
      dir: killed.dir,
      entry: 'post',
      inputs: inputs(),
      github: labeled(number)
    })
    expect(post.exitCode).toBe(0)
    expect(contents(gh.issueReactions(number))).toEqual(['confused'])
  })
})
