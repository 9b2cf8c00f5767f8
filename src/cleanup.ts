// The post step. It runs after main on success, failure and cancellation. If main started a
// session and never settled it (main was killed, or crashed), the session may still be spending
// credits: stop it, and say so on the status comment, which would otherwise read "working"
// forever. It warns about what it could not do, and never fails the job.
import { NetlifyClient } from './netlify/client.js'
import { isTerminalSessionState, normalizeState } from './netlify/lifecycle.js'
import { outcomeOf } from './report/run-report.js'
import { redactor, type Redact } from './redact.js'
import { actionsInputs, readGitHubToken, readToken } from './settings/index.js'
import { readSavedRun, type SavedRun } from './state.js'
import { debugRequest } from './step-debug.js'
import * as core from '@actions/core'

/** How the run ended, as the post step found it: for the status comment. */
interface Ending {
  outcome: 'success' | 'failure' | 'cancelled' | undefined
  /** What happened, in a sentence. */
  said: string
}

const ENDED_EARLY = 'The workflow step ended before the run did (it was cancelled or crashed)'

function describe(saved: SavedRun): string {
  return saved.sessionId
    ? `session ${saved.sessionId} of agent runner ${saved.runnerId}`
    : `agent runner ${saved.runnerId}`
}

/** Stops a session main did not settle. */
async function stopUnsettled(
  saved: SavedRun,
  client: NetlifyClient,
  redact: Redact
): Promise<Ending> {
  const { runnerId, sessionId } = saved
  const what = describe(saved)
  try {
    if (sessionId === '') {
      // Main stopped before it knew the session: stopping the runner stops its active session.
      await client.stopRunner(runnerId)
    } else {
      const session = await client.getSession(runnerId, sessionId)
      if (isTerminalSessionState(session.state)) {
        const state = normalizeState(session.state)
        core.info(`Session ${sessionId} is already ${state}; nothing to stop.`)
        return {
          outcome: outcomeOf(session.state) as Ending['outcome'],
          said: `${ENDED_EARLY}; the session had ended (${state}) by then. Its result is on the Netlify dashboard.`
        }
      }
      await client.stopSession(runnerId, sessionId)
    }
    core.warning(
      `The main step did not see ${what} finish (it was cancelled or crashed), so the post step stopped it: it no longer spends credits.`
    )
    return { outcome: 'cancelled', said: `${ENDED_EARLY}, so the ${what} was stopped.` }
  } catch (err) {
    const message = redact(err instanceof Error ? err.message : String(err))
    core.warning(
      `Could not stop ${what}, which may still be running: ${message}. Stop it on the Netlify dashboard.`
    )
    return {
      outcome: undefined,
      said: `${ENDED_EARLY}, and the ${what} could not be stopped: stop it on the Netlify dashboard.`
    }
  }
}

/** A session main settled (it saw it end, or stopped it) but did not live to report. */
async function settledEnding(saved: SavedRun, client: NetlifyClient): Promise<Ending> {
  const unknown = {
    outcome: undefined,
    said: 'The workflow step ended before it could report how the run went: see the Netlify dashboard.'
  }
  if (saved.sessionId === '') return unknown
  try {
    const session = await client.getSession(saved.runnerId, saved.sessionId)
    return {
      outcome: outcomeOf(session.state) as Ending['outcome'],
      said: `The workflow step ended before it could report; the session is ${normalizeState(session.state)}. Its result is on the Netlify dashboard.`
    }
  } catch {
    return unknown
  }
}

/** Rewrites the status comment with how the run ended. */
async function tellThread(
  saved: SavedRun,
  commentId: number,
  ending: Ending,
  githubToken: string,
  redact: Redact
): Promise<void> {
  try {
    const [{ createGitHubClient }, { renderStatusComment }] = await Promise.all([
      import('./github/client.js'),
      import('./github/status-comment.js')
    ])
    const github = await createGitHubClient(githubToken, process.env.GITHUB_REPOSITORY ?? '')
    const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
    const body = renderStatusComment({
      phase: 'finished',
      outcome: ending.outcome,
      runnerId: saved.runnerId,
      sessionId: saved.sessionId || undefined,
      runnerUrl: saved.statusRunnerUrl || undefined,
      workflowRunUrl: `${server}/${process.env.GITHUB_REPOSITORY ?? ''}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`,
      followUp: false,
      prompt: '',
      steps: [],
      failure: ending.said
    })
    await github.updateComment(commentId, redact(body))
  } catch (err) {
    core.warning(
      redact(`Could not update the status comment: ${err instanceof Error ? err.message : err}`)
    )
  }
}

export async function cleanup(): Promise<void> {
  const saved = readSavedRun()
  if (!saved) return
  // Main may have settled the session and still been killed before the comment's last word.
  const commentId = saved.statusCommentFinal ? undefined : saved.statusCommentId
  if (saved.settled && commentId === undefined) return
  const inputs = actionsInputs()
  const token = readToken(inputs)
  const githubToken = readGitHubToken(inputs)
  const redact = redactor([token, githubToken])
  let ending: Ending
  if (token === '') {
    core.warning(
      `The run of ${describe(saved)} may still be going, and the post step has no token to ${saved.settled ? 'read' : 'stop'} it with: look on the Netlify dashboard.`
    )
    ending = {
      outcome: undefined,
      said: `${ENDED_EARLY}; the ${describe(saved)} may still be running: look on the Netlify dashboard.`
    }
  } else {
    const client = new NetlifyClient({
      token,
      apiUrl: saved.apiUrl,
      timeoutMs: 10_000,
      maxAttempts: 3,
      onAttempt: e => debugRequest('Netlify', e)
    })
    try {
      ending = saved.settled
        ? await settledEnding(saved, client)
        : await stopUnsettled(saved, client, redact)
    } finally {
      client.close()
    }
  }
  if (commentId !== undefined && githubToken !== '') {
    await tellThread(saved, commentId, ending, githubToken, redact)
  }
}

/** The post step's entry: it never fails the job, so whatever goes wrong becomes a warning. */
export async function run(): Promise<void> {
  await cleanup().catch((err: unknown) =>
    core.warning(`Post step: ${err instanceof Error ? err.message : String(err)}`)
  )
}
