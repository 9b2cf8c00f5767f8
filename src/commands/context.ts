// What every command is given, and what it hands back to the step.
import type { RunObserver } from '../github/status-reporter.js'
import type { NetlifyClient } from '../netlify/client.js'
import type { AgentRunner, Site } from '../netlify/types.js'
import type { Redact } from '../redact.js'
import type { Outcome } from '../report/run-report.js'
import { Input, InputError, type Settings } from '../settings/index.js'

export interface CommandDeps {
  /** The client for the step; its requests end when `cancelled` aborts. */
  client: NetlifyClient
  /** A client that outlives cancellation, with short timeouts: it stops sessions. */
  stopClient: NetlifyClient
  /** Aborted when the workflow is cancelled (SIGINT, SIGTERM). */
  cancelled: AbortSignal
  redact: Redact
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Told of the run as it goes (the status comment on the issue or pull request). */
  observer?: RunObserver
}

/** How a command ended, for the step's verdict. */
export interface CommandResult {
  outcome: Outcome
  /** Why it failed, when it did, in words for the user. */
  failure: string | undefined
  /** Fails the step whatever `fail-on-error` says (a delivery Netlify refused). */
  failsStep?: boolean
}

export type CommandHandler = (settings: Settings, deps: CommandDeps) => Promise<CommandResult>

/** Netlify's answers the step already has, for `openRunner` not to ask again. */
export interface KnownReads {
  site?: Site
  runner?: AgentRunner
}

/** The runner a command acts on, and its site (named by `site-id`, or read from the runner). */
export async function openRunner(
  settings: Settings,
  client: NetlifyClient,
  runnerId: string,
  known: KnownReads = {}
): Promise<{ site: Site; runner: AgentRunner }> {
  const runner = known.runner?.id === runnerId ? known.runner : await client.getRunner(runnerId)
  if (settings.siteId !== undefined && runner.site_id && runner.site_id !== settings.siteId) {
    throw new InputError(
      Input.SiteId,
      `Agent runner ${runnerId} belongs to site ${runner.site_id}, not to \`site-id\` ${settings.siteId}: check both inputs.`
    )
  }
  const siteId = runner.site_id || (settings.siteId ?? '')
  const site = known.site?.id === siteId ? known.site : await client.getSite(siteId)
  return { site, runner }
}
