// The post step. It runs after main on success, failure and cancellation. If main started a
// session and never settled it (main was killed, or crashed), the session may still be spending
// credits: stop it, and say so on the status comment, which would otherwise read "working"
// forever. It warns about what it could not do, and never fails the job.
import { NetlifyClient } from './netlify/client.js'
import { isTerminalSessionState, normalizeState } from './netlify/states.js'
import { redactor, type Redact } from './redact.js'
import { actionsSource, readGitHubToken, readToken } from './settings.js'
import { readSavedRun, type SavedRun } from './state.js'
import * as core from './workflow-commands.js'

/** What became of the unsettled run, as a sentence for the status comment. */
async function stopUnsettled(saved: SavedRun, token: string, redact: Redact): Promise<string> {
  const { runnerId, sessionId } = saved
  const what = sessionId
    ? `session ${sessionId} of agent runner ${runnerId}`
    : `agent runner ${runnerId}`
  const ended = 'The workflow step ended before the run did (it was cancelled or crashed)'
  if (token === '') {
    core.warning(
      `The run of ${what} may still be going, and the post step has no token to stop it with: stop it on the Netlify dashboard.`
    )
    return `${ended}; the ${what} may still be running: stop it on the Netlify dashboard.`
  }
  const client = new NetlifyClient({
    token,
    apiUrl: saved.apiUrl,
    timeoutMs: 10_000,
    maxAttempts: 3
  })
  try {
    if (sessionId === '') {
      // Main stopped before it knew the session: stopping the runner stops its active session.
      await client.stopRunner(runnerId)
    } else {
      const session = await client.getSession(runnerId, sessionId)
      if (isTerminalSessionState(session.state)) {
        const state = normalizeState(session.state)
        core.info(`Session ${sessionId} is already ${state}; nothing to stop.`)
        return `${ended}; the session had already ended (${state}). Its result is on the Netlify dashboard.`
      }
      await client.stopSession(runnerId, sessionId)
    }
    core.warning(
      `The main step did not see ${what} finish (it was cancelled or crashed), so the post step stopped it to stop it spending credits.`
    )
    return `${ended}, so the ${what} was stopped.`
  } catch (err) {
    const message = redact(err instanceof Error ? err.message : String(err))
    core.warning(
      `Could not stop ${what}, which may still be running: ${message}. Stop it on the Netlify dashboard.`
    )
    return `${ended}, and the ${what} could not be stopped: stop it on the Netlify dashboard.`
  } finally {
    client.close()
  }
}

/** Rewrites the status comment with how the run ended. */
async function tellThread(
  saved: SavedRun,
  commentId: number,
  told: string,
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
      outcome: 'cancelled',
      runnerId: saved.runnerId,
      sessionId: saved.sessionId || undefined,
      workflowRunUrl: `${server}/${process.env.GITHUB_REPOSITORY ?? ''}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`,
      followUp: false,
      prompt: '',
      steps: [],
      failure: told
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
  if (!saved || saved.settled) return
  const source = actionsSource(process.env, secret => core.setSecret(secret))
  const token = readToken(source)
  const githubToken = readGitHubToken(source)
  const redact = redactor([token, githubToken])
  const told = await stopUnsettled(saved, token, redact)
  if (saved.statusCommentId !== undefined && githubToken !== '') {
    await tellThread(saved, saved.statusCommentId, told, githubToken, redact)
  }
}
