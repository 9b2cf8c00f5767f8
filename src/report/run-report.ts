// What a finished (or started) step knows, in one shape that outputs and the summary both read.
import { normalizeState } from '../netlify/lifecycle.js'
import type { AgentRunner, AgentRunnerSession } from '../netlify/types.js'
import type { Delivery } from '../deliver.js'
import type { DiffStat } from './diffstat.js'
import type { ErrorKind } from './error-kind.js'

/**
 * How the step ended. `running` is what `status` reads of a session not yet ended; `skipped`
 * is a workflow event that did not ask for a run.
 */
export type Outcome =
  'success' | 'failure' | 'cancelled' | 'timed-out' | 'started' | 'running' | 'skipped'

export interface DiffFiles {
  /** This session's own changes; undefined when it made none. */
  resultFile: string | undefined
  /** Every change of the runner up to this session; undefined when there are none. */
  cumulativeFile: string | undefined
  stat: DiffStat
}

/** The files of a delivery that `protected-paths` matched, and what became of the delivery. */
export interface ProtectedFiles {
  /** In the diff's order; [] when none matched. */
  files: string[]
  /** Nothing was delivered because of them (`on-protected-paths: refuse`). */
  refused: boolean
}

export interface RunReport {
  outcome: Outcome
  runnerUrl: string
  runner: AgentRunner | undefined
  session: AgentRunnerSession
  prompt: string
  /** Whether this step started a follow-up session on an existing runner. */
  followUp: boolean
  diff: DiffFiles | undefined
  /** What became of the changes, when a pull request or commit was asked for. */
  delivery?: Delivery
  /** Why the step failed, when it did, in words for the user. */
  failure: string | undefined
  /** Fails the step whatever `fail-on-error` says (a delivery that did not happen). */
  failsStep?: boolean
  /** What went wrong, in the `error-kind` output's word; undefined when nothing did. */
  errorKind?: ErrorKind
  /** What the protected-paths check found, when a delivery was checked. */
  protectedFiles?: ProtectedFiles
  /** Who stopped the session from the thread: a cancellation someone asked for, not a failure. */
  stoppedBy?: string
  /** Started and not waited for, in a workflow: a sweep settles it (../commands/sweep.ts). */
  detached?: boolean
}

/** The outcome a session's final state means. */
export function outcomeOf(state: string | null | undefined): Outcome {
  switch (normalizeState(state)) {
    case 'done':
      return 'success'
    case 'cancelled':
      return 'cancelled'
    default:
      return 'failure'
  }
}

/** The dashboard page of a runner. */
export function runnerUrl(siteName: string, runnerId: string): string {
  return `https://app.netlify.com/projects/${encodeURIComponent(siteName)}/agent-runs/${encodeURIComponent(runnerId)}`
}
