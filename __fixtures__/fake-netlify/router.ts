// Matches a method and pathname against route patterns such as
// '/api/v1/agent_runners/:id/sessions/:session_id'.

export type Params = Record<string, string>

export interface Route<Context, Result> {
  method: string
  pattern: RegExp
  keys: string[]
  handle: (context: Context, params: Params) => Result
}

export function route<Context, Result>(
  method: string,
  path: string,
  handle: (context: Context, params: Params) => Result
): Route<Context, Result> {
  const keys: string[] = []
  const source = path.replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key)
    return '([^/]+)'
  })
  return { method, pattern: new RegExp(`^${source}/?$`), keys, handle }
}

export function matchRoute<Context, Result>(
  routes: Route<Context, Result>[],
  method: string,
  pathname: string
): { route: Route<Context, Result>; params: Params } | null {
  for (const candidate of routes) {
    if (candidate.method !== method) continue
    const match = candidate.pattern.exec(pathname)
    if (!match) continue
    const params: Params = {}
    candidate.keys.forEach((key, i) => {
      params[key] = decodeURIComponent(match[i + 1] ?? '')
    })
    return { route: candidate, params }
  }
  return null
}
