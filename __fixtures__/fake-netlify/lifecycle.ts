// Where a session, pull request or commit stands at a given moment, computed from its record
// and captured scenario: NEW for the first tenth of sessionMs, RUNNING with steps appearing
// evenly, then the scenario's final state.
import type { SessionState } from '../../src/netlify/types.js'
import type { CommitRecord, PullRequestRecord, SessionRecord } from './records.js'

const NEW_FRACTION = 0.1
const STATES: readonly SessionState[] = ['NEW', 'RUNNING', 'ERROR', 'DONE', 'CANCELLED']
const FINAL_STATES: Record<SessionRecord['scenario']['finalState'], SessionState> = {
  done: 'DONE',
  error: 'ERROR',
  cancelled: 'CANCELLED'
}

export interface SessionPhase {
  state: SessionState
  /** When it reached a terminal state, or null while active. */
  doneAt: number | null
  runningAt: number
  visibleSteps: number
  updatedAt: number
}

export function isActive(state: SessionState): boolean {
  return state === 'NEW' || state === 'RUNNING'
}

export function sessionPhase(session: SessionRecord, now: number): SessionPhase {
  const { sessionMs, steps } = session.scenario
  const runningAt = session.createdAt + Math.round(sessionMs * NEW_FRACTION)
  const endsAt = session.createdAt + sessionMs
  const patched = patchedState(session)

  let state: SessionState
  let doneAt: number | null = null
  if (patched) {
    state = patched
    if (!isActive(state)) doneAt = session.patchedAt
  } else if (session.cancelledAt !== null) {
    state = 'CANCELLED'
    doneAt = session.cancelledAt
  } else if (now >= endsAt) {
    state = FINAL_STATES[session.scenario.finalState]
    doneAt = endsAt
  } else {
    state = now >= runningAt ? 'RUNNING' : 'NEW'
  }

  const seenUntil = Math.min(now, doneAt ?? now)
  const stepTimes = Array.from(
    { length: steps },
    (_, k) => runningAt + (k * (endsAt - runningAt)) / steps
  )
  const shown = stepTimes.filter(at => at <= seenUntil && seenUntil >= runningAt)
  const events = [session.createdAt, ...shown, doneAt ?? 0, session.patchedAt ?? 0]
  if (seenUntil >= runningAt) events.push(runningAt)
  return {
    state,
    doneAt,
    runningAt,
    visibleSteps: shown.length,
    updatedAt: Math.max(...events)
  }
}

function patchedState(session: SessionRecord): SessionState | null {
  const wanted = session.patch.state?.toUpperCase()
  return STATES.find(state => state === wanted) ?? null
}

export interface PullRequestPhase {
  beingCreated: boolean
  /** The PR as the API shows it; while an update is in flight the existing PR stays visible. */
  open: { number: number; url: string; branch: string } | null
  error: string | null
  updatedAt: number
}

/** The runner's PR as of `now`, given every pull_request request made on it, oldest first. */
export function pullRequestPhase(requests: PullRequestRecord[], now: number): PullRequestPhase {
  const settled = requests.filter(pr => now >= pr.requestedAt + pr.ms)
  const opened = settled.filter(pr => pr.error === null).at(-1)
  const latest = requests.at(-1)
  const beingCreated = latest !== undefined && now < latest.requestedAt + latest.ms
  const latestSettled = settled.at(-1)
  return {
    beingCreated,
    open: opened ? { number: opened.number, url: opened.url, branch: opened.branch } : null,
    error: beingCreated ? null : (latestSettled?.error ?? null),
    updatedAt: Math.max(0, ...requests.map(pr => Math.min(now, pr.requestedAt + pr.ms)))
  }
}

export interface CommitPhase {
  beingCreated: boolean
  sha: string | null
  error: string | null
  updatedAt: number
}

/** The runner's merge commit as of `now`; only the latest commit request counts. */
export function commitPhase(commits: CommitRecord[], now: number): CommitPhase {
  const commit = commits.at(-1)
  if (!commit) return { beingCreated: false, sha: null, error: null, updatedAt: 0 }
  const settlesAt = commit.requestedAt + commit.ms
  if (now < settlesAt) {
    return { beingCreated: true, sha: null, error: null, updatedAt: commit.requestedAt }
  }
  return commit.error === null
    ? { beingCreated: false, sha: commit.sha, error: null, updatedAt: settlesAt }
    : { beingCreated: false, sha: null, error: commit.error, updatedAt: settlesAt }
}
