// NetlifyClient: one typed method per endpoint of ../shared/reference/agent-runners-api.md, plus
// the site. Requests, retries and errors are ./requester.ts's; this file only says what each
// endpoint takes and returns.
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { NetlifyApiError } from './errors.js'
import type { PaceView } from './rate-pacing.js'
import {
  DEFAULT_API_URL,
  readJson,
  Requester,
  type Query,
  type RateLimit,
  type RequesterOptions,
  type ServerClock
} from './requester.js'
import type {
  AgentRunner,
  AgentRunnerSession,
  CreateRunnerBody,
  CreateSessionBody,
  DeleteUrl,
  DeleteUrlBody,
  DiffUploadUrls,
  ListRunnersParams,
  ListSessionsParams,
  RunnerDiffParams,
  Site,
  UpdateRunnerBody,
  UpdateSessionBody,
  UploadUrl,
  UploadUrlBody
} from './types.js'

export { DEFAULT_API_URL }
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

/** One page of a list, and the number of the next page if the `Link` header names one. */
export interface Page<T> {
  items: T[]
  nextPage: number | undefined
}

export type NetlifyClientOptions = Omit<RequesterOptions, 'apiUrl' | 'userAgent'> & {
  apiUrl?: string
  userAgent?: string
}

/** The page number of the `rel="next"` link of a `Link` header. */
export function nextPageOf(link: string | string[] | undefined): number | undefined {
  const value = Array.isArray(link) ? link.join(', ') : link
  for (const part of (value ?? '').split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="?next"?/)
    if (!match?.[1]) continue
    const page = new URL(match[1], 'http://netlify.invalid').searchParams.get('page')
    if (page !== null && /^\d+$/.test(page)) return Number(page)
  }
  return undefined
}

const enc = encodeURIComponent

export class NetlifyClient {
  private readonly requester: Requester

  constructor(options: NetlifyClientOptions) {
    this.requester = new Requester({
      ...options,
      apiUrl: options.apiUrl ?? DEFAULT_API_URL,
      userAgent: options.userAgent ?? USER_AGENT
    })
  }

  /** What Netlify's rate-limit headers said last. */
  get rateLimit(): Readonly<RateLimit> {
    return this.requester.rateLimit
  }

  /** What the pace of requests is decided on (./rate-pacing.ts); undefined before the headers. */
  get pacing(): PaceView | undefined {
    return this.requester.pacer.view
  }

  /** Netlify's clock, from the first answer's `Date` header; undefined before one. */
  get serverClock(): ServerClock | undefined {
    return this.requester.serverClock
  }

  /** Epoch ms after which no retry is started. */
  set deadline(value: number | undefined) {
    this.requester.deadline = value
  }

  close(): void {
    this.requester.close()
  }

  // Site

  getSite(siteId: string): Promise<Site> {
    return this.requester.json('GET', `/sites/${enc(siteId)}`)
  }

  // Agent runners

  listRunners(params: ListRunnersParams): Promise<Page<AgentRunner>> {
    return this.page('/agent_runners', { ...params })
  }

  getRunner(runnerId: string): Promise<AgentRunner> {
    return this.requester.json('GET', `/agent_runners/${enc(runnerId)}`)
  }

  /** Starts a run. Never retried once sent: a repeat could start a second paid run. */
  createRunner(siteId: string, body: CreateRunnerBody): Promise<AgentRunner> {
    return this.requester.json('POST', '/agent_runners', { query: { site_id: siteId }, json: body })
  }

  updateRunner(runnerId: string, body: UpdateRunnerBody): Promise<AgentRunner> {
    return this.requester.json('PATCH', `/agent_runners/${enc(runnerId)}`, { json: body })
  }

  /** Stops the runner's active session. */
  stopRunner(runnerId: string): Promise<void> {
    return this.requester.empty('DELETE', `/agent_runners/${enc(runnerId)}`)
  }

  archiveRunner(runnerId: string): Promise<void> {
    return this.requester.empty('POST', `/agent_runners/${enc(runnerId)}/archive`)
  }

  /** Reverts to `sessionId`; later sessions are discarded. */
  revertRunner(runnerId: string, sessionId: string): Promise<AgentRunner> {
    return this.requester.json('POST', `/agent_runners/${enc(runnerId)}/revert`, {
      json: { session_id: sessionId }
    })
  }

  /** Rebases onto the current production deploy (sites without git); returns the new session. */
  rebaseRunner(runnerId: string): Promise<AgentRunnerSession> {
    return this.requester.json('POST', `/agent_runners/${enc(runnerId)}/rebase`)
  }

  /** Streams the runner's diff to `file`; the bytes written, or null when there is no diff (404). */
  downloadRunnerDiff(
    runnerId: string,
    file: string,
    params: RunnerDiffParams = {}
  ): Promise<number | null> {
    return this.download(`/agent_runners/${enc(runnerId)}/diff`, file, { ...params })
  }

  /** Asks Netlify to open (or update) the pull request; it is made asynchronously. */
  createPullRequest(runnerId: string): Promise<AgentRunner> {
    return this.requester.json('POST', `/agent_runners/${enc(runnerId)}/pull_request`)
  }

  /** Asks Netlify to commit the runner's changes to `targetBranch`; done asynchronously. */
  commitToBranch(runnerId: string, targetBranch: string): Promise<AgentRunner> {
    return this.requester.json('POST', `/agent_runners/${enc(runnerId)}/commit`, {
      json: { target_branch: targetBranch }
    })
  }

  createUploadUrl(body: UploadUrlBody): Promise<UploadUrl> {
    return this.requester.json('POST', '/agent_runners/upload_url', { json: body })
  }

  createDeleteUrl(body: DeleteUrlBody): Promise<DeleteUrl> {
    return this.requester.json('POST', '/agent_runners/delete_url', { json: body })
  }

  /** PUTs a file's bytes to a presigned upload URL (not Netlify's API: no token is sent). */
  uploadFile(uploadUrl: string, bytes: Buffer, contentType: string): Promise<void> {
    return this.requester.empty('PUT', '', { externalUrl: uploadUrl, body: bytes, contentType })
  }

  /** DELETEs an uploaded file through a presigned delete URL (no token is sent). */
  deleteUploadedFile(deleteUrl: string): Promise<void> {
    return this.requester.empty('DELETE', '', { externalUrl: deleteUrl })
  }

  // Sessions

  listSessions(
    runnerId: string,
    params: ListSessionsParams = {}
  ): Promise<Page<AgentRunnerSession>> {
    return this.page(`/agent_runners/${enc(runnerId)}/sessions`, { ...params })
  }

  getSession(runnerId: string, sessionId: string): Promise<AgentRunnerSession> {
    return this.requester.json('GET', this.sessionPath(runnerId, sessionId))
  }

  /** Starts a follow-up session. Never retried once sent, like createRunner. */
  createSession(runnerId: string, body: CreateSessionBody): Promise<AgentRunnerSession> {
    return this.requester.json('POST', `/agent_runners/${enc(runnerId)}/sessions`, { json: body })
  }

  updateSession(
    runnerId: string,
    sessionId: string,
    body: UpdateSessionBody
  ): Promise<AgentRunnerSession> {
    return this.requester.json('PATCH', this.sessionPath(runnerId, sessionId), { json: body })
  }

  stopSession(runnerId: string, sessionId: string): Promise<void> {
    return this.requester.empty('DELETE', this.sessionPath(runnerId, sessionId))
  }

  /** Rebuilds a done session's preview without inference; returns the new session. */
  redeploySession(runnerId: string, sessionId: string): Promise<AgentRunnerSession> {
    return this.requester.json('POST', `${this.sessionPath(runnerId, sessionId)}/redeploy`)
  }

  // Session diffs

  /** Streams this session's own diff to `file`; the bytes written, or null when there is none. */
  downloadResultDiff(runnerId: string, sessionId: string, file: string): Promise<number | null> {
    return this.download(`${this.sessionPath(runnerId, sessionId)}/diff/result`, file)
  }

  /** Streams all changes up to this session to `file`; the bytes written, or null when none. */
  downloadCumulativeDiff(
    runnerId: string,
    sessionId: string,
    file: string
  ): Promise<number | null> {
    return this.download(`${this.sessionPath(runnerId, sessionId)}/diff/cumulative`, file)
  }

  createDiffUploadUrls(runnerId: string, sessionId: string): Promise<DiffUploadUrls> {
    return this.requester.json('POST', `${this.sessionPath(runnerId, sessionId)}/diff/upload_urls`)
  }

  private sessionPath(runnerId: string, sessionId: string): string {
    return `/agent_runners/${enc(runnerId)}/sessions/${enc(sessionId)}`
  }

  private page<T>(path: string, query: Query): Promise<Page<T>> {
    return this.requester.call('GET', path, { query }, async res => {
      const items = await readJson<T[]>(res)
      return { items, nextPage: nextPageOf(res.headers.link) }
    })
  }

  private async download(path: string, file: string, query: Query = {}): Promise<number | null> {
    try {
      return await this.requester.call('GET', path, { query, accept: 'text/plain' }, async res => {
        // Each attempt starts the file afresh, so a retried download is never appended to.
        const out = createWriteStream(file, { flags: 'w' })
        await pipeline(res.body, out)
        return out.bytesWritten
      })
    } catch (err) {
      if (err instanceof NetlifyApiError && err.status === 404) return null
      throw err
    }
  }
}
