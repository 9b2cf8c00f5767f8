// The HTTP side of the fake GitHub API: listening on 127.0.0.1, logging every request, applying
// injected faults, token auth and the rate limit, then handing the request to the routes.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { FaultList, faultStrikes } from '../fake-netlify/faults.js'
import {
  listenOnLoopback,
  parseJsonBody,
  queryRecord,
  readBody,
  sendReply,
  type Reply
} from '../fake-netlify/http-io.js'
import { RateLimiter } from '../fake-netlify/rate-limit.js'
import type { RateLimit } from '../fake-netlify/scenario.js'
import type { LoggedRequest } from '../fake-netlify/server.js'
import { errorReply, githubFaultReply, type GitHubFault } from './errors.js'
import { bodyFormat, mediaTypeHeader, withBodies, type BodyFormat } from './media-type.js'
import { dispatch } from './routes.js'
import {
  FakeStore,
  type SeedComment,
  type SeedIssue,
  type SeedPull,
  type SeedReviewComment
} from './store.js'
import type {
  Issue,
  IssueComment,
  PullRequest,
  Reaction,
  ReactionContent,
  ReviewComment,
  RoleName
} from './types.js'
import type { WorkflowRunRecord } from './records.js'
import { Users } from './users.js'
import { Views } from './views.js'

export type { LoggedRequest }

export interface FakeGitHubOptions {
  /** Accepted as `Authorization: token <t>` or `Bearer <t>`. Default 'ghs_fake-github-token'. */
  token?: string
  /** Default 'octo-org'; the owner is an admin unless `permissions` says otherwise. */
  owner?: string
  /** Default 'octo-repo'. */
  repo?: string
  /** Who the token acts as: the author of comments and reactions it creates. A login ending in
   * '[bot]' is a Bot. Default 'github-actions[bot]'. */
  botLogin?: string
  /** Repository roles by login; these users exist even without any issue or comment. */
  permissions?: Record<string, RoleName>
  /** Private repositories give existing non-collaborators 'none' instead of 'read'. */
  private?: boolean
  /** Default 'main'. */
  defaultBranch?: string
  /** Where html_url fields point. Default 'https://github.com'. */
  webUrl?: string
  /** 'read' answers every change with 403, like GITHUB_TOKEN on a pull request from a fork. */
  tokenAccess?: 'read' | 'write'
  issues?: SeedIssue[]
  pulls?: SeedPull[]
  comments?: SeedComment[]
  reviewComments?: SeedReviewComment[]
  /** Default 5000 requests an hour. Beyond it: 403 with x-ratelimit-remaining: 0. */
  rateLimit?: RateLimit
  /** Default 0: any free port. */
  port?: number
  /** Called once each request has been answered (or reset). */
  onRequest?: (request: LoggedRequest) => void
}

export interface FakeGitHub {
  /** 'http://127.0.0.1:PORT', without a trailing slash: the value for GITHUB_API_URL. */
  url: string
  token: string
  owner: string
  repo: string
  botLogin: string
  /** Every request in arrival order, faulted and refused ones included. */
  requests: LoggedRequest[]
  /** Every issue comment of every issue and pull request, oldest first, as the API renders it. */
  comments(): IssueComment[]
  /** [] for an unknown issue. */
  issueComments(issueNumber: number): IssueComment[]
  /** Review comments of one pull request, or of all of them. */
  reviewComments(pullNumber?: number): ReviewComment[]
  /** Reactions to an issue comment or a review comment (their ids never collide); [] if unknown. */
  reactions(commentId: number): Reaction[]
  /** Reactions to the issue or pull request itself. */
  issueReactions(issueNumber: number): Reaction[]
  /** A reaction by `user` (someone other than the token's user, say) to an issue or a comment. */
  addReaction(
    on: { issue: number } | { comment: number },
    content: ReactionContent,
    user: string
  ): Reaction
  /** Throws for an unknown number. */
  issue(issueNumber: number): Issue
  /** Throws for an unknown number or an issue that is not a pull request. */
  pull(pullNumber: number): PullRequest
  addIssue(seed: SeedIssue): Issue
  addPull(seed: SeedPull): PullRequest
  addComment(seed: SeedComment): IssueComment
  addReviewComment(seed: SeedReviewComment): ReviewComment
  /** Edits an issue's body, as its author would after the event that carried the old one. */
  editIssue(issueNumber: number, body: string): Issue
  /** Edits an issue comment's or a review comment's body (their ids never collide). */
  editComment(commentId: number, body: string): void
  /** null forgets the user, so the permission endpoint answers 404 for them. */
  setPermission(login: string, role: RoleName | null): void
  setTokenAccess(access: 'read' | 'write'): void
  /**
   * Creates or changes an attempt of a workflow run (default 1), which GET
   * /actions/runs/{id}/attempts/{n} then answers (404 before): it began when first set (or at
   * `startedAt`), and changed now. A new attempt completes the earlier ones.
   */
  setWorkflowRun(
    id: number,
    status: 'queued' | 'in_progress' | 'completed',
    more?: { conclusion?: string; attempt?: number; startedAt?: number }
  ): void
  injectFault(fault: GitHubFault): void
  clearFaults(): void
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>
}

const DEFAULT_RATE_LIMIT: RateLimit = { limit: 5000, windowMs: 60 * 60 * 1000 }

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'ghs_fake-github-token'
  const owner = options.owner ?? 'octo-org'
  const repo = options.repo ?? 'octo-repo'
  const botLogin = options.botLogin ?? 'github-actions[bot]'
  const isPrivate = options.private ?? false
  const defaultBranch = options.defaultBranch ?? 'main'
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT
  let tokenAccess = options.tokenAccess ?? 'write'

  const users = new Users({ owner, isPrivate, roles: options.permissions ?? {} })
  users.remember(botLogin)
  const store = new FakeStore({ owner, repo, defaultBranch, users })
  for (const seed of options.issues ?? []) store.addIssue(seed)
  for (const seed of options.pulls ?? []) store.addPull(seed)
  for (const seed of options.comments ?? []) store.addComment(seed)
  for (const seed of options.reviewComments ?? []) store.addReviewComment(seed)

  const web = options.webUrl ?? 'https://github.com'
  const requests: LoggedRequest[] = []
  const faults = new FaultList()
  const limiter = new RateLimiter()
  const closing = new AbortController()
  let baseUrl = ''

  function authError(authorization: string): Reply | null {
    const presented = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization)?.[1]
    if (presented === undefined) return errorReply(401, 'Requires authentication')
    if (presented !== token) return errorReply(401, 'Bad credentials')
    return null
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', baseUrl)
    const raw = await readBody(req)
    const { body, invalid } = parseJsonBody(raw)
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

    const denied = authError(req.headers.authorization ?? '')
    // Refused requests cost nothing, as on GitHub, where they are not the token's.
    const limit = denied ? null : limiter.hit(rateLimit, at)
    const format = bodyFormat(req.headers.accept)
    const answer = async (reply: Reply) => {
      entry.status = reply.status
      const headers = { ...githubHeaders(format), ...rateLimitHeaders(limit), ...reply.headers }
      const json = reply.status < 300 ? withBodies(reply.json, format, web) : reply.json
      await sendReply(res, { ...reply, headers, ...(json === undefined ? {} : { json }) })
    }
    const answerWithFault = async (injected: GitHubFault) => {
      if (injected.reset) {
        req.socket.resetAndDestroy()
        return
      }
      await answer(githubFaultReply(injected))
    }

    const fault = faults.take(method, url.pathname) as GitHubFault | null
    if (fault && (await faultStrikes(fault, false, wait))) return answerWithFault(fault)
    let reply: Reply
    if (denied) {
      reply = denied
    } else if (limit?.exceeded) {
      reply = errorReply(403, 'API rate limit exceeded for installation ID 1.')
    } else if (invalid) {
      reply = errorReply(400, 'Problems parsing JSON')
    } else {
      reply = dispatch(
        { store, views, users, owner, repo, url, body, actor: botLogin, tokenAccess },
        method
      )
    }
    if (fault && (await faultStrikes(fault, true, wait))) return answerWithFault(fault)
    await answer(reply)
  }

  async function wait(ms: number | undefined): Promise<void> {
    if (ms) await sleep(ms, undefined, { signal: closing.signal })
  }

  const listening = await listenOnLoopback(handle, options.port)
  const { server } = listening
  baseUrl = listening.baseUrl
  const views = new Views({
    api: baseUrl,
    web,
    owner,
    repo,
    isPrivate,
    defaultBranch,
    users,
    store
  })

  const orEmpty = <T>(read: () => T[]): T[] => {
    try {
      return read()
    } catch {
      return []
    }
  }
  const orThrow = <T>(read: () => T, what: string): T => {
    try {
      return read()
    } catch {
      throw new Error(`The fake GitHub has no ${what}`)
    }
  }

  return {
    url: baseUrl,
    token,
    owner,
    repo,
    botLogin,
    requests,
    comments: () => store.allComments().map(c => views.comment(c)),
    issueComments: n => orEmpty(() => store.commentsOf(n).map(c => views.comment(c))),
    reviewComments: n =>
      orEmpty(() =>
        (n === undefined ? store.allReviewComments() : store.reviewCommentsOf(n)).map(c =>
          views.reviewComment(c)
        )
      ),
    reactions: id => (store.reactable(id)?.reactions ?? []).map(r => views.reaction(r)),
    issueReactions: n => orEmpty(() => store.issue(n).reactions.map(r => views.reaction(r))),
    addReaction: (on, content, user) => {
      const target = 'issue' in on ? store.issue(on.issue) : store.reactable(on.comment)
      if (!target) throw new Error(`The fake GitHub has no comment ${JSON.stringify(on)}`)
      return views.reaction(store.react(target, content, user).reaction)
    },
    issue: n => orThrow(() => views.issue(store.issue(n)), `issue #${n}`),
    pull: n => orThrow(() => views.pull(store.pull(n)), `pull request #${n}`),
    addIssue: seed => views.issue(store.addIssue(seed)),
    addPull: seed => {
      const { number } = store.addPull(seed)
      return views.pull(store.pull(number))
    },
    addComment: seed => views.comment(store.addComment(seed)),
    addReviewComment: seed => views.reviewComment(store.addReviewComment(seed)),
    editIssue: (n, body) => views.issue(store.editIssue(n, body)),
    editComment: (id, body) => store.editBody(id, body),
    setPermission: (login, role) => users.setRole(login, role),
    setTokenAccess: access => {
      tokenAccess = access
    },
    setWorkflowRun: (id, status, more = {}) => {
      const attempts = store.workflowRuns.get(id) ?? new Map<number, WorkflowRunRecord>()
      store.workflowRuns.set(id, attempts)
      const attempt = more.attempt ?? 1
      const now = Date.now()
      const record = (n: number, state: typeof status, conclusion?: string): void => {
        const earlier = attempts.get(n)
        attempts.set(n, {
          id,
          status: state,
          conclusion: state === 'completed' ? (conclusion ?? 'success') : null,
          attempt: n,
          startedAt: (n === attempt ? more.startedAt : undefined) ?? earlier?.startedAt ?? now,
          updatedAt:
            earlier?.status === 'completed' && state === 'completed' ? earlier.updatedAt : now
        })
      }
      for (const n of attempts.keys()) {
        if (n < attempt) record(n, 'completed', attempts.get(n)?.conclusion ?? undefined)
      }
      record(attempt, status, more.conclusion)
    },
    injectFault: fault => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>(resolve => {
        closing.abort()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** The JSON body, or the raw text (for the log) when it is not JSON. */

function githubHeaders(format: BodyFormat): Record<string, string> {
  return {
    'X-GitHub-Media-Type': mediaTypeHeader(format),
    'X-GitHub-Api-Version-Selected': '2022-11-28',
    'X-GitHub-Request-Id': randomBytes(8).toString('hex').toUpperCase()
  }
}

/** GitHub's five x-ratelimit headers; the limiter gives three, the other two follow from them. */
function rateLimitHeaders(limit: ReturnType<RateLimiter['hit']>): Record<string, string> {
  if (!limit) return {}
  const max = Number(limit.headers['X-RateLimit-Limit'])
  const remaining = Number(limit.headers['X-RateLimit-Remaining'])
  return {
    ...limit.headers,
    'X-RateLimit-Used': String(max - remaining),
    'X-RateLimit-Resource': 'core'
  }
}
