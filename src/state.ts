// The only module that touches the step's saved state: what the main step started, so that the
// post step can find it, and stop it if main never settled its fate (main was killed or crashed),
// and the trigger's 👀, so that it can still be told how the run ended.
import * as core from '@actions/core'
import type { TextSource } from './github/event.js'

enum StateKey {
  RunnerId = 'agent-runner-id',
  SessionId = 'session-id',
  ApiUrl = 'api-url',
  Settled = 'settled',
  StatusCommentId = 'status-comment-id',
  StatusCommentAuthor = 'status-comment-author',
  StatusRunnerUrl = 'status-runner-url',
  StatusCommentFinal = 'status-comment-final',
  ReactionTarget = 'reaction-target',
  ReactionEyes = 'reaction-eyes',
  ReactionFinal = 'reaction-final'
}

export interface SavedRun {
  runnerId: string
  /** '' when main was stopped between creating the runner and reading its session. */
  sessionId: string
  apiUrl: string
  /** Whether main settled the session: saw it end, stopped it, or left it running on purpose. */
  settled: boolean
  /** The status comment on the issue or pull request, if main wrote one. */
  statusCommentId: number | undefined
  /** Who GitHub says wrote it: the token's own login, which GitHub names nowhere else for a bot. */
  statusCommentAuthor: string
  /** The runner's dashboard page, for the status comment. */
  statusRunnerUrl: string
  /** Whether main wrote the comment's last word (the run's end); if not, post writes it. */
  statusCommentFinal: boolean
}

/** The runner exists (and may be spending credits) from here on. */
export function saveStartedRunner(run: { runnerId: string; apiUrl: string }): void {
  core.saveState(StateKey.RunnerId, run.runnerId)
  core.saveState(StateKey.ApiUrl, run.apiUrl)
  core.saveState(StateKey.Settled, 'false')
}

export function saveStartedSession(sessionId: string): void {
  core.saveState(StateKey.SessionId, sessionId)
}

export function saveRunSettled(): void {
  core.saveState(StateKey.Settled, 'true')
}

/** The status comment exists: the post step can still tell its readers how the run ended. */
export function saveStatusComment(
  commentId: number,
  runnerUrl: string | undefined,
  author: string
): void {
  core.saveState(StateKey.StatusCommentId, String(commentId))
  core.saveState(StateKey.StatusCommentAuthor, author)
  core.saveState(StateKey.StatusRunnerUrl, runnerUrl ?? '')
}

/** The status comment says how the run ended: the post step leaves it alone. */
export function saveStatusCommentFinal(): void {
  core.saveState(StateKey.StatusCommentFinal, 'true')
}

export function readSavedRun(): SavedRun | undefined {
  const runnerId = core.getState(StateKey.RunnerId)
  if (runnerId === '') return undefined
  return {
    runnerId,
    sessionId: core.getState(StateKey.SessionId),
    apiUrl: core.getState(StateKey.ApiUrl),
    settled: core.getState(StateKey.Settled) === 'true',
    statusCommentId: Number(core.getState(StateKey.StatusCommentId)) || undefined,
    statusCommentAuthor: core.getState(StateKey.StatusCommentAuthor),
    statusRunnerUrl: core.getState(StateKey.StatusRunnerUrl),
    statusCommentFinal: core.getState(StateKey.StatusCommentFinal) === 'true'
  }
}

/** The trigger's 👀, for the post step to replace with how the run ended if main could not. */
export interface SavedReaction {
  target: TextSource
  /** The 👀's id, when GitHub gave it. */
  eyesId: number | undefined
  /** Whether main set the end reaction; if not, post does. */
  final: boolean
}

export function saveReaction(target: TextSource, eyesId: number | undefined): void {
  const where = target.kind === 'issue' ? target.number : target.id
  core.saveState(StateKey.ReactionTarget, `${target.kind}:${where}`)
  core.saveState(StateKey.ReactionEyes, eyesId === undefined ? '' : String(eyesId))
}

export function saveReactionFinal(): void {
  core.saveState(StateKey.ReactionFinal, 'true')
}

export function readSavedReaction(): SavedReaction | undefined {
  const match = /^(issue|issue-comment|review-comment):([1-9][0-9]{0,15})$/.exec(
    core.getState(StateKey.ReactionTarget)
  )
  if (!match?.[1] || !match[2]) return undefined
  const where = Number(match[2])
  const target: TextSource =
    match[1] === 'issue'
      ? { kind: 'issue', number: where }
      : { kind: match[1] as 'issue-comment' | 'review-comment', id: where }
  return {
    target,
    eyesId: Number(core.getState(StateKey.ReactionEyes)) || undefined,
    final: core.getState(StateKey.ReactionFinal) === 'true'
  }
}
