// The one place that sends requests to Netlify and retries them: builds the URL, adds the token
// (only ever as the Authorization header), repeats what ./retry-policy.ts allows, and turns
// final failures into NetlifyApiError / NetlifyNetworkError.
import { setTimeout as delay } from 'node:timers/promises'
import {
  NetlifyApiError,
  NetlifyNetworkError,
  noAnswer,
  serverMessage,
  type Destination
} from './errors.js'
import {
  DEFAULT_BACKOFF,
  isRetryable,
  retryDelayMs,
  type BackoffOptions,
  type Failure
} from './retry-policy.js'
import { RatePacer, type RateLimit } from './rate-pacing.js'
import { discard, readText, Transport, TransportError, type RawResponse } from './transport.js'

export const DEFAULT_API_URL = 'https://api.netlify.com'

export type { RateLimit } from './rate-pacing.js'

export type Query = Record<string, string | number | boolean | undefined>

export interface RetryEvent {
  method: string
  path: string
  /** The attempt that failed, from 1. */
  attempt: number
  delayMs: number
  reason: string
  /** When no answer came at all: who could not be reached, and where (see errors.ts's noAnswer). */
  noAnswer?: string
}

/** One attempt's answer, for step debug: the path only, since upload URLs carry signatures. */
export interface AttemptEvent {
  method: string
  path: string
  /** From 1. */
  attempt: number
  /** The HTTP status, or the socket's error code when there was no answer. */
  answer: number | string
  ms: number
}

/** Netlify's clock, as the `Date` header of the first answer told it. */
export interface ServerClock {
  /**
   * The header's time, on Netlify's clock: whole seconds, so the answer was dated up to a second
   * after it. Epoch ms.
   */
  serverMs: number
  /** When that request was sent, in ms since this process began (a monotonic clock). */
  sentSinceStartMs: number
}

export interface RequesterOptions {
  token: string
  /** Base URL, such as https://api.netlify.com; `/api/v1` is appended. */
  apiUrl: string
  userAgent: string
  /** Longest silence allowed on one attempt, in ms. */
  timeoutMs?: number
  /** Attempts per request, the first included. */
  maxAttempts?: number
  backoff?: BackoffOptions
  /** Epoch ms after which no retry is started (the action's own deadline). */
  deadline?: number
  onRetry?: (event: RetryEvent) => void
  onAttempt?: (event: AttemptEvent) => void
  /**
   * Pace requests on the rate-limit headers (./rate-pacing.ts); default true. Off for the client
   * that stops sessions: a stop must fit in the runner's few seconds.
   */
  pacing?: boolean
  signal?: AbortSignal
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  now?: () => number
  random?: () => number
}

export interface CallOptions {
  query?: Query
  json?: unknown
  accept?: string
  /** A full URL that is not Netlify's API (a presigned upload URL): sent without the token. */
  externalUrl?: string
  body?: Buffer
  contentType?: string
}

/** The response began but was unusable (cut off, or not the JSON promised). */
export class BodyError extends Error {
  override readonly name = 'BodyError'
}

const ERROR_BODY_LIMIT = 64 * 1024
/** 429s waited out per request; the deadline, where there is one, usually ends it sooner. */
const MAX_THROTTLED = 20
/** Pauses the pacer may ask for before one request. */
const MAX_PACING_PAUSES = 3

function describe(failure: Failure): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}`
    case 'network':
      return failure.code
    case 'body':
      return 'unusable response body'
  }
}

function headerNumber(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

/** Reads a JSON body; a proxy's HTML page in its place is a BodyError, which reads may retry. */
export async function readJson<T>(res: RawResponse): Promise<T> {
  const text = await readText(res.body)
  try {
    return JSON.parse(text) as T
  } catch {
    throw new BodyError(`expected JSON, got ${res.headers['content-type'] ?? 'no content type'}`)
  }
}

export class Requester {
  readonly pacer = new RatePacer()
  deadline: number | undefined
  /** Undefined until an answer carries a `Date` header. */
  serverClock: ServerClock | undefined
  private readonly transport: Transport
  private readonly base: string
  private readonly apiHost: Destination
  private readonly timeoutMs: number
  private readonly maxAttempts: number
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly now: () => number
  private readonly random: () => number

  constructor(private readonly options: RequesterOptions) {
    this.transport = new Transport()
    this.base = `${options.apiUrl.replace(/\/+$/, '')}/api/v1`
    const api = new URL(options.apiUrl)
    this.apiHost = { host: api.host, fromInput: api.origin !== new URL(DEFAULT_API_URL).origin }
    // Netlify answers in well under a second; a silence this long is a hung connection.
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.maxAttempts = options.maxAttempts ?? 5
    this.deadline = options.deadline
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }))
    this.now = options.now ?? Date.now
    this.random = options.random ?? Math.random
  }

  /** Sends a request, retrying as the policy allows, and hands a 2xx response to `consume`. */
  async call<T>(
    method: string,
    path: string,
    options: CallOptions,
    consume: (res: RawResponse) => Promise<T>
  ): Promise<T> {
    const url = this.urlFor(path, options)
    // What errors and logs show: the path, never the host of a presigned URL or its signature.
    const shown = options.externalUrl ? url.pathname : `${url.pathname}${url.search}`
    const headers: Record<string, string> = {
      'User-Agent': this.options.userAgent,
      Accept: options.accept ?? 'application/json'
    }
    if (!options.externalUrl) headers.Authorization = `Bearer ${this.options.token}`
    let body: string | Buffer | undefined
    if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['Content-Type'] = 'application/json'
    } else if (options.body !== undefined) {
      body = options.body
      headers['Content-Type'] = options.contentType ?? 'application/octet-stream'
    }

    // A 429 is Netlify saying when to come back, not a failure: it has its own, larger budget.
    let failures = 0
    let throttled = 0
    for (let attempt = 1; ; attempt++) {
      let failure: Failure
      let lastError: Error
      let responseHeaders: RawResponse['headers'] | undefined
      if (!options.externalUrl) await this.pace()
      const sentAt = this.now()
      const sentSinceStartMs = performance.now()
      const answered = (answer: number | string): void =>
        this.options.onAttempt?.({
          method,
          path: url.pathname,
          attempt,
          answer,
          ms: this.now() - sentAt
        })
      let unanswered: { to: Destination; sent: boolean } | undefined
      try {
        const res = await this.transport.send({
          method,
          url,
          headers,
          body,
          timeoutMs: this.timeoutMs,
          signal: this.options.signal
        })
        responseHeaders = res.headers
        answered(res.status)
        if (!options.externalUrl) this.noteHeaders(res.headers, sentSinceStartMs)
        if (res.status >= 200 && res.status < 300) {
          try {
            return await consume(res)
          } catch (err) {
            discard(res.body)
            if (err instanceof NetlifyApiError) throw err
            failure = { kind: 'body' }
            lastError = new NetlifyNetworkError(
              err instanceof TransportError ? err.code : 'EBADBODY',
              method,
              shown,
              true,
              `the response could not be read: ${(err as Error).message}`
            )
          }
        } else {
          const text = await readText(res.body, ERROR_BODY_LIMIT).catch(() => '')
          failure = { kind: 'status', status: res.status }
          lastError = new NetlifyApiError(
            res.status,
            method,
            shown,
            serverMessage(text, res.headers['content-type']),
            res.statusText
          )
        }
      } catch (err) {
        if (!(err instanceof TransportError)) throw err
        answered(err.code)
        if (err.code === 'ABORTED') {
          throw new NetlifyNetworkError(err.code, method, shown, err.requestSent, err.message)
        }
        failure = { kind: 'network', code: err.code }
        unanswered = {
          to: options.externalUrl ? { host: undefined, fromInput: false } : this.apiHost,
          sent: err.requestSent
        }
        lastError = new NetlifyNetworkError(
          err.code,
          method,
          shown,
          err.requestSent,
          err.message,
          unanswered.to
        )
      }

      if (!isRetryable(method, failure)) throw lastError
      const limited = failure.kind === 'status' && failure.status === 429
      if (limited) throttled++
      else failures++
      if (failures >= this.maxAttempts || throttled > MAX_THROTTLED) throw lastError
      const wait = retryDelayMs({
        // Backoff grows with failures of the same kind: a run of 429s does not lengthen it for a 503.
        attempt: limited ? throttled : failures,
        status: failure.kind === 'status' ? failure.status : undefined,
        headers: responseHeaders,
        now: this.now(),
        random: this.random,
        backoff: this.options.backoff ?? DEFAULT_BACKOFF
      })
      if (this.deadline !== undefined && this.now() + wait > this.deadline) throw lastError
      this.options.onRetry?.({
        method,
        path: shown,
        attempt,
        delayMs: wait,
        reason: describe(failure),
        noAnswer: unanswered && noAnswer(unanswered.to, unanswered.sent)
      })
      await this.sleep(wait, this.options.signal)
    }
  }

  /** Sends a request whose answer is JSON, and parses it. */
  json<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    return this.call(method, path, options, res => readJson<T>(res))
  }

  /** Sends a request whose answer carries nothing to read (202 Accepted). */
  empty(method: string, path: string, options: CallOptions = {}): Promise<void> {
    return this.call(method, path, options, async res => {
      discard(res.body)
    })
  }

  /** Closes kept-alive connections so that the process can exit. */
  close(): void {
    this.transport.close()
  }

  private urlFor(path: string, options: CallOptions): URL {
    const url = new URL(options.externalUrl ?? `${this.base}${path}`)
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    return url
  }

  /** The latest rate-limit headers Netlify sent. */
  get rateLimit(): Readonly<RateLimit> {
    return this.pacer.rateLimit
  }

  /**
   * Holds the request while the pacer asks, never past the deadline; then counts it as sent. The
   * pace is asked again after a pause (a few times): answers to other requests may have come
   * meanwhile.
   */
  private async pace(): Promise<void> {
    for (let pauses = 0; pauses < MAX_PACING_PAUSES; pauses++) {
      if (this.options.pacing === false) break
      const now = this.now()
      let wait = this.pacer.delayMs(now)
      if (this.deadline !== undefined) wait = Math.min(wait, this.deadline - now)
      if (wait <= 0) break
      await this.sleep(wait, this.options.signal)
    }
    this.pacer.sent()
  }

  private noteHeaders(headers: RawResponse['headers'], sentSinceStartMs: number): void {
    const reset = headerNumber(headers['x-ratelimit-reset'])
    this.pacer.observe(
      {
        limit: headerNumber(headers['x-ratelimit-limit']),
        remaining: headerNumber(headers['x-ratelimit-remaining']),
        resetAt: reset === undefined ? undefined : reset * 1000
      },
      this.now()
    )
    const date = headers.date === undefined ? NaN : Date.parse(headers.date)
    if (this.serverClock === undefined && Number.isFinite(date)) {
      this.serverClock = { serverMs: date, sentSinceStartMs }
    }
  }
}
