// The HTTP side of the fake: listening on 127.0.0.1, logging every request, applying injected
// faults, the rate limit and bearer auth, then handing the request to the routes.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AgentRunner, AgentRunnerSession } from '../../src/netlify/types.js'
import { FaultList, faultReply, faultStrikes, type Fault } from './faults.js'
import {
  errorReply,
  listenOnLoopback,
  parseJsonBody,
  queryRecord,
  readBody,
  sendReply,
  type Reply,
  type TlsFiles
} from './http-io.js'
import { RateLimiter } from './rate-limit.js'
import { dispatch, isApiPath } from './routes.js'
import { buildScenario, type Scenario } from './scenario.js'
import { DEFAULT_SITE, type FakeSite } from './sites.js'
import { FakeStore } from './store.js'
import { S3_PREFIX, UploadStore, s3Reply } from './uploads.js'
import { renderRunner, renderSession } from './views.js'

export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string | string[]>
  headers: IncomingHttpHeaders
  /** Parsed JSON, the raw string when it is not JSON, or the byte length of a PUT upload. */
  body: unknown
  /** 0 when the connection was reset instead of answered. */
  status: number
  at: number
}

export interface FakeNetlify {
  /** 'http://127.0.0.1:PORT' ('https://' with `tls`), without a trailing slash or /api/v1. */
  url: string
  token: string
  /** Every request in arrival order, faulted ones included. */
  requests: LoggedRequest[]
  /** Layers `s` over the defaults and the start options; sessions created from now on use it. */
  setScenario(s: Partial<Scenario>): void
  injectFault(f: Fault): void
  clearFaults(): void
  runners(): AgentRunner[]
  /** Every session of the runner, discarded ones included; [] for an unknown runner. */
  sessions(runnerId: string): AgentRunnerSession[]
  /** file_key -> bytes PUT to an upload_url; removed through its delete_url. */
  uploads: Map<string, Buffer>
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>
}

export interface FakeNetlifyOptions {
  token?: string
  sites?: FakeSite[]
  /** Default 0: any free port. */
  port?: number
  /** Serve HTTPS with this key and certificate instead of HTTP. */
  tls?: TlsFiles
  scenario?: Partial<Scenario>
  /** Called once each request has been answered (or reset). */
  onRequest?: (request: LoggedRequest) => void
}

export async function startFakeNetlify(options: FakeNetlifyOptions = {}): Promise<FakeNetlify> {
  const token = options.token ?? 'test-token'
  let scenario = buildScenario(options.scenario)
  let baseUrl = ''
  const requests: LoggedRequest[] = []
  const faults = new FaultList()
  const limiter = new RateLimiter()
  const uploads = new UploadStore(() => baseUrl)
  const store = new FakeStore({
    sites: options.sites ?? [DEFAULT_SITE],
    scenario: () => scenario,
    uploads: uploads.files
  })
  const closing = new AbortController()

  // The real work, with the request already logged and past any fault that answers first.
  function realReply(req: IncomingMessage, url: URL, raw: Buffer, body: unknown): Reply {
    const method = (req.method ?? 'GET').toUpperCase()
    if (url.pathname.startsWith(S3_PREFIX)) return s3Reply(uploads, method, url, raw)
    if (isApiPath(url.pathname)) {
      const denied = authError(req.headers.authorization ?? '')
      if (denied) return denied
      if (raw.length > 0 && typeof body === 'string')
        return errorReply(400, 'Request body is not valid JSON')
    }
    return dispatch(
      { store, uploads, baseUrl, pathname: url.pathname, query: url.searchParams, body },
      method
    )
  }

  function authError(authorization: string): Reply | null {
    const presented = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]
    if (presented === undefined) return errorReply(401, 'Access Denied: a Bearer token is required')
    if (presented !== token) return errorReply(401, 'Access Denied: invalid access token')
    return null
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', baseUrl)
    const raw = await readBody(req)
    const isUpload = url.pathname.startsWith(S3_PREFIX) && method === 'PUT'
    const body = isUpload ? raw.length : parseJsonBody(raw).body
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers: req.headers,
      body,
      status: 0,
      at
    }
    requests.push(entry)
    res.on('close', () => options.onRequest?.(entry))

    const fault = faults.take(method, url.pathname)
    const limit = isApiPath(url.pathname) ? limiter.hit(scenario.rateLimit, at) : null
    const withLimitHeaders = (reply: Reply): Reply => ({
      ...reply,
      headers: { ...limit?.headers, ...reply.headers }
    })
    const answer = async (reply: Reply) => {
      entry.status = reply.status
      await sendReply(res, withLimitHeaders(reply))
    }
    const answerWithFault = async (injected: Fault) => {
      if (injected.reset) {
        req.socket.resetAndDestroy()
        return
      }
      await answer(faultReply(injected))
    }

    if (fault && (await faultStrikes(fault, false, wait))) return answerWithFault(fault)
    let reply: Reply
    if (limit?.exceeded) {
      reply = {
        ...errorReply(429, 'API rate limit exceeded, please try again later'),
        headers: { 'Retry-After': String(limit.retryAfterSeconds) }
      }
    } else {
      reply = realReply(req, url, raw, body)
    }
    if (fault && (await faultStrikes(fault, true, wait))) return answerWithFault(fault)
    await answer(reply)
  }

  async function wait(ms: number | undefined): Promise<void> {
    if (ms) await sleep(ms, undefined, { signal: closing.signal })
  }

  const listening = await listenOnLoopback(handle, options.port, options.tls)
  const { server } = listening
  baseUrl = listening.baseUrl

  return {
    url: baseUrl,
    token,
    requests,
    uploads: uploads.files,
    setScenario: s => {
      scenario = buildScenario(options.scenario, s)
    },
    injectFault: f => faults.add(f),
    clearFaults: () => faults.clear(),
    runners: () => {
      const ctx = store.diffContext()
      return store.allRunners().map(runner => renderRunner(runner, ctx))
    },
    sessions: runnerId => {
      const runner = store.allRunners().find(r => r.id === runnerId)
      if (!runner) return []
      const ctx = store.diffContext()
      return runner.sessions.map(session => renderSession(runner, session, ctx))
    },
    close: () =>
      new Promise<void>(resolve => {
        closing.abort()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
