// Pacing requests on Netlify's rate-limit headers before the limit bites, not only after a 429.
// Every workflow step is its own process, so the headers are all that runs sharing a token share:
// each run tells how many others spend the same window from how fast `X-RateLimit-Remaining`
// falls beyond its own requests, and spaces its own so that together they spread what is left
// until `X-RateLimit-Reset`. One pure function (paceDelayMs) and a small tracker (RatePacer).

/** What Netlify's rate-limit headers said. */
export interface RateLimit {
  limit?: number
  remaining?: number
  /** Epoch milliseconds. */
  resetAt?: number
}

/** What the pace is decided on: the latest answer's headers, and how many runs share them. */
export interface PaceView {
  limit?: number
  remaining: number
  /** Epoch ms. */
  resetAt: number
  /** Runs estimated to spend the same window, this one included; at least 1. */
  sharers: number
  /** Whether `sharers` is only the first answer's guess, not yet measured. */
  guessed?: boolean
  /** When the answer that said so arrived (epoch ms). */
  observedAt: number
}

/**
 * A run whose share of what is left is this many requests or more is not slowed at all: twice a
 * run's start (site, look, create, session), so a lone run keeps its pace.
 */
export const FREE_SHARE = 8

/**
 * Of its share, a run counts on half: the share is decided on what was left when its answer
 * came, and the runs that decided a moment earlier have plans for the same requests that do not
 * show in `remaining` until they are sent.
 */
export const SHARE_COUNTED = 0.5

/**
 * Before a second answer shows how fast `remaining` falls, what the window spent before this run
 * counts as one run for every this many requests: runs that start together spend about two each
 * (the site, the look) before any of them can tell the others are there.
 */
export const FIRST_GUESS_REQUESTS_A_RUN = 2

/**
 * A guess holds a run no longer than this while at least half the window is left: the next answer
 * measures what the guess assumed, so a token an earlier step spent a little of, now quiet, does
 * not hold a lone run long. A window spent more than that is taken at its word: starts that come
 * into it would be refused.
 */
export const GUESS_PROBE_MS = 2_000

/**
 * How long to hold the next request. This run's share of the window is what is left divided
 * among the runs that share it (half of it counted); a share that covers a burst is spent freely,
 * a smaller one is spread evenly until the reset, and less than one request waits for the reset.
 * A window that has ended says nothing of the next one: no wait.
 */
export function paceDelayMs(view: Readonly<PaceView> | undefined, now: number): number {
  if (!view) return 0
  const untilReset = view.resetAt - now
  if (untilReset <= 0) return 0
  const left = Math.max(0, view.remaining)
  const share = (left * SHARE_COUNTED) / Math.max(1, view.sharers)
  if (share >= FREE_SHARE) return 0
  let at: number
  if (share < 1) {
    at = view.resetAt
  } else {
    // Spaced evenly over the window as it was when the answer came, the first a space after it.
    at = view.observedAt + (view.resetAt - view.observedAt) / (share + 1)
  }
  if (view.guessed && view.limit !== undefined && left >= view.limit / 2) {
    at = Math.min(at, view.observedAt + GUESS_PROBE_MS)
  }
  return Math.min(untilReset, Math.max(0, Math.ceil(at - now)))
}

/**
 * One interval's estimate of the runs sharing the token: the requests the window lost while this
 * run sent `own`, per request of its own. Never below 1: this run is one.
 */
export function sharersSample(spent: number, own: number): number {
  return own > 0 ? Math.max(1, spent / own) : 1
}

/** The runs sharing the token, from the first answer alone: by what the window spent before it. */
export function firstGuessOfSharers(limit: number, remaining: number): number {
  return Math.max(1, (limit - remaining - 1) / FIRST_GUESS_REQUESTS_A_RUN)
}

/** Reset times this close are the same window (the header has whole seconds). */
const SAME_WINDOW_MS = 1_000

/** Follows the rate-limit headers of one process's requests and paces the next one. */
export class RatePacer {
  private latest: { limit?: number; remaining: number; resetAt: number; at: number } | undefined
  private sharers = 1
  private guessed = false
  /** Requests sent since the latest answer. */
  private sentSince = 0

  /** The latest headers, as they were (for messages). */
  get rateLimit(): Readonly<RateLimit> {
    const { limit, remaining, resetAt } = this.latest ?? {}
    return { limit, remaining, resetAt }
  }

  /** What the next pause is decided on; undefined before an answer with the headers. */
  get view(): PaceView | undefined {
    if (!this.latest) return undefined
    const { limit, remaining, resetAt, at } = this.latest
    return {
      limit,
      remaining,
      resetAt,
      sharers: this.sharers,
      guessed: this.guessed,
      observedAt: at
    }
  }

  /** Counts a request as it goes out. */
  sent(): void {
    this.sentSince++
  }

  /** Takes in an answer's headers, received at `at`. */
  observe(rate: Readonly<RateLimit>, at: number): void {
    const { remaining, resetAt } = rate
    if (remaining === undefined || resetAt === undefined) return
    const limit = rate.limit ?? this.latest?.limit
    const previous = this.latest
    // An answer from a window already over (it came late): nothing to learn from.
    if (previous && resetAt < previous.resetAt - SAME_WINDOW_MS) return
    if (!previous) {
      if (limit !== undefined) this.sharers = firstGuessOfSharers(limit, remaining)
      this.guessed = this.sharers > 1
    } else if (this.sentSince > 0) {
      const sameWindow = resetAt - previous.resetAt <= SAME_WINDOW_MS
      // In a new window, everything spent in it was spent since the previous answer. In the same
      // one, answers that crossed on the way may have `remaining` go up by a little.
      const spent = sameWindow
        ? Math.max(0, previous.remaining - remaining)
        : limit === undefined
          ? undefined
          : limit - remaining
      if (spent !== undefined) {
        const sample = sharersSample(spent, this.sentSince)
        // A measure replaces a guess; after that, up at once and down by halves: too few
        // sharers is what gets a fleet refused.
        this.sharers = this.guessed ? sample : Math.max(sample, (this.sharers + sample) / 2)
        this.guessed = false
      }
    }
    // An answer to a request already counted (two sent together) only moves the base.
    this.sentSince = 0
    this.latest = { limit, remaining, resetAt, at }
  }

  /** How long to hold the next request, from now. */
  delayMs(now: number): number {
    return paceDelayMs(this.view, now)
  }
}
