// GitHub's pagination: per_page (default 30, at most 100) and page, with a Link header that
// names prev/next/last/first only where they exist, and no Link at all for a single page.
import type { Reply } from '../fake-netlify/http-io.js'

const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

export interface PageRequest {
  page: number
  perPage: number
}

/** Values GitHub cannot read fall back to the defaults instead of failing. */
export function pageRequest(query: URLSearchParams): PageRequest {
  const page = wholeNumber(query.get('page'))
  const perPage = wholeNumber(query.get('per_page'))
  return {
    page: page === null || page < 1 ? 1 : page,
    perPage: perPage === null || perPage < 1 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE)
  }
}

function wholeNumber(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw.trim())) return null
  return Number(raw)
}

export function linkHeader(url: URL, { page, perPage }: PageRequest, total: number): string | null {
  const last = Math.max(1, Math.ceil(total / perPage))
  if (last === 1 && page === 1) return null
  const link = (target: number, rel: string) => {
    const next = new URL(url)
    next.searchParams.set('page', String(target))
    return `<${next.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return links.join(', ')
}

/** One page of `items` as JSON, with the Link header pointing back at `url`'s other pages. */
export function pageReply<T>(url: URL, items: T[]): Reply {
  const request = pageRequest(url.searchParams)
  const start = (request.page - 1) * request.perPage
  const link = linkHeader(url, request, items.length)
  return {
    status: 200,
    json: items.slice(start, start + request.perPage),
    ...(link === null ? {} : { headers: { Link: link } })
  }
}
