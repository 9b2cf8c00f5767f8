// Step debug: what the "Enable debug logging" re-run shows (RUNNER_DEBUG=1). Nothing is written
// otherwise, so an ordinary log holds no ::debug:: lines at all.
import * as core from '@actions/core'
import type { AttemptEvent } from './netlify/requester.js'

export function debug(message: string): void {
  if (core.isDebug()) core.debug(message)
}

/** One request's answer: `GET /api/v1/sites/x → 200 in 12 ms (attempt 1)`. */
export function debugRequest(service: string, event: AttemptEvent): void {
  debug(
    `${service}: ${event.method} ${event.path} → ${event.answer} in ${event.ms} ms (attempt ${event.attempt})`
  )
}
