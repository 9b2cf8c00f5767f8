// Pure parsers of input values: text in, a typed value or one InputError naming the input.
import { DEFAULT_API_URL } from '../netlify/client.js'
import { InputError } from './input-error.js'
import { Input } from './input-names.js'

export function optional(value: string): string | undefined {
  return value === '' ? undefined : value
}

export function parsePositiveNumber(
  name: string,
  value: string,
  fallback: number,
  unit: string,
  min = 0
): number {
  if (value === '') return fallback
  const n = Number(value)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !Number.isFinite(n) || n <= 0) {
    throw new InputError(
      name,
      `Input \`${name}\` must be a positive number of ${unit}; got "${value}".`
    )
  }
  if (n < min) {
    throw new InputError(name, `Input \`${name}\` must be at least ${min} ${unit}; got "${value}".`)
  }
  return n
}

export function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: T
): T {
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(
    name,
    `Input \`${name}\` must be one of ${allowed.join(', ')}; got "${value}".`
  )
}

export function parseApiUrl(value: string): string {
  if (value === '') return DEFAULT_API_URL
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new InputError(
      Input.ApiUrl,
      `Input \`api-url\` must be an http(s) URL such as ${DEFAULT_API_URL}; got "${value}".`
    )
  }
  return value.replace(/\/+$/, '')
}

/** A moment as Unix seconds: given as Unix seconds, or as an ISO 8601 date or time. */
export function parseMoment(name: string, value: string): number | undefined {
  if (value === '') return undefined
  if (/^\d+$/.test(value)) return Number(value)
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ? Date.parse(value)
    : NaN
  if (Number.isNaN(ms)) {
    throw new InputError(
      name,
      `Input \`${name}\` must be Unix seconds or an ISO 8601 date such as 2026-11-01 or 2026-11-01T12:00:00Z; got "${value}".`
    )
  }
  return Math.floor(ms / 1000)
}

/** Branches Netlify refuses to commit to whatever the site; the site's own base is checked later. */
export const PROTECTED_BRANCHES = ['main', 'master']

export function parseCommitBranch(value: string): string | undefined {
  if (value === '') return undefined
  if (PROTECTED_BRANCHES.includes(value)) {
    throw new InputError(
      Input.CommitToBranch,
      `Input \`commit-to-branch\` is "${value}": the agent's changes are never committed straight to main or master. Name another branch, or use \`pull-request: true\`.`
    )
  }
  if (/\s|\.\.|[~^:?*[\\]|^[-/]|\/$|\.lock$/.test(value)) {
    throw new InputError(
      Input.CommitToBranch,
      `Input \`commit-to-branch\` is "${value}", which is not a valid branch name.`
    )
  }
  return value
}

/** Logins, one a line or comma-separated, in lower case; `[bot]` dropped. */
export function logins(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map(login =>
      login
        .trim()
        .toLowerCase()
        .replace(/\[bot\]$/, '')
    )
    .filter(login => login !== '')
}

/**
 * Glob patterns relative to the repository, one a line (`!` excludes). A leading `./` is dropped;
 * a leading `/` is refused, since no path in a diff starts with one and the pattern would guard
 * nothing.
 */
export function parseProtectedPaths(lines: string[]): string[] {
  return lines.map(line => {
    const negated = line.startsWith('!')
    const pattern = (negated ? line.slice(1) : line).replace(/^(\.\/)+/, '')
    if (pattern.startsWith('/')) {
      throw new InputError(
        Input.ProtectedPaths,
        `Input \`protected-paths\` takes patterns relative to the repository, such as .github/workflows/**; "${line}" starts with /, so it would match nothing.`
      )
    }
    return negated ? `!${pattern}` : pattern
  })
}
