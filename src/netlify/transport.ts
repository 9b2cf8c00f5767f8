// One HTTP attempt, nothing more: no retries (./requester.ts owns those), no parsing. Node's own
// http/https keep the body a stream (diffs can be 100 MB). Proxies follow @actions/http-client's
// rules, the ones Octokit's requests follow: its getProxyUrl decides (HTTP(S)_PROXY, NO_PROXY,
// loopback never proxied), and a proxied request goes through http-client's own CONNECT tunnel.
// http-client's main module (undici with it) is loaded only when a request takes a proxy.
import http from 'node:http'
import https from 'node:https'
import type { HttpClient } from '@actions/http-client'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { proxyVariable } from '../proxy-env.js'

export interface RawRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body?: string | Buffer
  /** The longest silence allowed: before the answer's headers, and between chunks of its body. */
  timeoutMs: number
  signal?: AbortSignal
}

export interface RawResponse {
  status: number
  statusText: string
  headers: http.IncomingHttpHeaders
  /** The body, not yet read. Read it, or call `discard`, to free the connection. */
  body: http.IncomingMessage
}

/** A request that got no answer. `code` is the socket's (ECONNRESET, ...) or ETIMEDOUT. */
export class TransportError extends Error {
  override readonly name = 'TransportError'
  constructor(
    readonly code: string,
    readonly requestSent: boolean,
    message: string
  ) {
    super(message)
  }
}

/** The proxy a request takes, as http-client decides; undefined to go direct. */
function proxyFor(url: URL): URL | undefined {
  let proxy: URL | undefined
  try {
    proxy = getProxyUrl(url)
  } catch {
    // http-client throws on a variable it cannot read even with http:// put in front.
    const name = proxyVariable(process.env, url.protocol) ?? 'proxy variable'
    throw new TransportError('EPROXYURL', false, `\`${name}\` is not a URL`)
  }
  // A value without a scheme (proxy.corp:3128) parses with an empty host: http-client goes direct.
  return proxy?.hostname ? proxy : undefined
}

/** An error's words; a failed connection to several addresses (happy eyeballs) has none of its own. */
function describeError(err: Error): string {
  if (err.message) return err.message
  const each = err instanceof AggregateError ? (err.errors as Error[]).map(e => e.message) : []
  return each.filter(Boolean).join('; ') || 'the connection failed'
}

/** What http-client's tunnel agent (the `tunnel` package) keeps of its proxy options. */
interface TunnelAgent {
  proxyOptions?: { signal?: AbortSignal }
}

export class Transport {
  // Kept-alive connections: a run polls the same host for minutes. (http-client's tunnel agent
  // keeps none: every proxied request opens its own CONNECT tunnel.)
  private readonly direct = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true })
  }
  // One HttpClient per protocol: each caches a single tunnel agent, made for the protocol of the
  // first URL it is asked about.
  private readonly clients = new Map<string, Promise<HttpClient>>()
  // tunnel's CONNECT requests have no timeout of their own; one a proxy never answers would
  // keep the process alive. They get this signal, aborted on close.
  private readonly closing = new AbortController()

  async send(request: RawRequest): Promise<RawResponse> {
    const proxy = proxyFor(request.url)
    const agent = proxy
      ? await this.tunnelAgent(request.url)
      : request.url.protocol === 'https:'
        ? this.direct['https:']
        : this.direct['http:']
    return this.attempt(request, agent, proxy?.host)
  }

  /** Closes kept-alive connections so that the process can exit. */
  close(): void {
    this.direct['http:'].destroy()
    this.direct['https:'].destroy()
    this.closing.abort()
    for (const client of this.clients.values()) void client.then(c => c.dispose()).catch(() => {})
  }

  private tunnelAgent(url: URL): Promise<http.Agent> {
    let client = this.clients.get(url.protocol)
    if (!client) {
      client = import('@actions/http-client').then(
        ({ HttpClient }) => new HttpClient(undefined, [], { keepAlive: true })
      )
      this.clients.set(url.protocol, client)
    }
    return client.then(c => {
      const agent = c.getAgent(url.href) as http.Agent & TunnelAgent
      // The options tunnel passes to http.request for CONNECT.
      if (agent.proxyOptions) agent.proxyOptions.signal = this.closing.signal
      return agent
    })
  }

  private attempt(
    request: RawRequest,
    agent: http.Agent,
    proxyHost: string | undefined
  ): Promise<RawResponse> {
    const { method, url, headers, body, timeoutMs, signal } = request
    const lib = url.protocol === 'https:' ? https : http
    return new Promise<RawResponse>((resolve, reject) => {
      let sent = false
      let connected = false
      const fail = (code: string, message: string): void => {
        reject(new TransportError(code, sent, message))
      }
      const req = lib.request(url, {
        method,
        headers:
          body === undefined
            ? headers
            : { ...headers, 'Content-Length': Buffer.byteLength(body).toString() },
        agent,
        signal
      })
      const silence = (): TransportError =>
        new TransportError('ETIMEDOUT', sent, `no answer within ${timeoutMs / 1000} s`)
      // Until the request has a socket (through a tunnel: until the proxy has said yes to
      // CONNECT) no socket timeout runs, and a destroyed request reports nothing: this watch
      // covers that time.
      const beforeSocket = (err: TransportError): void => {
        if (connected) return
        req.destroy(err)
        reject(err)
      }
      const untilSocket = setTimeout(() => beforeSocket(silence()), timeoutMs)
      const onAbort = (): void =>
        beforeSocket(new TransportError('ABORTED', false, 'the request was cancelled'))
      const settle = (): void => {
        clearTimeout(untilSocket)
        signal?.removeEventListener('abort', onAbort)
      }
      if (signal?.aborted) onAbort()
      else signal?.addEventListener('abort', onAbort)
      req.on('socket', () => {
        connected = true
        settle()
      })
      // tunnel reports a failed CONNECT on the request without destroying it: 'error', no 'close'.
      req.on('close', settle)
      req.on('finish', () => {
        sent = true
      })
      // Idle timeout of the socket: covers a server that never answers and a body that stalls.
      req.setTimeout(timeoutMs, () => req.destroy(silence()))
      req.on('response', res => {
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: res
        })
      })
      req.on('error', (err: NodeJS.ErrnoException) => {
        settle()
        if (err instanceof TransportError) return reject(err)
        if (err.name === 'AbortError') return fail('ABORTED', 'the request was cancelled')
        // Before the socket, a proxied request can only have failed at CONNECT (tunnel calls
        // that ECONNRESET): the request never left, which the retry policy must know.
        if (proxyHost !== undefined && !connected) {
          req.destroy()
          return fail(
            'ETUNNEL',
            `the proxy at ${proxyHost} opened no tunnel: ${describeError(err)}`
          )
        }
        fail(err.code ?? 'EUNKNOWN', describeError(err))
      })
      req.end(body)
    })
  }
}

/** Reads a body into a string, up to `limit` bytes (the rest is drained and dropped). */
export async function readText(res: http.IncomingMessage, limit = Infinity): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of res as AsyncIterable<Buffer>) {
    if (size < limit) chunks.push(chunk)
    size += chunk.length
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return size > limit ? text.slice(0, limit) : text
}

/** Frees the connection without reading what is left of the body. */
export function discard(res: http.IncomingMessage): void {
  res.resume()
}
