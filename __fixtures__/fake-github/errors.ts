// GitHub's error bodies: {message, documentation_url, status}, plus `errors` for 422s. Route
// handlers throw GitHubError; the server turns it, and injected faults, into such a reply.
import { STATUS_CODES } from 'node:http'
import type { Fault } from '../fake-netlify/faults.js'
import { faultReply } from '../fake-netlify/faults.js'
import { ApiError, type Reply } from '../fake-netlify/http-io.js'

export const DOCS_URL = 'https://docs.github.com/rest'

export interface ValidationIssue {
  resource: string
  field: string
  code: 'missing_field' | 'invalid' | 'custom' | 'already_exists'
  message?: string
}

export class GitHubError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly errors?: ValidationIssue[],
    readonly documentationUrl = DOCS_URL
  ) {
    super(status, message)
  }
}

export const notFound = () => new GitHubError(404, 'Not Found')

export function validationFailed(issue: ValidationIssue): GitHubError {
  return new GitHubError(422, 'Validation Failed', [issue])
}

export function errorReply(
  status: number,
  message: string,
  errors?: ValidationIssue[],
  documentationUrl = DOCS_URL
): Reply {
  const json = { message, ...(errors ? { errors } : {}), documentation_url: documentationUrl }
  return { status, json: { ...json, status: String(status) } }
}

export function replyFor(error: unknown): Reply {
  if (error instanceof GitHubError) {
    return errorReply(error.status, error.message, error.errors, error.documentationUrl)
  }
  if (error instanceof ApiError) return errorReply(error.status, error.message)
  return errorReply(500, error instanceof Error ? error.message : String(error))
}

/** A Netlify-style fault plus headers of its own, e.g. x-ratelimit-remaining: 0. */
export interface GitHubFault extends Fault {
  headers?: Record<string, string>
}

/** The fault's reply, with GitHub's error body instead of Netlify's when it has no body of its own. */
export function githubFaultReply(fault: GitHubFault): Reply {
  const reply = faultReply(fault)
  // GitHub pairs a reset time with nothing remaining; the fault's own headers still win.
  const exhausted: Record<string, string> =
    fault.rateLimitReset === undefined ? {} : { 'X-RateLimit-Remaining': '0' }
  const headers = { ...exhausted, ...reply.headers, ...fault.headers }
  if (reply.json === undefined) return { ...reply, headers }
  return { ...errorReply(reply.status, STATUS_CODES[reply.status] ?? 'Error'), headers }
}
