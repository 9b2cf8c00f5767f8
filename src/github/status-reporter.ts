// The live status comment on the issue or pull request that started the run: posted when the
// session exists, updated as steps appear (at most every 30 s), rewritten with the outcome at the
// end. It is a courtesy: a GitHub failure here is a warning, never the run's failure.
import { isTerminalSessionState } from '../netlify/lifecycle.js'
import type { AgentRunnerSession } from '../netlify/types.js'
import type { Redact } from '../redact.js'
import type { RunReport } from '../report/run-report.js'
import { saveStatusComment, saveStatusCommentFinal } from '../state.js'
import * as core from '@actions/core'
import type { Comment, GitHubClient } from './client.js'
import { renderStatusComment, type StatusView } from './status-comment.js'
import { parseMarker, type MarkerSeal, type Owed } from './status-marker.js'

/** GitHub is asked to update the comment at most this often while the agent works. */
export const UPDATE_EVERY_MS = 30_000

/** What a run tells whoever watches it. */
export interface RunObserver {
  started(run: { runnerId: string; session: AgentRunnerSession; runnerUrl: string }): Promise<void>
  /** Called on every status check; cheap, and never waits for GitHub. */
  progress(session: AgentRunnerSession): void
  finished(report: RunReport): Promise<void>
  /** The run failed, or was cancelled, before it had a report (it may not even have started). */
  failed(message: string, outcome: 'failure' | 'cancelled'): Promise<void>
  /**
   * Who stopped the session from the thread, if someone did: asked once the session has ended
   * cancelled, before the report.
   */
  stoppedBy?(): Promise<string | undefined>
  /**
   * The step does not wait (a detached run): the thread reads "working" until a sweep writes the
   * end, and the post step must leave it so.
   */
  handOver(): Promise<void>
}

export interface StatusThread {
  github: GitHubClient
  issueNumber: number
  workflowRunUrl: string
  /** The prompt as the user knows it (without the step's tag). */
  prompt: string
  followUp: boolean
  redact: Redact
  now: () => number
  /** Whether a comment is this action's own (./client.ts ownCommentTest). */
  isOwn: (comment: Comment) => boolean
  /** The thread's comments as they were before the run (read at most once). */
  comments: () => Promise<Comment[]>
  /** What the comment's marker is made for, and checked against. */
  seal: MarkerSeal
  /** What the run owes the thread until its last word, in the working comment's marker. */
  owes?: Owed
  /** The step does not wait: the working comment says a sweep writes the end. */
  detached?: boolean
}

type StatusOutcome = NonNullable<StatusView['outcome']>
const SHOWN_OUTCOMES: StatusOutcome[] = ['success', 'failure', 'cancelled', 'timed-out', 'started']

export class StatusReporter implements RunObserver {
  private commentId: number | undefined
  private lastUpdate = 0
  private lastSteps = 0
  /** GitHub requests go one at a time, in order. */
  private queue: Promise<void> = Promise.resolve()
  private view: StatusView

  constructor(private readonly thread: StatusThread) {
    this.view = {
      phase: 'working',
      workflowRunUrl: thread.workflowRunUrl,
      followUp: thread.followUp,
      prompt: thread.prompt,
      steps: [],
      seal: thread.seal,
      ...(thread.owes ? { owes: thread.owes } : {}),
      ...(thread.detached ? { detached: true } : {})
    }
  }

  async started(run: {
    runnerId: string
    session: AgentRunnerSession
    runnerUrl: string
  }): Promise<void> {
    this.adopt(run)
    await this.publish()
  }

  /**
   * Takes up a run without writing: a sweep, which writes only the end, on the comment the
   * run's own step left.
   */
  adopt(run: { runnerId: string; session: AgentRunnerSession; runnerUrl: string }): void {
    const { session } = run
    this.view = {
      ...this.view,
      runnerId: run.runnerId,
      sessionId: session.id,
      runnerUrl: run.runnerUrl,
      agent: session.agent_config?.agent ?? undefined,
      model: session.agent_config?.model ?? undefined,
      steps: session.steps ?? []
    }
    this.lastSteps = this.view.steps.length
  }

  progress(session: AgentRunnerSession): void {
    // The end is written next; a last "working" now could only overwrite a stopper's note.
    if (isTerminalSessionState(session.state)) return
    const steps = session.steps ?? []
    if (steps.length === this.lastSteps) return
    if (this.thread.now() - this.lastUpdate < UPDATE_EVERY_MS) return
    this.lastSteps = steps.length
    this.view = { ...this.view, steps }
    void this.publish()
  }

  async finished(report: RunReport): Promise<void> {
    const { session, delivery, diff } = report
    this.view = {
      ...this.view,
      phase: 'finished',
      outcome: SHOWN_OUTCOMES.includes(report.outcome as StatusOutcome)
        ? (report.outcome as StatusOutcome)
        : undefined,
      sessionId: session.id,
      steps: session.steps ?? this.view.steps,
      result: session.result,
      deployUrl: session.deploy_url,
      pullRequest:
        delivery?.kind === 'pull-request'
          ? { url: delivery.url, number: delivery.number, operation: delivery.operation }
          : undefined,
      commit:
        delivery?.kind === 'commit' ? { sha: delivery.sha, branch: delivery.branch } : undefined,
      noChanges: report.outcome === 'success' && (diff?.stat.files.length ?? 0) === 0,
      diffstat: diff && diff.stat.files.length > 0 ? diff.stat : undefined,
      failure: report.failure,
      protectedFiles: report.protectedFiles,
      ...(report.stoppedBy ? { stoppedBy: report.stoppedBy } : {})
    }
    await this.publish()
  }

  /**
   * A stop asked for in the thread marks this comment before the session is stopped (its marker
   * names who asked: ./thread-stop.ts): read it back, once, and keep it for the last word.
   */
  async stoppedBy(): Promise<string | undefined> {
    await this.queue
    const { runnerId, sessionId } = this.view
    if (this.commentId === undefined) return undefined
    try {
      const comment = await this.thread.github.comment(this.commentId)
      const ids = this.thread.isOwn(comment)
        ? parseMarker(comment.body, this.thread.seal)
        : undefined
      if (!ids || ids.runnerId !== runnerId || ids.sessionId !== sessionId) return undefined
      this.view = { ...this.view, stoppedBy: ids.stoppedBy }
      return ids.stoppedBy
    } catch (err) {
      core.warning(
        this.thread.redact(
          `Could not read the status comment on #${this.thread.issueNumber} back to see who stopped the session: ${(err as Error).message}.`
        )
      )
      return undefined
    }
  }

  async handOver(): Promise<void> {
    await this.queue
    // "Working" is this comment's word until the sweep's: the post step must not write over it.
    if (this.commentId !== undefined) saveStatusCommentFinal()
  }

  async failed(message: string, outcome: 'failure' | 'cancelled'): Promise<void> {
    this.view = { ...this.view, phase: 'finished', outcome, failure: message }
    await this.publish()
  }

  /**
   * Writes the view: the first time as a new comment (or the one this same run left before). Its
   * id and author go to state at once, and whether it is final once written, so that the post
   * step can finish a comment that main was killed before finishing, and knows it for its own.
   */
  private publish(): Promise<void> {
    this.lastUpdate = this.thread.now()
    const body = this.thread.redact(renderStatusComment(this.view))
    const final = this.view.phase === 'finished'
    this.queue = this.queue.then(async () => {
      try {
        const save = (comment: Comment): void => {
          this.commentId = comment.id
          saveStatusComment(comment.id, this.view.runnerUrl, comment.authorLogin)
        }
        if (this.commentId === undefined) {
          const earlier = await this.earlierComment()
          if (earlier) save(earlier)
        }
        if (this.commentId === undefined) {
          save(await this.thread.github.createComment(this.thread.issueNumber, body))
        } else {
          await this.thread.github.updateComment(this.commentId, body)
        }
        if (final) saveStatusCommentFinal()
      } catch (err) {
        core.warning(
          this.thread.redact(
            `Could not write the status comment on #${this.thread.issueNumber}: ${(err as Error).message}. The run goes on; grant the job \`issues: write\` and \`pull-requests: write\`.`
          )
        )
      }
    })
    return this.queue
  }

  /**
   * A status comment this step already wrote for the same session (a re-run of the same job
   * adopts the run it started): it is updated rather than duplicated.
   */
  private async earlierComment(): Promise<Comment | undefined> {
    const { runnerId, sessionId } = this.view
    if (runnerId === undefined) return undefined
    return (await this.thread.comments()).find(c => {
      const ids = this.thread.isOwn(c) ? parseMarker(c.body, this.thread.seal) : undefined
      return ids?.runnerId === runnerId && ids.sessionId === sessionId
    })
  }
}
