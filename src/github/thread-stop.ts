// `@netlify stop` on an issue or pull request: stop what the thread's runner is doing, and say so.
// The runner is found as a follow-up finds it (./trigger.ts). The status comment of the session
// gets one writer at a time: this step only marks it "stop requested by `login`" (its marker then
// names who asked) before the stop is sent; the step waiting on the session reads that back when
// the session ends, and writes the last word, that it was stopped and by whom. Nothing starts.
import * as core from '@actions/core'
import type { CommandDeps, CommandResult } from '../commands/context.js'
import { latestSession } from '../commands/status.js'
import { confirmStopped, STOP_CONFIRM_MS } from '../follow-session.js'
import { isTerminalSessionState, normalizeState } from '../netlify/lifecycle.js'
import type { Site } from '../netlify/types.js'
import { setOutcome, setTargetOutputs } from '../report/outputs.js'
import { runnerUrl } from '../report/run-report.js'
import { codeCell, plainLine } from '../markdown/literal.js'
import { publishSummary, renderCommandSummary } from '../report/summary.js'
import type { Settings } from '../settings/index.js'
import type { Comment, GitHubClient } from './client.js'
import { parseMarker, type MarkerSeal } from './status-marker.js'
import { renderStopReply, stopSentence, withStopRequest, type StopAnswer } from './stop-note.js'
import type { TriggerReactions } from './trigger-reactions.js'

export interface ThreadStop {
  settings: Settings
  github: GitHubClient
  /** Who asked, allowed to (./permissions.ts). */
  login: string
  issueNumber: number
  /** The thread's runner, as a follow-up would find it, and the site. */
  runner: () => Promise<{ runnerId: string | undefined; site: Site; byBranch: boolean }>
  /** The thread's comments (read at most once). */
  comments: () => Promise<Comment[]>
  isOwn: (comment: Comment) => boolean
  seal: MarkerSeal
  reactions: TriggerReactions
}

/** A status comment marked "stop requested": what it read before, and after. */
interface Marked {
  id: number
  before: string
  after: string
}

type Done = Exclude<StopAnswer, { kind: 'failed' }>

export async function stopFromThread(stop: ThreadStop, deps: CommandDeps): Promise<CommandResult> {
  const { settings, login } = stop
  let answer: Done
  let target: { runnerId: string; url: string } | undefined
  core.startGroup(`Stopping the agent's work on #${stop.issueNumber}, as ${login} asked`)
  try {
    const { runnerId, site, byBranch } = await stop.runner()
    if (runnerId === undefined) {
      answer = { kind: 'no-runner', byBranch }
    } else {
      target = { runnerId, url: runnerUrl(site.name, runnerId) }
      answer = await stopRunnerOf(stop, runnerId, deps)
    }
  } catch (err) {
    if (target) await tell(stop, { kind: 'failed', runnerId: target.runnerId }, target.url, deps)
    await stop.reactions.end('failure')
    throw err
  } finally {
    core.endGroup()
  }

  const said = stopSentence(answer, login)
  core.info(said)
  const ids =
    answer.kind === 'no-runner'
      ? undefined
      : { runnerId: answer.runnerId, sessionId: answer.sessionId, state: answer.state }
  if (ids && target) setTargetOutputs({ ...ids, runnerUrl: target.url })
  setOutcome('success')
  await tell(stop, answer, target?.url, deps)
  if (settings.jobSummary) {
    await publishSummary([
      renderCommandSummary({
        heading:
          answer.kind === 'stopped' ? '⏹️ Netlify agent session stopped' : '⏹️ Nothing to stop',
        links: target ? [`[Open in Netlify](${target.url})`] : [],
        rows: ids
          ? [
              ['Agent runner', codeCell(ids.runnerId)],
              ['Session', codeCell(ids.sessionId)],
              ['State', plainLine(ids.state)]
            ]
          : [],
        body: `${said}\n`
      })
    ])
  }
  await stop.reactions.end('stopped')
  return { outcome: 'success', failure: undefined }
}

/** Stops the runner's session, if it has one at work: the status comment is marked first. */
async function stopRunnerOf(stop: ThreadStop, runnerId: string, deps: CommandDeps): Promise<Done> {
  const { client } = deps
  const session = await latestSession(client, runnerId)
  if (isTerminalSessionState(session.state)) {
    const state = normalizeState(session.state)
    return { kind: 'nothing-running', runnerId, sessionId: session.id, state }
  }
  const marked = await markStopRequested(stop, runnerId, session.id, deps)
  try {
    // Stopping the runner stops whatever session it has at work, even one begun since the read.
    core.info(`Stopping agent runner ${runnerId} (session ${session.id} is at work)…`)
    await client.stopRunner(runnerId)
  } catch (err) {
    if (marked) await unmark(stop, marked)
    throw err
  }
  const stopped = await confirmStopped(client, runnerId, session, deps, STOP_CONFIRM_MS)
  const state = normalizeState(stopped.state)
  const confirmed = isTerminalSessionState(stopped.state)
  return { kind: 'stopped', runnerId, sessionId: session.id, state, confirmed }
}

/** The status comment of this session, marked "stop requested by `login`", if there is one. */
async function markStopRequested(
  stop: ThreadStop,
  runnerId: string,
  sessionId: string,
  deps: CommandDeps
): Promise<Marked | undefined> {
  if (!stop.settings.github.statusComment) return undefined
  try {
    const found = [...(await stop.comments())]
      .reverse()
      .map(c => ({ comment: c, ids: stop.isOwn(c) ? parseMarker(c.body, stop.seal) : undefined }))
      .find(({ ids }) => ids?.runnerId === runnerId && ids.sessionId === sessionId)
    if (!found) return undefined
    const { comment } = found
    // Still owing: the step (or sweep) that writes the end is yet to come.
    const owes = found.ids?.owes
    const ids = { runnerId, sessionId, stoppedBy: stop.login, ...(owes ? { owes } : {}) }
    const after = deps.redact(withStopRequest(comment.body, ids, stop.seal))
    await stop.github.updateComment(comment.id, after)
    return { id: comment.id, before: comment.body, after }
  } catch (err) {
    core.warning(
      deps.redact(
        `Could not mark the status comment on #${stop.issueNumber} "stop requested": ${(err as Error).message}. The step waiting on the session will take the stop for a cancellation.`
      )
    )
    return undefined
  }
}

/** The stop did not go through: the status comment reads as it did, unless written since. */
async function unmark(stop: ThreadStop, marked: Marked): Promise<void> {
  try {
    const now = await stop.github.comment(marked.id)
    if (now.body === marked.after) await stop.github.updateComment(marked.id, marked.before)
  } catch (err) {
    core.warning(
      `Could not take the "stop requested" note back off comment ${marked.id}: ${(err as Error).message}.`
    )
  }
}

/** The reply on the thread, when the action comments there. */
async function tell(
  stop: ThreadStop,
  answer: StopAnswer,
  runnerUrl: string | undefined,
  deps: CommandDeps
): Promise<void> {
  const { github: gh } = stop.settings
  if (!gh.statusComment) return
  const body = renderStopReply(answer, stop.login, { runnerUrl, workflowRunUrl: gh.workflowRunUrl })
  await stop.github
    .createComment(stop.issueNumber, deps.redact(body))
    .catch((err: Error) =>
      core.warning(deps.redact(`Could not reply on #${stop.issueNumber}: ${err.message}`))
    )
}
