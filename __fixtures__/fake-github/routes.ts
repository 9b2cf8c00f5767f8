// The API's endpoints under /repos/{owner}/{repo}: each parses its request, asks the store, and
// renders the answer. Only the fake's own repository exists; any other answers 404.
import type { Reply } from '../fake-netlify/http-io.js'
import { matchRoute, route, type Params, type Route } from '../fake-netlify/router.js'
import { GitHubError, errorReply, notFound, replyFor, validationFailed } from './errors.js'
import { pageReply } from './paging.js'
import type { IssueRecord, PullRecord, Reactable } from './records.js'
import type { FakeStore } from './store.js'
import type { ReactionContent } from './types.js'
import type { Users } from './users.js'
import type { Views } from './views.js'

/** GitHub's limit on comment bodies, counted in characters (code points), as Ruby counts. */
export const MAX_BODY_CHARS = 65536

export const REACTION_CONTENTS: readonly ReactionContent[] = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'rocket',
  'eyes'
]

export interface RequestContext {
  store: FakeStore
  views: Views
  users: Users
  owner: string
  repo: string
  /** The request URL, for Link headers and query parameters. */
  url: URL
  body: unknown
  /** The login the token acts as. */
  actor: string
  /** 'read' refuses every change, as GITHUB_TOKEN does on a pull request from a fork. */
  tokenAccess: 'read' | 'write'
}

type ApiRoute = Route<RequestContext, Reply>

const repoRoute = (method: string, path: string, handle: ApiRoute['handle']): ApiRoute =>
  route(method, `/repos/:owner/:repo${path}`, handle)

const json = (value: unknown, status = 200): Reply => ({ status, json: value })
const NO_CONTENT: Reply = { status: 204 }

function field(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  return (body as Record<string, unknown>)[name]
}

function invalidRequest(detail: string): GitHubError {
  return new GitHubError(422, `Invalid request.\n\n${detail}`)
}

/** The `body` of a comment request, refused as GitHub refuses it. */
function commentText(body: unknown, resource: string): string {
  const value = field(body, 'body')
  if (value === undefined || value === null) throw invalidRequest('"body" wasn\'t supplied.')
  if (typeof value !== 'string') {
    throw invalidRequest(`For 'properties/body', ${JSON.stringify(value)} is not a string.`)
  }
  if (value.trim() === '')
    throw validationFailed({ resource, field: 'body', code: 'missing_field' })
  if ([...value].length > MAX_BODY_CHARS) {
    throw validationFailed({
      resource,
      field: 'body',
      code: 'custom',
      message: `Body is too long (maximum is ${MAX_BODY_CHARS} characters)`
    })
  }
  return value
}

function reactionContent(body: unknown): ReactionContent {
  const value = field(body, 'content')
  if (value === undefined || value === null) throw invalidRequest('"content" wasn\'t supplied.')
  if (!REACTION_CONTENTS.includes(value as ReactionContent)) {
    throw validationFailed({ resource: 'Reaction', field: 'content', code: 'invalid' })
  }
  return value as ReactionContent
}

/** GET, POST and DELETE of reactions on whatever `target` finds at `path`. */
function reactionRoutes(
  path: string,
  target: (ctx: RequestContext, params: Params) => Reactable
): ApiRoute[] {
  return [
    repoRoute('GET', `${path}/reactions`, (ctx, params) => {
      const wanted = ctx.url.searchParams.get('content')
      const reactions = target(ctx, params).reactions.filter(r => !wanted || r.content === wanted)
      return pageReply(
        ctx.url,
        reactions.map(r => ctx.views.reaction(r))
      )
    }),
    repoRoute('POST', `${path}/reactions`, (ctx, params) => {
      const content = reactionContent(ctx.body)
      const { reaction, created } = ctx.store.react(target(ctx, params), content, ctx.actor)
      return json(ctx.views.reaction(reaction), created ? 201 : 200)
    }),
    repoRoute('DELETE', `${path}/reactions/:reaction_id`, (ctx, params) => {
      ctx.store.unreact(target(ctx, params), params.reaction_id ?? '')
      return NO_CONTENT
    })
  ]
}

function sinceFilter(query: URLSearchParams): (item: { updatedAt: number }) => boolean {
  const raw = query.get('since')
  if (!raw) return () => true
  const since = Date.parse(raw)
  if (Number.isNaN(since)) throw invalidRequest(`Invalid value for "since": ${raw}`)
  return item => item.updatedAt >= since
}

const repositoryRoutes: ApiRoute[] = [
  repoRoute('GET', '', ctx => json(ctx.views.repository())),
  repoRoute('GET', '/collaborators/:username/permission', (ctx, params) => {
    const login = ctx.users.find(params.username ?? '')
    if (login === null) throw notFound()
    return json(ctx.views.permission(login))
  }),
  repoRoute('GET', '/actions/runs/:run_id/attempts/:attempt', (ctx, params) =>
    json(
      ctx.views.workflowRun(ctx.store.workflowRunAttempt(params.run_id ?? '', params.attempt ?? ''))
    )
  )
]

// Fixed segments (issues/comments) come before the `:issue_number` routes they would match.
const issueCommentRoutes: ApiRoute[] = [
  repoRoute('GET', '/issues/comments', ctx => {
    const since = sinceFilter(ctx.url.searchParams)
    const comments = ctx.store.allComments().filter(since)
    if (ctx.url.searchParams.get('direction') === 'desc') comments.reverse()
    return pageReply(
      ctx.url,
      comments.map(c => ctx.views.comment(c))
    )
  }),
  repoRoute('GET', '/issues/comments/:comment_id', (ctx, params) =>
    json(ctx.views.comment(ctx.store.comment(params.comment_id ?? '')))
  ),
  repoRoute('PATCH', '/issues/comments/:comment_id', (ctx, params) => {
    const text = commentText(ctx.body, 'IssueComment')
    return json(ctx.views.comment(ctx.store.updateComment(params.comment_id ?? '', text)))
  }),
  repoRoute('DELETE', '/issues/comments/:comment_id', (ctx, params) => {
    ctx.store.deleteComment(params.comment_id ?? '')
    return NO_CONTENT
  }),
  ...reactionRoutes('/issues/comments/:comment_id', (ctx, params) =>
    ctx.store.comment(params.comment_id ?? '')
  )
]

const issueRoutes: ApiRoute[] = [
  repoRoute('GET', '/issues/:issue_number', (ctx, params) =>
    json(ctx.views.issue(ctx.store.issue(params.issue_number ?? '')))
  ),
  repoRoute('GET', '/issues/:issue_number/comments', (ctx, params) => {
    const since = sinceFilter(ctx.url.searchParams)
    const comments = ctx.store.commentsOf(params.issue_number ?? '').filter(since)
    return pageReply(
      ctx.url,
      comments.map(c => ctx.views.comment(c))
    )
  }),
  repoRoute('POST', '/issues/:issue_number/comments', (ctx, params) => {
    const issue = ctx.store.issue(params.issue_number ?? '')
    const text = commentText(ctx.body, 'IssueComment')
    const comment = ctx.views.comment(
      ctx.store.addComment({ issue_number: issue.number, body: text, user: ctx.actor })
    )
    return { ...json(comment, 201), headers: { Location: comment.url } }
  }),
  ...reactionRoutes('/issues/:issue_number', (ctx, params) =>
    ctx.store.issue(params.issue_number ?? '')
  )
]

type PullFilter = (issue: IssueRecord & { pull: PullRecord }) => boolean

/** state (open|closed|all), head (owner:branch; ignored without the owner, as GitHub does), base. */
function pullFilters(query: URLSearchParams): PullFilter[] {
  const filters: PullFilter[] = []
  const state = query.get('state') ?? 'open'
  if (state !== 'all') filters.push(issue => issue.state === state)
  const head = query.get('head')
  const colon = head?.indexOf(':') ?? -1
  if (head && colon > 0) {
    const owner = head.slice(0, colon).toLowerCase()
    const ref = head.slice(colon + 1)
    filters.push(
      ({ pull }) =>
        pull.head.repo?.split('/')[0]?.toLowerCase() === owner && (!ref || pull.head.ref === ref)
    )
  }
  const base = query.get('base')
  if (base) filters.push(({ pull }) => pull.base.ref === base)
  return filters
}

const pullRoutes: ApiRoute[] = [
  repoRoute('GET', '/pulls', ctx => {
    const query = ctx.url.searchParams
    const filters = pullFilters(query)
    const sortParam = query.get('sort') ?? 'created'
    const sort = sortParam === 'updated' ? 'updatedAt' : 'createdAt'
    const direction = query.get('direction') ?? (sortParam === 'created' ? 'desc' : 'asc')
    const pulls = ctx.store
      .issues()
      .flatMap(issue => (issue.pull ? [ctx.store.pull(issue.number)] : []))
      .filter(pull => filters.every(keep => keep(pull)))
      .sort((a, b) => a[sort] - b[sort] || a.number - b.number)
    if (direction === 'desc') pulls.reverse()
    return pageReply(
      ctx.url,
      pulls.map(pull => ctx.views.pullSimple(pull))
    )
  }),
  repoRoute('GET', '/pulls/comments/:comment_id', (ctx, params) =>
    json(ctx.views.reviewComment(ctx.store.reviewComment(params.comment_id ?? '')))
  ),
  ...reactionRoutes('/pulls/comments/:comment_id', (ctx, params) =>
    ctx.store.reviewComment(params.comment_id ?? '')
  ),
  repoRoute('GET', '/pulls/:pull_number', (ctx, params) =>
    json(ctx.views.pull(ctx.store.pull(params.pull_number ?? '')))
  ),
  repoRoute('GET', '/pulls/:pull_number/comments', (ctx, params) => {
    const since = sinceFilter(ctx.url.searchParams)
    const comments = ctx.store.reviewCommentsOf(params.pull_number ?? '').filter(since)
    return pageReply(
      ctx.url,
      comments.map(c => ctx.views.reviewComment(c))
    )
  }),
  repoRoute('POST', '/pulls/:pull_number/comments/:comment_id/replies', (ctx, params) => {
    const text = commentText(ctx.body, 'PullRequestReviewComment')
    const reply = ctx.store.replyToReviewComment(
      params.pull_number ?? '',
      params.comment_id ?? '',
      text,
      ctx.actor
    )
    const comment = ctx.views.reviewComment(reply)
    return { ...json(comment, 201), headers: { Location: comment.url } }
  })
]

/**
 * The token's own user. An installation token (GITHUB_TOKEN, a GitHub App's) is not a user, and
 * GitHub refuses it here; a personal access token gets its user.
 */
const userRoutes: ApiRoute[] = [
  route('GET', '/user', ctx => {
    if (ctx.actor.endsWith('[bot]')) {
      throw new GitHubError(403, 'Resource not accessible by integration')
    }
    return json(ctx.views.user(ctx.actor))
  })
]

const apiRoutes: ApiRoute[] = [
  ...userRoutes,
  ...repositoryRoutes,
  ...issueCommentRoutes,
  ...issueRoutes,
  ...pullRoutes
]

const READ_METHODS = new Set(['GET', 'HEAD'])

/** Answers an API request; unknown routes and other repositories get 404 {"message":"Not Found"}. */
export function dispatch(ctx: RequestContext, method: string): Reply {
  const match = matchRoute(apiRoutes, method, ctx.url.pathname)
  // Routes outside /repos/{owner}/{repo} (GET /user) name no repository.
  const sameRepo =
    match !== null &&
    (match.params.owner === undefined ||
      (match.params.owner.toLowerCase() === ctx.owner.toLowerCase() &&
        match.params.repo?.toLowerCase() === ctx.repo.toLowerCase()))
  if (!match || !sameRepo) return errorReply(404, 'Not Found')
  if (!READ_METHODS.has(method) && ctx.tokenAccess === 'read') {
    return errorReply(403, 'Resource not accessible by integration')
  }
  try {
    return match.route.handle(ctx, match.params)
  } catch (error) {
    return replyFor(error)
  }
}
