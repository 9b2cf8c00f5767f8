// What a failed Netlify request tells the user: the status, the request, the server's words, and
// for the statuses a user can fix, what to do about it.
import type { RetryEvent } from './requester.js'

/** The server's message from an error body: `error`, else `message`, else nothing. */
export function serverMessage(body: string, contentType: string | undefined): string | undefined {
  const text = body.trim()
  if (text === '') return undefined
  const looksJson = (contentType ?? '').includes('json') || text.startsWith('{')
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object') {
        const { error, message } = parsed as { error?: unknown; message?: unknown }
        if (typeof error === 'string' && error !== '') return error
        if (typeof message === 'string' && message !== '') return message
        return undefined
      }
    } catch {
      // Not JSON after all; fall through to the plain-text rule.
    }
  }
  // An HTML page (a proxy's or a load balancer's) says nothing useful in its markup.
  if (/^<(!doctype|html)/i.test(text)) return undefined
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

interface ResourceIds {
  site?: string
  runner?: string
  session?: string
}

/** Which site, runner or session a path (and its query) names. */
export function resourcesOf(path: string): ResourceIds {
  const url = new URL(path, 'http://netlify.invalid')
  const ids: ResourceIds = {}
  const site = url.pathname.match(/\/sites\/([^/]+)/)
  if (site?.[1]) ids.site = decodeURIComponent(site[1])
  const querySite = url.searchParams.get('site_id')
  if (querySite) ids.site = querySite
  const runner = url.pathname.match(/\/agent_runners\/([^/]+)/)
  if (runner?.[1] && !['upload_url', 'delete_url'].includes(runner[1])) {
    ids.runner = decodeURIComponent(runner[1])
  }
  const session = url.pathname.match(/\/sessions\/([^/]+)/)
  if (session?.[1]) ids.session = decodeURIComponent(session[1])
  return ids
}

/** A sentence telling the user what to do about a status, where there is one. */
export function adviceFor(status: number, method: string, path: string): string | undefined {
  switch (status) {
    case 401:
      return 'The Netlify token is missing, wrong or expired: create a personal access token under User settings > Applications in Netlify and pass it as `netlify-auth-token` (from a secret).'
    case 403:
      return 'The account cannot run agents right now: check that its plan includes Agent Runners and that it has credits left (Team settings > Billing).'
    case 404: {
      const { site, runner, session } = resourcesOf(path)
      if (session) {
        return `Session ${session} of agent runner ${runner} was not found: check \`session-id\`, and that the session belongs to that runner.`
      }
      if (runner) {
        return `Agent runner ${runner} was not found: check \`agent-runner-id\`, and that the token's user can see that site.`
      }
      if (site) {
        return `Site ${site} was not found, or Agent Runners are not enabled for it: check \`site-id\` (Site configuration > Site details > Site ID) and that the token's user is a member of its team.`
      }
      return undefined
    }
    case 409:
      return 'The agent runner already has an active session: wait for it to finish, or stop it, before starting another.'
    case 422: {
      const { runner } = resourcesOf(path)
      if (method === 'POST' && !runner) {
        return 'Netlify could not start from that deploy: check that `deploy-id` names an existing deploy of the site, or leave it empty to start from the branch.'
      }
      return 'Netlify refused the request as it stands; the message above says why.'
    }
    default:
      return undefined
  }
}

/** A Netlify API request that got an answer, and the answer was not a success. */
export class NetlifyApiError extends Error {
  override readonly name = 'NetlifyApiError'

  constructor(
    readonly status: number,
    readonly method: string,
    /** The path and query, never the host: the error may be shown and logged. */
    readonly path: string,
    /** The server's own message, if it gave one. */
    readonly serverMessage: string | undefined,
    statusText: string
  ) {
    const said = serverMessage ?? (statusText || `HTTP ${status}`)
    const advice = adviceFor(status, method, path)
    super(
      `Netlify API ${method} ${path} failed with ${status}: ${said}${advice ? `. ${advice}` : ''}`
    )
  }
}

/** Where a request went, for the sentence about a request that got no answer at all. */
export interface Destination {
  /** Netlify's host (and port); undefined for a presigned upload URL, whose host is not shown. */
  host: string | undefined
  /** Whether the `api-url` input chose that host (it is not the default). */
  fromInput: boolean
}

/** How a sentence about a request that got no answer begins: who, and where. */
export function noAnswer(to: Destination, requestSent: boolean): string {
  const who = to.host === undefined ? 'The upload URL' : 'Netlify'
  const where =
    to.host === undefined ? '' : ` at ${to.host}${to.fromInput ? ' (from input `api-url`)' : ''}`
  return `${who} ${requestSent ? 'did not answer' : 'could not be reached'}${where}`
}

/** A Netlify API request that got no usable answer: the connection failed, was cut or timed out. */
export class NetlifyNetworkError extends Error {
  override readonly name = 'NetlifyNetworkError'

  constructor(
    readonly code: string,
    readonly method: string,
    readonly path: string,
    /** Whether the request was written out in full before it failed (the server may have acted on it). */
    readonly requestSent: boolean,
    detail: string,
    /** Where the request went, when no answer came at all (not when one came cut off or unreadable). */
    unanswered?: Destination
  ) {
    super(
      unanswered
        ? `${noAnswer(unanswered, requestSent)}: ${method} ${path}: ${detail} (${code})`
        : `Netlify API ${method} ${path} failed: ${detail} (${code})`
    )
  }
}

/** The log line for a failed attempt that is about to be repeated. */
export function retryNotice(e: RetryEvent): string {
  const what = e.noAnswer
    ? `${e.noAnswer}: ${e.method} ${e.path} (${e.reason})`
    : `Netlify answered ${e.method} ${e.path} with ${e.reason}`
  return `${what}; trying again in ${(e.delayMs / 1000).toFixed(1)} s (attempt ${e.attempt + 1}).`
}

/**
 * A refusal the reference documents for an endpoint, in a sentence for the user (with Netlify's
 * own words). Anything else is returned as it was.
 */
export function explainRefusal(err: unknown, sentences: Partial<Record<number, string>>): unknown {
  if (!(err instanceof NetlifyApiError)) return err
  const sentence = sentences[err.status]
  if (sentence === undefined) return err
  const said = err.serverMessage ? ` (Netlify said: ${err.serverMessage})` : ''
  return new Error(`${sentence}${said}`, { cause: err })
}
