// What went wrong, in one stable word a workflow can branch on (the `error-kind` output). Pure:
// from the error that ended the step, or from how the session ended.
import { DeliveryError } from '../deliver.js'
import { NetlifyApiError, NetlifyNetworkError } from '../netlify/errors.js'
import { InputError } from '../settings/input-error.js'
import type { Outcome } from './run-report.js'

export const ERROR_KINDS = [
  'input',
  'auth',
  'plan',
  'not-found',
  'conflict',
  'rejected',
  'netlify-unavailable',
  'rate-limited',
  'agent-error',
  'cancelled',
  'timed-out',
  'delivery',
  'protected-paths',
  'github',
  'internal'
] as const

export type ErrorKind = (typeof ERROR_KINDS)[number]

/** An error of ours that names its kind, where neither its class nor a status would. */
export class ClassifiedError extends Error {
  override readonly name: string = 'ClassifiedError'
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

/** What a Netlify status means, once the retries are spent. */
export function errorKindOfStatus(status: number): ErrorKind {
  if (status >= 500) return 'netlify-unavailable'
  switch (status) {
    case 400:
    case 422:
      return 'rejected'
    case 401:
      return 'auth'
    case 403:
      return 'plan'
    case 404:
      return 'not-found'
    case 409:
      return 'conflict'
    case 429:
      return 'rate-limited'
    default:
      return 'internal'
  }
}

/** Octokit's RequestError, recognized without loading Octokit (it is loaded only on events). */
function isGitHubError(err: Error): boolean {
  return err.name === 'HttpError' && typeof (err as { status?: unknown }).status === 'number'
}

function kindOfOne(err: unknown): ErrorKind | undefined {
  if (err instanceof ClassifiedError) return err.kind
  if (err instanceof InputError) return 'input'
  if (err instanceof DeliveryError) return err.timedOut ? 'timed-out' : 'delivery'
  if (err instanceof NetlifyApiError) return errorKindOfStatus(err.status)
  if (err instanceof NetlifyNetworkError) {
    return err.code === 'ABORTED' ? 'cancelled' : 'netlify-unavailable'
  }
  if (err instanceof Error && isGitHubError(err)) return 'github'
  return undefined
}

/**
 * The kind of the error that ended the step. An error that explains another (Netlify's refusal in
 * a sentence, a failed upload) has it as its `cause`, which is read in turn. After the workflow
 * was cancelled, whatever failed failed because of that.
 */
export function errorKindOf(err: unknown, context: { cancelled?: boolean } = {}): ErrorKind {
  if (context.cancelled) return 'cancelled'
  const seen = new Set<unknown>()
  for (let e: unknown = err; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e)
    const kind = kindOfOne(e)
    if (kind) return kind
  }
  return 'internal'
}

/** The kind of how a session ended; undefined for the endings where nothing went wrong. */
export function errorKindOfSession(outcome: Outcome): ErrorKind | undefined {
  switch (outcome) {
    case 'failure':
      return 'agent-error'
    case 'cancelled':
      return 'cancelled'
    case 'timed-out':
      return 'timed-out'
    default:
      return undefined
  }
}
