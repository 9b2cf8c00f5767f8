// Waiting for a session to end. The cadence is one pure function (pollDelayMs); the loop takes its
// client, clock and sleep as parameters so that tests and the benchmark drive it without waiting.
import { setTimeout as delay } from 'node:timers/promises'
import type { NetlifyClient } from './netlify/client.js'
import { paceDelayMs, type PaceView } from './netlify/rate-pacing.js'
import { isTerminalSessionState } from './netlify/lifecycle.js'
import type { AgentRunnerSession, SessionStep } from './netlify/types.js'

/** Never poll more often than this: the first checks, while a run is young. */
export const MIN_POLL_MS = 2_000
/** The pause grows with the run's age by this fraction, so noticing the end lags by at most ~10%. */
export const POLL_GROWTH = 0.1

/**
 * The pause before the next status check, given how long the session has run: quick at first,
 * then a tenth of its age, never longer than `maxMs` (the `poll-interval` input).
 * For a 10-minute session that is about 55 checks; for 30 minutes, about 115.
 */
export function pollDelayMs(elapsedMs: number, maxMs: number): number {
  const grown = Math.max(MIN_POLL_MS, Math.floor(elapsedMs * POLL_GROWTH))
  return Math.max(MIN_POLL_MS, Math.min(maxMs, grown))
}

/**
 * What the schedule means for a session of `lengthMs`: the status checks made (the first at once)
 * and how long after the end the check that notices it comes. For tests and the benchmark.
 */
export function simulateSchedule(
  lengthMs: number,
  maxMs: number
): { polls: number; lagMs: number } {
  let t = 0
  let polls = 0
  for (;;) {
    polls++
    if (t >= lengthMs) return { polls, lagMs: t - lengthMs }
    t += pollDelayMs(t, maxMs)
  }
}

/** Steps not yet shown: sessions only append steps, so what lies past the count already shown. */
export function newSteps(
  steps: readonly SessionStep[] | null | undefined,
  shown: number
): SessionStep[] {
  return (steps ?? []).slice(shown)
}

export interface WaitOptions {
  client: Pick<NetlifyClient, 'getSession'>
  runnerId: string
  sessionId: string
  /** Epoch ms at which waiting gives up. */
  deadline: number
  maxIntervalMs: number
  /** Called once per new step, in order, as steps appear. */
  onStep: (step: SessionStep, index: number) => void
  /**
   * What Netlify's rate-limit headers said last, and how many runs share them: the pause
   * stretches so that those runs spread what is left of the window (./netlify/rate-pacing.ts).
   */
  pacing?: () => Readonly<PaceView> | undefined
  /**
   * The session as read a moment ago (the start's own answer): the first check, made without
   * asking again.
   */
  initial?: AgentRunnerSession
  /** Called after each status check. */
  onPoll?: (session: AgentRunnerSession) => void
  /** Told each pause before the next check, and why it is that long (step debug). */
  onPause?: (ms: number, why: string) => void
  /** Aborted when the workflow is cancelled: the wait ends at once, with the signal's reason. */
  signal?: AbortSignal
  now?: () => number
  /** Must end early (rejecting) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export type WaitResult =
  | { kind: 'finished'; session: AgentRunnerSession; polls: number }
  | { kind: 'timed-out'; session: AgentRunnerSession; polls: number }

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** Why the next check waits as long as it does, in words. */
export function pauseReason(
  ageMs: number,
  scheduledMs: number,
  pacedMs: number,
  nextMs: number,
  maxMs: number,
  pace: Readonly<PaceView> | undefined
): string {
  if (nextMs < pacedMs) return 'the deadline of timeout-minutes comes first'
  if (pacedMs > scheduledMs) {
    const sharing =
      pace && pace.sharers >= 1.5 ? `, shared by about ${Math.round(pace.sharers)} runs` : ''
    return `the rate limit runs low (${pace?.remaining ?? '?'} of ${pace?.limit ?? '?'} requests left until the reset${sharing}), so checks slow down from ${seconds(scheduledMs)}`
  }
  if (scheduledMs === maxMs && maxMs > MIN_POLL_MS) return `poll-interval caps the pause`
  if (scheduledMs === MIN_POLL_MS)
    return `the session is young (${seconds(ageMs)}): the shortest pause`
  return `a tenth of the session's age (${seconds(ageMs)})`
}

/** Polls until the session reaches done, error or cancelled, or the deadline passes. */
export async function waitForSession(options: WaitOptions): Promise<WaitResult> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }))
  const started = now()
  let shown = 0
  let polls = 0
  let initial = options.initial
  for (;;) {
    options.signal?.throwIfAborted()
    const session =
      initial ?? (await options.client.getSession(options.runnerId, options.sessionId))
    initial = undefined
    polls++
    // Steps first: a session's last steps arrive with its final state, and the log should read in order.
    for (const step of newSteps(session.steps, shown)) options.onStep(step, shown++)
    options.onPoll?.(session)
    if (isTerminalSessionState(session.state)) return { kind: 'finished', session, polls }
    const remaining = options.deadline - now()
    if (remaining <= 0) return { kind: 'timed-out', session, polls }
    const age = now() - started
    const pause = pollDelayMs(age, options.maxIntervalMs)
    const pace = options.pacing?.()
    const paced = Math.max(pause, paceDelayMs(pace, now()))
    const next = Math.min(remaining, paced)
    options.onPause?.(next, pauseReason(age, pause, paced, next, options.maxIntervalMs, pace))
    await sleep(next, options.signal)
  }
}
