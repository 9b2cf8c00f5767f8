// The main step: settings, then the command, then one verdict. Every failure ends here, in a
// single setFailed, with secrets redacted.
import { setTimeout as delay } from 'node:timers/promises'
import { COMMAND_HANDLERS } from './commands/index.js'
import type { RunObserver } from './github/status-reporter.js'
import { DeliveryError } from './deliver.js'
import { NetlifyClient } from './netlify/client.js'
import { redactor, type Redact } from './redact.js'
import { setOutcome, setSkipOutputs } from './report/outputs.js'
import { renderCommandSummary, writeSummary } from './report/summary.js'
import type { Outcome } from './report/run-report.js'
import { actionsSource, getSettings, type Settings } from './settings.js'
import * as core from './workflow-commands.js'

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

/** An event that did not ask for a run: said, with no request to Netlify, and the step passes. */
function reportSkipped(reason: string, settings: Settings): void {
  core.info(`Skipped: ${reason}`)
  setSkipOutputs(reason)
  if (settings.jobSummary) {
    writeSummary(
      renderCommandSummary({
        heading: '⏭️ Netlify agent run skipped',
        links: [],
        rows: [],
        body: `${reason}\n`
      })
    )
  }
}

export async function run(): Promise<void> {
  let redact: Redact = text => text
  let observer: RunObserver | undefined
  const cancelled = onCancellation()
  try {
    const parsed = getSettings(actionsSource(process.env, secret => core.setSecret(secret)))
    let { settings } = parsed
    const { warnings } = parsed
    redact = redactor([settings.token, settings.github.token])
    for (const warning of warnings) core.warning(warning)

    const client = new NetlifyClient({
      token: settings.token,
      apiUrl: settings.apiUrl,
      signal: cancelled,
      sleep,
      onRetry: e =>
        core.info(
          `Netlify answered ${e.method} ${e.path} with ${e.reason}; trying again in ${(e.delayMs / 1000).toFixed(1)} s (attempt ${e.attempt + 1}).`
        )
    })
    // Stopping must work after cancellation, and fit in the runner's few seconds.
    const stopClient = new NetlifyClient({
      token: settings.token,
      apiUrl: settings.apiUrl,
      timeoutMs: 3_000,
      maxAttempts: 2,
      backoff: { baseMs: 200, capMs: 1_000 }
    })
    try {
      if (settings.github.gatedEvent !== undefined) {
        core.startGroup(`Reading the ${settings.github.gatedEvent} event`)
        const { planEventRun } = await import('./github/trigger.js')
        const plan = await planEventRun(settings, client, redact, Date.now).finally(core.endGroup)
        if (plan.kind === 'skip') {
          reportSkipped(redact(plan.reason), settings)
          return
        }
        settings = plan.settings
        observer = plan.reporter
      }
      const report = await COMMAND_HANDLERS[settings.command](settings, {
        client,
        stopClient,
        cancelled,
        redact,
        now: Date.now,
        sleep,
        observer
      })
      if (report.failure && failsStep(report.outcome, settings.failOnError))
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
          : 'failure'
    )
    const message = redact(err instanceof Error ? err.message : String(err))
    await observer?.failed(message)
    core.setFailed(message)
  }
}
