// The API's endpoints: each parses its request, asks the store, and renders the answer.
import { streamDiff, type DiffFile } from './diffs.js'
import { ACCEPTED, ApiError, errorReply, jsonReply, type Reply } from './http-io.js'
import { filterRunners, filterSessions, linkHeader, pageOf, pageRequest } from './listing.js'
import { objectBody, requiredString } from './request-body.js'
import { cumulativeDiff, resultDiff, runnerDiff } from './session-diffs.js'
import { accountSlug, renderSite } from './sites.js'
import type { FakeStore } from './store.js'
import type { UploadStore } from './uploads.js'
import { renderRunner, renderSession } from './views.js'
import { matchRoute, route, type Params, type Route } from './router.js'

export const API_PREFIX = '/api/v1'

export interface RequestContext {
  store: FakeStore
  uploads: UploadStore
  /** 'http://127.0.0.1:PORT', for absolute URLs in Link headers. */
  baseUrl: string
  pathname: string
  query: URLSearchParams
  body: unknown
}

type ApiRoute = Route<RequestContext, Reply>

const api = (method: string, path: string, handle: ApiRoute['handle']): ApiRoute =>
  route(method, API_PREFIX + path, handle)

const runnerJson = (ctx: RequestContext, runnerId: string) =>
  renderRunner(ctx.store.runner(runnerId), ctx.store.diffContext())

const sessionJson = (ctx: RequestContext, params: Params) => {
  const runner = ctx.store.runner(params.id ?? '')
  const session = ctx.store.session(runner.id, params.session_id ?? '')
  return renderSession(runner, session, ctx.store.diffContext())
}

function diffReply(files: DiffFile[] | null, stripBinary = false): Reply {
  if (files === null) return errorReply(404, 'No diff found')
  return { status: 200, stream: () => streamDiff(files, { stripBinary }) }
}

function listReply<T>(ctx: RequestContext, items: T[]): Reply {
  const page = pageRequest(ctx.query)
  return {
    status: 200,
    json: pageOf(items, page),
    headers: { Link: linkHeader(ctx.baseUrl, ctx.pathname, ctx.query, page, items.length) }
  }
}

// Besides GET /sites/{id}, the Netlify CLI lists sites by name (`--project <name>`) and lists
// accounts while loading its config.
const siteRoutes: ApiRoute[] = [
  api('GET', '/sites', ctx => {
    const name = ctx.query.get('name')
    const sites = ctx.store.allSites().filter(site => !name || site.name.includes(name))
    return jsonReply(sites.map(renderSite))
  }),
  api('GET', '/sites/:site_id', (ctx, params) =>
    jsonReply(renderSite(ctx.store.site(params.site_id ?? '')))
  ),
  api('GET', '/accounts', ctx => {
    const accounts = new Map(ctx.store.allSites().map(site => [site.account_id, site]))
    return jsonReply(
      [...accounts.values()].map(site => ({
        id: site.account_id,
        name: site.account_id,
        slug: accountSlug(site),
        type_name: 'Pro'
      }))
    )
  })
]

const uploadRoutes: ApiRoute[] = [
  api('POST', '/agent_runners/upload_url', ctx => {
    const body = objectBody(ctx.body)
    const accountId = requiredString(body, 'account_id')
    const filename = requiredString(body, 'filename')
    requiredString(body, 'content_type')
    ctx.uploads.assertAllowed(filename)
    const fileKey = ctx.uploads.newFileKey(accountId, filename)
    return jsonReply({ upload_url: ctx.uploads.presign('PUT', fileKey), file_key: fileKey })
  }),
  api('POST', '/agent_runners/delete_url', ctx => {
    const body = objectBody(ctx.body)
    requiredString(body, 'account_id')
    const fileKey = requiredString(body, 'file_key')
    return jsonReply({ delete_url: ctx.uploads.presign('DELETE', fileKey), file_key: fileKey })
  })
]

const runnerRoutes: ApiRoute[] = [
  api('GET', '/agent_runners', ctx => {
    const site = ctx.store.site(ctx.query.get('site_id'))
    const accountId = ctx.query.get('account_id')
    // The reference marks account_id required, yet the Netlify CLI sends only site_id and works.
    if (accountId !== null && accountId !== site.account_id) {
      throw new ApiError(404, 'Account not found')
    }
    const diffCtx = ctx.store.diffContext()
    const runners = ctx.store
      .allRunners()
      .filter(runner => runner.site.id === site.id && runner.archivedAt === null)
      .map(runner => renderRunner(runner, diffCtx))
    return listReply(ctx, filterRunners(runners, ctx.query))
  }),
  api('POST', '/agent_runners', ctx => {
    const runner = ctx.store.createRunner(ctx.query.get('site_id'), objectBody(ctx.body))
    return jsonReply(renderRunner(runner, ctx.store.diffContext()))
  }),
  api('GET', '/agent_runners/:id', (ctx, params) => jsonReply(runnerJson(ctx, params.id ?? ''))),
  api('PATCH', '/agent_runners/:id', (ctx, params) => {
    const runner = ctx.store.updateRunner(params.id ?? '', objectBody(ctx.body))
    return jsonReply(renderRunner(runner, ctx.store.diffContext()))
  }),
  api('DELETE', '/agent_runners/:id', (ctx, params) => {
    ctx.store.stopRunner(params.id ?? '')
    return ACCEPTED
  }),
  api('POST', '/agent_runners/:id/archive', (ctx, params) => {
    ctx.store.archiveRunner(params.id ?? '')
    return ACCEPTED
  }),
  api('POST', '/agent_runners/:id/revert', (ctx, params) => {
    const runner = ctx.store.revertRunner(params.id ?? '', objectBody(ctx.body))
    return jsonReply(renderRunner(runner, ctx.store.diffContext()))
  }),
  api('POST', '/agent_runners/:id/rebase', (ctx, params) => {
    const session = ctx.store.rebaseRunner(params.id ?? '')
    const runner = ctx.store.runner(params.id ?? '')
    return jsonReply(renderSession(runner, session, ctx.store.diffContext()))
  }),
  api('GET', '/agent_runners/:id/diff', (ctx, params) => {
    const runner = ctx.store.runner(params.id ?? '')
    const files = runnerDiff(runner, ctx.store.diffContext())
    const stripBinary = ['true', '1'].includes(ctx.query.get('strip_binary') ?? '')
    if (files === null || !ctx.query.has('page')) return diffReply(files, stripBinary)
    // With `page`, the diff is paged by file.
    const page = pageRequest(ctx.query)
    return {
      ...diffReply(pageOf(files, page), stripBinary),
      headers: { Link: linkHeader(ctx.baseUrl, ctx.pathname, ctx.query, page, files.length) }
    }
  }),
  api('POST', '/agent_runners/:id/pull_request', (ctx, params) => {
    const runner = ctx.store.requestPullRequest(params.id ?? '')
    return jsonReply(renderRunner(runner, ctx.store.diffContext()))
  }),
  api('POST', '/agent_runners/:id/commit', (ctx, params) => {
    const runner = ctx.store.requestCommit(params.id ?? '', objectBody(ctx.body))
    return jsonReply(renderRunner(runner, ctx.store.diffContext()))
  })
]

const sessionRoutes: ApiRoute[] = [
  api('GET', '/agent_runners/:id/sessions', (ctx, params) => {
    const runner = ctx.store.runner(params.id ?? '')
    const diffCtx = ctx.store.diffContext()
    const sessions = runner.sessions.map(session => renderSession(runner, session, diffCtx))
    return listReply(ctx, filterSessions(sessions, ctx.query))
  }),
  api('POST', '/agent_runners/:id/sessions', (ctx, params) => {
    const session = ctx.store.createSession(params.id ?? '', objectBody(ctx.body))
    return jsonReply(sessionJson(ctx, { id: session.runnerId, session_id: session.id }))
  }),
  api('GET', '/agent_runners/:id/sessions/:session_id', (ctx, params) =>
    jsonReply(sessionJson(ctx, params))
  ),
  api('PATCH', '/agent_runners/:id/sessions/:session_id', (ctx, params) => {
    ctx.store.updateSession(params.id ?? '', params.session_id ?? '', objectBody(ctx.body))
    return jsonReply(sessionJson(ctx, params))
  }),
  api('DELETE', '/agent_runners/:id/sessions/:session_id', (ctx, params) => {
    ctx.store.stopSession(params.id ?? '', params.session_id ?? '')
    return ACCEPTED
  }),
  api('POST', '/agent_runners/:id/sessions/:session_id/redeploy', (ctx, params) => {
    const session = ctx.store.redeploySession(params.id ?? '', params.session_id ?? '')
    return jsonReply(sessionJson(ctx, { id: session.runnerId, session_id: session.id }))
  }),
  api('GET', '/agent_runners/:id/sessions/:session_id/diff/result', (ctx, params) => {
    const session = ctx.store.session(params.id ?? '', params.session_id ?? '')
    return diffReply(resultDiff(session, ctx.store.diffContext()))
  }),
  api('GET', '/agent_runners/:id/sessions/:session_id/diff/cumulative', (ctx, params) => {
    const runner = ctx.store.runner(params.id ?? '')
    const session = ctx.store.session(runner.id, params.session_id ?? '')
    return diffReply(cumulativeDiff(runner, session, ctx.store.diffContext()))
  }),
  api('POST', '/agent_runners/:id/sessions/:session_id/diff/upload_urls', (ctx, params) => {
    const session = ctx.store.session(params.id ?? '', params.session_id ?? '')
    const target = (kind: string) => {
      const key = `agent-runners/${session.runnerId}/${session.id}/${kind}.diff`
      return { upload_url: ctx.uploads.presign('PUT', key), s3_key: key }
    }
    return jsonReply({ result: target('result'), cumulative: target('cumulative') })
  })
]

// Runner routes with fixed segments (upload_url, delete_url) come before `/agent_runners/:id`.
const apiRoutes: ApiRoute[] = [...siteRoutes, ...uploadRoutes, ...runnerRoutes, ...sessionRoutes]

export function isApiPath(pathname: string): boolean {
  return pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)
}

/** Answers an API request; unknown routes get 404 {"error":"Not Found"}. */
export function dispatch(ctx: RequestContext, method: string): Reply {
  const match = matchRoute(apiRoutes, method, ctx.pathname)
  if (!match) return errorReply(404, 'Not Found')
  try {
    return match.route.handle(ctx, match.params)
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error.status, error.message)
    return errorReply(500, error instanceof Error ? error.message : String(error))
  }
}
