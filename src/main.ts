// The main step: settings, then the command, then one verdict. Every failure ends here, in a
// single setFailed, with secrets redacted.
import { setTimeout as delay } from 'node:timers/promises'
import { COMMAND_HANDLERS } from './commands/index.js'
import { DeliveryError } from './deliver.js'
import { NetlifyClient } from './netlify/client.js'
import { retryNotice } from './netlify/errors.js'
import { proxyWarnings } from './proxy-env.js'
import { redactor, type Redact } from './redact.js'
import { debugRequest } from './step-debug.js'
import { errorKindOf } from './report/error-kind.js'
import { setOutcome, setProtectedFilesOutput } from './report/outputs.js'
import { publishSummary, renderCommandSummary } from './report/summary.js'
import type { Outcome } from './report/run-report.js'
import { getSettings, type Settings } from './settings/index.js'
import * as core from '@actions/core'

const sleep = (ms: number, signal?: AbortSignal): Promise<void> => delay(ms, undefined, { signal })

/** Whether an outcome fails the step. A timeout always does; an error or cancellation unless told not to. */
export function failsStep(outcome: Outcome, failOnError: boolean): boolean {
  if (outcome === 'timed-out') return true
  if (outcome === 'failure' || outcome === 'cancelled') return failOnError
  return false
}

/**
 * A cancelled workflow gets SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that. The
 * first signal aborts the wait so that the session can be stopped; later ones must not end the
 * process before that is done, so the handlers stay.
 */
function onCancellation(): AbortSignal {
  const cancel = new AbortController()
  const handle = (signal: NodeJS.Signals): void => {
    if (cancel.signal.aborted) {
      core.info(`Received ${signal} again; still stopping the agent's session.`)
      return
    }
    core.info(`Received ${signal}: the workflow is being cancelled; stopping the agent's session.`)
    cancel.abort(new Error(`cancelled by ${signal}`))
  }
  process.on('SIGINT', handle)
  process.on('SIGTERM', handle)
  return cancel.signal
}

/** A step that failed before it had a report still says so in the job summary. */
async function summarizeFailure(message: string, settings: Settings | undefined): Promise<void> {
  if (!settings?.jobSummary) return
  // The Markdown parser is loaded only when a summary needs it.
  const { alert } = await import('./markdown/agent-text.js')
  await publishSummary([
    renderCommandSummary({
      heading: `❌ Netlify agent step failed (\`command: ${settings.command}\`)`,
      links: [],
      rows: [],
      body: `${alert('CAUTION', message)}\n`
    })
  ])
}

export async function run(): Promise<void> {
  let redact: Redact = text => text
  let settings: Settings | undefined
  const cancelled = onCancellation()
  try {
    const parsed = getSettings()
    settings = parsed.settings
    const { warnings } = parsed
    redact = redactor([settings.token, settings.github.token])
    for (const warning of warnings) core.warning(warning)
    // Here for now: it concerns Octokit's requests as much as Netlify's.
    for (const warning of proxyWarnings(process.env)) core.warning(warning)

    const client = new NetlifyClient({
      token: settings.token,
      apiUrl: settings.apiUrl,
      signal: cancelled,
      sleep,
      onAttempt: e => debugRequest('Netlify', e),
      onRetry: e => core.info(retryNotice(e))
    })
    // Stopping must work after cancellation, and fit in the runner's few seconds.
    const stopClient = new NetlifyClient({
      token: settings.token,
      apiUrl: settings.apiUrl,
      timeoutMs: 3_000,
      maxAttempts: 2,
      backoff: { baseMs: 200, capMs: 1_000 },
      pacing: false,
      onAttempt: e => debugRequest('Netlify', e)
    })
    try {
      const report = await COMMAND_HANDLERS[settings.command](settings, {
        client,
        stopClient,
        cancelled,
        redact,
        now: Date.now,
        sleep
      })
      if (report.failure && (report.failsStep || failsStep(report.outcome, settings.failOnError)))
        core.setFailed(redact(report.failure))
      else if (report.failure) core.warning(redact(report.failure))
    } finally {
      client.close()
      stopClient.close()
    }
  } catch (err) {
    setOutcome(
      cancelled.aborted
        ? 'cancelled'
        : err instanceof DeliveryError && err.timedOut
          ? 'timed-out'
          : 'failure',
      errorKindOf(err, { cancelled: cancelled.aborted })
    )
    // A step asked to deliver says, even when it failed first, that it delivered no protected file.
    if (settings?.pullRequest || settings?.commitToBranch !== undefined) {
      setProtectedFilesOutput(undefined, redact)
    }
    const message = redact(err instanceof Error ? err.message : String(err))
    await summarizeFailure(message, settings).catch((e: Error) =>
      core.warning(`Could not write the job summary: ${e.message}`)
    )
    core.setFailed(message)
  }
}
