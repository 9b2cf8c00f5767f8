// What a route handler answers with, and how that reaches the socket. Handlers return a Reply
// instead of writing to the response so the server can still swap it for an injected fault.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export interface Reply {
  status: number
  headers?: Record<string, string>
  json?: unknown
  text?: string
  contentType?: string
  /** Created only when the reply is actually sent, so a discarded reply costs nothing. */
  stream?: () => Readable
}

/** An API error: answered as `{"error": message}` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export function jsonReply(json: unknown, status = 200): Reply {
  return { status, json }
}

export function errorReply(status: number, message: string): Reply {
  return { status, json: { error: message } }
}

export const ACCEPTED: Reply = { status: 202 }

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function sendReply(res: ServerResponse, reply: Reply): Promise<void> {
  res.statusCode = reply.status
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value)
  if (reply.stream) {
    res.setHeader('Content-Type', reply.contentType ?? 'text/plain; charset=utf-8')
    // A client that stops reading mid-stream is not the fake's failure.
    await pipeline(reply.stream(), res).catch(() => undefined)
    return
  }
  if (reply.json !== undefined) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.end(JSON.stringify(reply.json))
    return
  }
  if (reply.text !== undefined) {
    res.setHeader('Content-Type', reply.contentType ?? 'text/plain; charset=utf-8')
    res.end(reply.text)
    return
  }
  res.end()
}

/** A request body as JSON when it is JSON; else its text, marked invalid. */
export function parseJsonBody(raw: Buffer): { body: unknown; invalid: boolean } {
  if (raw.length === 0) return { body: undefined, invalid: false }
  const text = raw.toString('utf8')
  try {
    return { body: JSON.parse(text) as unknown, invalid: false }
  } catch {
    return { body: text, invalid: true }
  }
}

/** Query parameters for the request log: a repeated one becomes a list. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    record[key] = values.length === 1 ? (values[0] as string) : values
  }
  return record
}

/** A key and certificate to serve HTTPS with (PEM). */
export interface TlsFiles {
  key: string | Buffer
  cert: string | Buffer
}

/**
 * A server on 127.0.0.1 (`port` 0: any free one) that answers with `handle`, over HTTPS when
 * given `tls`; and its URL.
 */
export async function listenOnLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port = 0,
  tls?: TlsFiles
): Promise<{ server: Server; baseUrl: string }> {
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    // Rejections here mean the fake is closing mid-request or the client went away.
    handle(req, res).catch(() => res.destroy())
  }
  // An https.Server is an http.Server as far as listening and closing go.
  const server = tls
    ? (createTlsServer(tls, listener) as unknown as Server)
    : createServer(listener)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const scheme = tls ? 'https' : 'http'
  return { server, baseUrl: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
