// The knobs that shape how the fake behaves. Sessions capture the scenario current at their
// creation, so a test can change it without disturbing sessions already in flight.
import type { DiffPath } from './diffs.js'

export interface RateLimit {
  limit: number
  windowMs: number
}

export interface Scenario {
  /**
   * Total time from NEW to a terminal state, in ms. NEW for the first ~10%, then RUNNING. 0: ended
   * from the start, so the action's first status check sees the end (its next comes 2 s later).
   */
  sessionMs: number
  finalState: 'done' | 'error' | 'cancelled'
  /** Steps appear evenly while RUNNING. */
  steps: number
  /** Approximate size of each session's result diff; generated and streamed, never held in memory. */
  diffBytes: number
  /**
   * How many text files share those bytes, e.g. 500 for a diff of many small files; `null` splits
   * them into as few files as fit in ~1 MB each.
   */
  diffFiles: number | null
  /** 'generated': notes files of about diffBytes. 'web': a small web site change that fits the
   * prompt, with matching steps and result (web-diffs.ts; diffBytes and binaryDiff are ignored). */
  diffStyle: 'generated' | 'web'
  /**
   * The files each session's result diff changes, named (quoted as git quotes them): a path is a
   * new file, `{ from, to }` a rename (with `diffStyle` generated). Null: notes of about `diffBytes`.
   */
  diffPaths: DiffPath[] | null
  /** Adds a `GIT binary patch` hunk for an image file to each result diff. */
  binaryDiff: boolean
  /** Sessions finish DONE without a diff. */
  noChanges: boolean
  /** Serve states as `done` instead of `DONE`. */
  lowercaseStates: boolean
  /** Result text; `null` derives one from the prompt (or an error message on error). */
  result: string | null
  /** Every step's title and message; `null` makes them up from the prompt. */
  stepTitle: string | null
  stepMessage: string | null
  /** The session's (and its runner's) title once it ends; `null` derives one from the prompt. */
  title: string | null
  prMs: number
  prError: string | null
  commitMs: number
  commitError: string | null
  rateLimit: RateLimit | null
  /** Rebase answers 400: the runner is already on the latest production deploy. */
  rebaseUpToDate: boolean
  /** The account is out of credits: redeploy answers 403. */
  usageLimitReached: boolean
}

export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  sessionMs: 300,
  finalState: 'done',
  steps: 3,
  diffBytes: 600,
  diffFiles: null,
  diffStyle: 'generated',
  diffPaths: null,
  binaryDiff: false,
  noChanges: false,
  lowercaseStates: false,
  result: null,
  stepTitle: null,
  stepMessage: null,
  title: null,
  prMs: 200,
  prError: null,
  commitMs: 200,
  commitError: null,
  rateLimit: null,
  rebaseUpToDate: false,
  usageLimitReached: false
})

export function buildScenario(...layers: Array<Partial<Scenario> | undefined>): Scenario {
  return Object.assign({}, DEFAULT_SCENARIO, ...layers) as Scenario
}
