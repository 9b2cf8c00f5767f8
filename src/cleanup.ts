// The post step. It runs after main on success, failure and cancellation. If main started a
// session and never settled it (main was killed, or crashed), the session may still be spending
// credits: stop it, and say so on the status comment, which would otherwise read "working"
// forever, and on the trigger, whose 👀 would otherwise promise work forever. It warns about what
// it could not do, and never fails the job.
import type { Comment } from './github/client.js'
import { markerKey, parseMarker, type MarkerSeal } from './github/status-marker.js'
import { NetlifyClient } from './netlify/client.js'
import { isTerminalSessionState, normalizeState } from './netlify/lifecycle.js'
import { outcomeOf } from './report/run-report.js'
import { redactor, type Redact } from './redact.js'
import { actionsInputs, readGitHubToken, readToken } from './settings/index.js'
import { readSavedReaction, readSavedRun, type SavedReaction, type SavedRun } from './state.js'
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

/**
 * Why the comment the state names is not this step's to rewrite, if it is not: the state may be
 * wrong (a forged save-state), and the token may edit anyone's comment. It must be by the action's
 * own identity, and carry a marker made for its thread that names this step's runner.
 */
function whyNotOurs(
  comment: Comment,
  identity: string | undefined,
  saved: SavedRun,
  seal: MarkerSeal | undefined
): string | undefined {
  if (!identity) {
    return "GitHub does not name the token's user, and the main step recorded no comment of its own"
  }
  if (comment.authorLogin.toLowerCase() !== identity.toLowerCase()) {
    return `it was written by ${comment.authorLogin || 'someone GitHub does not name'}, not by ${identity}, as whom this action writes`
  }
  if (!seal) return 'without the Netlify token, its marker cannot be checked'
  const ids = parseMarker(comment.body, seal)
  if (!ids) return 'it carries no status marker that this action made for its thread'
  if (ids.runnerId !== saved.runnerId) {
    return `its marker names agent runner ${ids.runnerId}, not ${saved.runnerId}`
  }
  if (saved.sessionId !== '' && ids.sessionId !== saved.sessionId) {
    return `its marker names session ${ids.sessionId ?? '(none)'}, not ${saved.sessionId}`
  }
  return undefined
}

/** Rewrites the status comment with how the run ended, once it has read it and found it ours. */
async function tellThread(
  saved: SavedRun,
  commentId: number,
  ending: Ending,
  tokens: { netlify: string; github: string },
  redact: Redact
): Promise<void> {
  try {
    const [{ createGitHubClient }, { renderStatusComment }] = await Promise.all([
      import('./github/client.js'),
      import('./github/status-comment.js')
    ])
    const repository = process.env.GITHUB_REPOSITORY ?? ''
    const github = await createGitHubClient(tokens.github, repository)
    const [comment, login] = await Promise.all([github.comment(commentId), github.identity()])
    // A personal token's user, as GitHub names it; for an installation token's bot, whom GitHub
    // does not name, the author of the comment main created.
    const identity = login ?? (saved.statusCommentAuthor || undefined)
    const seal = tokens.netlify
      ? { key: markerKey(tokens.netlify), repository, issueNumber: comment.issueNumber }
      : undefined
    const refusal = whyNotOurs(comment, identity, saved, seal)
    if (refusal) {
      core.warning(
        `The post step left comment ${commentId} alone rather than write how the run ended: ${refusal}.`
      )
      return
    }
    const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
    // A delivery main did not live to make is still owed: the marker keeps saying so, for a sweep.
    const owed = seal ? parseMarker(comment.body, seal)?.owes : undefined
    const stillOwes = ending.outcome === 'success' && owed !== 'report' ? owed : undefined
    const body = renderStatusComment({
      phase: 'finished',
      outcome: ending.outcome,
      runnerId: saved.runnerId,
      sessionId: saved.sessionId || undefined,
      runnerUrl: saved.statusRunnerUrl || undefined,
      workflowRunUrl: `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID ?? ''}`,
      followUp: false,
      prompt: '',
      steps: [],
      failure: stillOwes
        ? `${ending.said} If a \`command: sweep\` workflow runs, it delivers the changes and writes the end here.`
        : ending.said,
      seal,
      ...(stillOwes ? { stillOwes } : {})
    })
    await github.updateComment(commentId, redact(body))
  } catch (err) {
    core.warning(
      redact(`Could not update the status comment: ${err instanceof Error ? err.message : err}`)
    )
  }
}

/** The trigger's end in place of its 👀, when main did not live to set it. */
async function tellTrigger(
  reaction: SavedReaction,
  outcome: Ending['outcome'],
  githubToken: string,
  redact: Redact
): Promise<void> {
  try {
    const [{ createGitHubClient }, { TriggerReactions }] = await Promise.all([
      import('./github/client.js'),
      import('./github/trigger-reactions.js')
    ])
    const github = await createGitHubClient(githubToken, process.env.GITHUB_REPOSITORY ?? '')
    // The state's 👀 id is not taken on trust: only the action's own 👀 are found and taken back.
    await new TriggerReactions(github, reaction.target).end(
      outcome === 'success' ? 'success' : 'failure'
    )
  } catch (err) {
    core.warning(
      redact(`Could not react to the trigger: ${err instanceof Error ? err.message : err}`)
    )
  }
}

export async function cleanup(): Promise<void> {
  const saved = readSavedRun()
  const saying = readSavedReaction()
  const reaction = saying && !saying.final ? saying : undefined
  // Main may have settled the session and still been killed before the comment's last word.
  const commentId = saved && !saved.statusCommentFinal ? saved.statusCommentId : undefined
  const runToSettle = saved && !saved.settled
  if (!runToSettle && commentId === undefined && !reaction) return
  const inputs = actionsInputs()
  const token = readToken(inputs)
  const githubToken = readGitHubToken(inputs)
  const redact = redactor([token, githubToken])
  let ending: Ending = { outcome: undefined, said: ENDED_EARLY }
  if (saved && token === '') {
    core.warning(
      `The run of ${describe(saved)} may still be going, and the post step has no token to ${saved.settled ? 'read' : 'stop'} it with: look on the Netlify dashboard.`
    )
    ending = {
      outcome: undefined,
      said: `${ENDED_EARLY}; the ${describe(saved)} may still be running: look on the Netlify dashboard.`
    }
  } else if (saved) {
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
  if (githubToken === '') return
  if (saved && commentId !== undefined) {
    await tellThread(saved, commentId, ending, { netlify: token, github: githubToken }, redact)
  }
  if (reaction) await tellTrigger(reaction, ending.outcome, githubToken, redact)
}

/** The post step's entry: it never fails the job, so whatever goes wrong becomes a warning. */
export async function run(): Promise<void> {
  await cleanup().catch((err: unknown) =>
    core.warning(`Post step: ${err instanceof Error ? err.message : String(err)}`)
  )
}
