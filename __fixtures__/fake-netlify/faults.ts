// Injected failures: which request a fault hits, and the response it turns into.
import type { Reply } from './http-io.js'

export interface Fault {
  /** Default: any method. */
  method?: string
  /** Matched against the full pathname; a string must match exactly. */
  path: string | RegExp
  /** Default 503. */
  status?: number
  retryAfter?: string
  /** X-RateLimit-Reset value, unix seconds. */
  rateLimitReset?: number
  /** Reset the connection instead of answering. */
  reset?: boolean
  /** Wait before answering; with nothing else set, answer normally after the wait. */
  delayMs?: number
  /** Answer with an HTML error page, like a proxy's 502. */
  html?: boolean
  body?: string
  /** How many matching requests it affects; default 1. */
  times?: number
  /** Process the request for real first, then answer with the fault. */
  after?: boolean
}

interface ActiveFault {
  fault: Fault
  remaining: number
}

export class FaultList {
  private active: ActiveFault[] = []

  add(fault: Fault): void {
    this.active.push({ fault, remaining: fault.times ?? 1 })
  }

  clear(): void {
    this.active = []
  }

  /** The first fault matching the request, counting this request against its `times`. */
  take(method: string, pathname: string): Fault | null {
    const hit = this.active.find(
      ({ fault, remaining }) =>
        remaining > 0 &&
        (fault.method === undefined || fault.method.toUpperCase() === method) &&
        pathMatches(fault.path, pathname)
    )
    if (!hit) return null
    hit.remaining -= 1
    this.active = this.active.filter(entry => entry.remaining > 0)
    return hit.fault
  }
}

function pathMatches(path: string | RegExp, pathname: string): boolean {
  if (typeof path === 'string') return path === pathname
  path.lastIndex = 0 // a /g pattern would otherwise remember where its last match ended
  return path.test(pathname)
}

/** A fault that only delays lets the real response through afterwards. */
export function isDelayOnly(fault: Fault): boolean {
  return (
    fault.delayMs !== undefined &&
    fault.status === undefined &&
    fault.retryAfter === undefined &&
    fault.rateLimitReset === undefined &&
    fault.reset !== true &&
    fault.html !== true &&
    fault.body === undefined
  )
}

export function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 503
  const headers: Record<string, string> = {}
  if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter
  if (fault.rateLimitReset !== undefined)
    headers['X-RateLimit-Reset'] = String(fault.rateLimitReset)
  if (fault.html) {
    return {
      status,
      headers,
      contentType: 'text/html; charset=utf-8',
      text: fault.body ?? htmlPage(status)
    }
  }
  if (fault.body !== undefined) {
    return { status, headers, contentType: contentTypeOf(fault.body), text: fault.body }
  }
  return { status, headers, json: { error: `Injected fault: HTTP ${status}` } }
}

function contentTypeOf(body: string): string {
  try {
    JSON.parse(body)
    return 'application/json; charset=utf-8'
  } catch {
    return 'text/plain; charset=utf-8'
  }
}

function htmlPage(status: number): string {
  const title = status === 502 ? '502 Bad Gateway' : `${status} Error`
  return `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`
}

/**
 * A fault at its moment (before the real handling, or after it with `after`): waits its delay,
 * then says whether it replaces the answer.
 */
export async function faultStrikes(
  fault: Fault | null,
  after: boolean,
  wait: (ms: number | undefined) => Promise<void>
): Promise<boolean> {
  if (!fault || Boolean(fault.after) !== after) return false
  await wait(fault.delayMs)
  return !isDelayOnly(fault)
}
