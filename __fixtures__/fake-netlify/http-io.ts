// What a route handler answers with, and how that reaches the socket. Handlers return a Reply
// instead of writing to the response so the server can still swap it for an injected fault.
import type { IncomingMessage, ServerResponse } from 'node:http'
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
