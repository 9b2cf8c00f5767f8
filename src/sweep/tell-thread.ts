// Telling a swept run's thread how it ended, as its own step would have: the status comment that
// step left (found by its marker, and only if it is the action's own) gets the last word, and the
// trigger's 👀 becomes the end's reaction. A courtesy, as everywhere: GitHub failing is a warning.
import type { Comment, GitHubClient } from '../github/client.js'
import { endOf } from '../github/run-observers.js'
import { markerKey, parseMarker, type MarkerSeal } from '../github/status-marker.js'
import { StatusReporter } from '../github/status-reporter.js'
import { TriggerReactions } from '../github/trigger-reactions.js'
import type { Redact } from '../redact.js'
import type { RunReport } from '../report/run-report.js'
import type { Settings } from '../settings/index.js'
import { untaggedPrompt } from '../run-tag.js'
import * as core from '@actions/core'
import type { OwnRun } from './own-runs.js'

export interface ThreadTeller {
  /**
   * Whether the run's status comment already says how it ended (the action's own comment, with a
   * marker for this session that owes nothing more): its step settled it.
   */
  finalWordWritten(run: OwnRun): Promise<boolean>
  /** Who stopped the run from its thread, as its status comment's marker says. */
  stoppedBy(run: OwnRun): Promise<string | undefined>
  tell(run: OwnRun, report: RunReport): Promise<void>
}

interface Found {
  comment: Comment | undefined
  seal: MarkerSeal
  comments: () => Promise<Comment[]>
}

export function threadTeller(
  github: GitHubClient,
  isOwn: (comment: Comment) => boolean,
  settings: Settings,
  redact: Redact,
  now: () => number
): ThreadTeller {
  const found = new Map<string, Promise<Found>>()
  const key = markerKey(settings.token)
  /** Each thread's comments, read once: several runs may report to one issue. */
  const threads = new Map<number, Promise<Comment[]>>()
  const commentsOf = (issueNumber: number): Promise<Comment[]> => {
    let read = threads.get(issueNumber)
    if (!read) threads.set(issueNumber, (read = github.issueComments(issueNumber)))
    return read
  }
  /** The run's status comment, looked for once per run. */
  const statusComment = (run: OwnRun, issueNumber: number): Promise<Found> => {
    const id = `${run.runner.id}/${run.session.id}`
    let look = found.get(id)
    if (!look) {
      const seal = { key, repository: settings.github.repository, issueNumber }
      const comments = () => commentsOf(issueNumber)
      look = comments().then(all => ({
        seal,
        comments,
        comment: all.find(c => {
          const ids = isOwn(c) ? parseMarker(c.body, seal) : undefined
          return ids?.runnerId === run.runner.id && ids.sessionId === run.session.id
        })
      }))
      found.set(id, look)
    }
    return look
  }
  const warn = (issueNumber: number, err: unknown): void =>
    core.warning(
      redact(`Could not tell #${issueNumber} how the run ended: ${(err as Error).message}.`)
    )

  return {
    async finalWordWritten(run) {
      const thread = run.tag.debt.thread
      if (!thread) return false
      try {
        const { comment, seal } = await statusComment(run, thread.issueNumber)
        const ids = comment ? parseMarker(comment.body, seal) : undefined
        return ids !== undefined && ids.owes === undefined
      } catch (err) {
        warn(thread.issueNumber, err)
        return false
      }
    },
    async stoppedBy(run) {
      const thread = run.tag.debt.thread
      if (!thread) return undefined
      try {
        const { comment, seal } = await statusComment(run, thread.issueNumber)
        return comment ? parseMarker(comment.body, seal)?.stoppedBy : undefined
      } catch (err) {
        warn(thread.issueNumber, err)
        return undefined
      }
    },
    async tell(run, report) {
      const thread = run.tag.debt.thread
      if (!thread) return
      const reactions = new TriggerReactions(github, thread.trigger)
      const comment = async (): Promise<void> => {
        if (!settings.github.statusComment) return
        const { comment: existing, seal, comments } = await statusComment(run, thread.issueNumber)
        // A step that wrote no status comment (`status-comment: false`) gets none from the sweep.
        if (!existing) return
        const reporter = new StatusReporter({
          github,
          issueNumber: thread.issueNumber,
          workflowRunUrl: settings.github.workflowRunUrl,
          prompt: untaggedPrompt(run.session.prompt ?? ''),
          followUp: run.followUp,
          redact,
          now,
          isOwn,
          comments,
          seal
        })
        reporter.adopt({
          runnerId: run.runner.id,
          session: run.session,
          runnerUrl: report.runnerUrl
        })
        await reporter.finished(report)
      }
      await Promise.all([
        comment().catch((err: unknown) => warn(thread.issueNumber, err)),
        reactions.end(endOf(report))
      ])
    }
  }
}
