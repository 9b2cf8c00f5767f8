// Filtering and paginating list endpoints, with the `Link` header Netlify sends for pages.
import type { AgentRunner, AgentRunnerSession } from '../../src/netlify/types.js'
import { ApiError } from './http-io.js'

const MAX_PER_PAGE = 100

export interface PageRequest {
  page: number
  perPage: number
}

export function pageRequest(query: URLSearchParams): PageRequest {
  return {
    page: Math.max(1, positiveInt(query, 'page') ?? 1),
    perPage: Math.min(MAX_PER_PAGE, Math.max(1, positiveInt(query, 'per_page') ?? MAX_PER_PAGE))
  }
}

export function pageOf<T>(items: T[], { page, perPage }: PageRequest): T[] {
  return items.slice((page - 1) * perPage, page * perPage)
}

/** rel="first"/"prev"/"next"/"last" links, keeping every other query parameter. */
export function linkHeader(
  base: string,
  pathname: string,
  query: URLSearchParams,
  { page, perPage }: PageRequest,
  total: number
): string {
  const last = Math.max(1, Math.ceil(total / perPage))
  const link = (target: number, rel: string) => {
    const params = new URLSearchParams(query)
    params.set('page', String(target))
    params.set('per_page', String(perPage))
    return `<${base}${pathname}?${params.toString()}>; rel="${rel}"`
  }
  const links = [link(1, 'first')]
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
  if (page < last) links.push(link(page + 1, 'next'))
  links.push(link(last, 'last'))
  return links.join(', ')
}

/** By latest session, newest first (as Netlify lists them), filtered as the query asks. */
export function filterRunners(runners: AgentRunner[], query: URLSearchParams): AgentRunner[] {
  const title = query.get('title')?.toLowerCase()
  const exact = (param: string, value: (runner: AgentRunner) => string | null | undefined) => {
    const wanted = query.get(param)
    return (runner: AgentRunner) => wanted === null || value(runner) === wanted
  }
  const checks = [
    stateFilter(query),
    createdFilter(query),
    (runner: AgentRunner) => title === undefined || runner.title.toLowerCase().includes(title),
    exact('branch', runner => runner.branch),
    exact('result_branch', runner => runner.result_branch),
    exact('user_id', runner => runner.user?.id)
  ]
  return runners
    .filter(runner => checks.every(check => check(runner)))
    .reverse() // runners arrive oldest first; this keeps same-millisecond ones newest first too
    .sort((a, b) => latestAt(b).localeCompare(latestAt(a)))
}

function latestAt(runner: AgentRunner): string {
  return runner.last_session_created_at ?? runner.created_at
}

/** Oldest first unless order_by=desc; discarded sessions only with include_discarded=true. */
export function filterSessions(
  sessions: AgentRunnerSession[],
  query: URLSearchParams
): AgentRunnerSession[] {
  const includeDiscarded = ['true', '1'].includes(query.get('include_discarded') ?? '')
  const order = query.get('order_by') ?? 'asc'
  if (order !== 'asc' && order !== 'desc') throw new ApiError(400, 'order_by must be asc or desc')
  const byState = stateFilter(query)
  const byCreated = createdFilter(query)
  const kept = sessions.filter(
    session => (includeDiscarded || !session.is_discarded) && byState(session) && byCreated(session)
  )
  return order === 'desc' ? kept.reverse() : kept
}

/** `live` means NEW or RUNNING; other values (the Netlify CLI sends e.g. `running`) match the state. */
function stateFilter(query: URLSearchParams): (item: { state: string }) => boolean {
  const wanted = query.get('state')?.toUpperCase()
  if (!wanted) return () => true
  if (wanted === 'LIVE') return item => ['NEW', 'RUNNING'].includes(item.state.toUpperCase())
  return item => item.state.toUpperCase() === wanted
}

/** `from` (inclusive) and `to` (exclusive) are unix seconds compared with created_at. */
function createdFilter(query: URLSearchParams): (item: { created_at: string }) => boolean {
  const from = unixSeconds(query, 'from')
  const to = unixSeconds(query, 'to')
  return item => {
    const created = Date.parse(item.created_at)
    return (from === null || created >= from * 1000) && (to === null || created < to * 1000)
  }
}

function unixSeconds(query: URLSearchParams, key: string): number | null {
  const raw = query.get(key)
  if (raw === null || raw === '') return null
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new ApiError(400, `${key} must be a unix timestamp`)
  return value
}

function positiveInt(query: URLSearchParams, key: string): number | null {
  const raw = query.get(key)
  if (raw === null || raw === '') return null
  const value = Number(raw)
  if (!Number.isInteger(value)) throw new ApiError(400, `${key} must be an integer`)
  return value
}
