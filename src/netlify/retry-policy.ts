// When to try a request again, and how long to wait first. Pure functions: the client's retry
// loop (./requester.ts) is the only caller, and the tests drive these with fixed clocks and dice.

/** Statuses that say "not now" rather than "no". */
const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504])

/** Methods whose repetition cannot start a second paid run. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'PATCH', 'PUT'])

/** Socket errors that mean the connection failed or was cut, not that the server said no. */
const TRANSIENT_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'ETUNNEL'
])

/**
 * Errors that prove the server never received the request, so even a POST may go again.
 * ETUNNEL: the proxy opened no tunnel to it (./transport.ts).
 */
const NEVER_SENT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETUNNEL'
])

export type Failure =
  | { kind: 'status'; status: number }
  | { kind: 'network'; code: string }
  /** The response began but its body was cut off or was not the JSON promised (a proxy's page). */
  | { kind: 'body' }

/**
 * Whether a failed attempt may be repeated. Reads, stops and updates are repeated on any
 * transient failure. A POST (create, follow-up, pull request, commit) is repeated only when the
 * server certainly did not act on it: a 429, or a connection that never opened.
 */
export function isRetryable(method: string, failure: Failure): boolean {
  const idempotent = IDEMPOTENT_METHODS.has(method.toUpperCase())
  switch (failure.kind) {
    case 'status':
      return failure.status === 429 || (idempotent && TRANSIENT_STATUSES.has(failure.status))
    case 'network':
      return (
        NEVER_SENT_ERROR_CODES.has(failure.code) ||
        (idempotent && TRANSIENT_ERROR_CODES.has(failure.code))
      )
    case 'body':
      return idempotent
  }
}

/**
 * `Retry-After` as milliseconds from `now`: either delta-seconds or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** `X-RateLimit-Reset` (Unix seconds) as milliseconds from `now`. */
export function parseRateLimitReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined
  return Math.max(0, Math.ceil(Number(value) * 1000 - now))
}

export interface BackoffOptions {
  /** First retry's ceiling; doubled each time. */
  baseMs: number
  /** No computed wait exceeds this (a server's own `Retry-After` may). */
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 }

/**
 * Up to a second added to a wait the server named: runs told to come back at the same second
 * would otherwise all come back together, and be refused together again.
 */
export const SERVER_WAIT_JITTER_MS = 1_000

function serverWaitJitter(random: () => number): number {
  return Math.floor(random() * SERVER_WAIT_JITTER_MS)
}

export interface DelayInput {
  /** 1 for the wait after the first failed attempt. */
  attempt: number
  /** The failed attempt's HTTP status, if it got one. */
  status?: number
  headers?: Record<string, string | string[] | undefined>
  now: number
  /** A number in [0, 1). */
  random: () => number
  backoff?: BackoffOptions
}

function header(headers: DelayInput['headers'], name: string): string | undefined {
  const value = headers?.[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * How long to wait before the next attempt. The server's word comes first (`Retry-After`, then
 * `X-RateLimit-Reset`); otherwise exponential backoff with full jitter, so that many runs
 * sharing a token do not retry in step.
 */
export function retryDelayMs(input: DelayInput): number {
  const retryAfter = parseRetryAfter(header(input.headers, 'retry-after'), input.now)
  if (retryAfter !== undefined) return retryAfter + serverWaitJitter(input.random)
  // Netlify sends X-RateLimit-Reset on every answer; it only says when to retry once the limit
  // is reached.
  const limited = input.status === 429 || header(input.headers, 'x-ratelimit-remaining') === '0'
  const reset = limited
    ? parseRateLimitReset(header(input.headers, 'x-ratelimit-reset'), input.now)
    : undefined
  if (reset !== undefined) return reset + serverWaitJitter(input.random)
  const { baseMs, capMs } = input.backoff ?? DEFAULT_BACKOFF
  const ceiling = Math.min(capMs, baseMs * 2 ** (input.attempt - 1))
  return Math.floor(input.random() * ceiling)
}
