// One HTTP attempt, nothing more: no retries (./requester.ts owns those), no parsing. Node's own
// http/https keep the body a stream (diffs can be 100 MB). Proxies: Node 24's agents read
// HTTP(S)_PROXY / NO_PROXY themselves (`proxyEnv`), so self-hosted runners behind a proxy work
// without loading a second HTTP stack.
import http from 'node:http'
import https from 'node:https'

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

export class Transport {
  // Kept-alive connections: a run polls the same host for minutes.
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, proxyEnv: process.env }),
    'https:': new https.Agent({ keepAlive: true, proxyEnv: process.env })
  }

  private agentFor(url: URL): http.Agent {
    return url.protocol === 'https:' ? this.agents['https:'] : this.agents['http:']
  }

  send(request: RawRequest): Promise<RawResponse> {
    const { method, url, headers, body, timeoutMs, signal } = request
    const lib = url.protocol === 'https:' ? https : http
    return new Promise<RawResponse>((resolve, reject) => {
      let sent = false
      const fail = (code: string, message: string): void => {
        reject(new TransportError(code, sent, message))
      }
      const req = lib.request(url, {
        method,
        headers:
          body === undefined
            ? headers
            : { ...headers, 'Content-Length': Buffer.byteLength(body).toString() },
        agent: this.agentFor(url),
        signal
      })
      req.on('finish', () => {
        sent = true
      })
      // Idle timeout of the socket: covers a server that never answers and a body that stalls.
      req.setTimeout(timeoutMs, () => {
        req.destroy(new TransportError('ETIMEDOUT', sent, `no answer within ${timeoutMs / 1000} s`))
      })
      req.on('response', res => {
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: res
        })
      })
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof TransportError) return reject(err)
        if (err.name === 'AbortError') return fail('ABORTED', 'the request was cancelled')
        fail(err.code ?? 'EUNKNOWN', err.message)
      })
      req.end(body)
    })
  }

  /** Closes kept-alive connections so that the process can exit. */
  close(): void {
    this.agents['http:'].destroy()
    this.agents['https:'].destroy()
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
