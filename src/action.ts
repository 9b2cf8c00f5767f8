// The main step: settings, then the command, then one verdict. Every failure ends here, in a
// single core.setFailed, with secrets redacted.
import * as core from './workflow-commands.js'
import { runCommand } from './commands/run.js'
import { NetlifyClient } from './netlify/client.js'
import { redactor, type Redact } from './redact.js'
import type { Outcome } from './report/run-report.js'
import { actionsSource, getSettings } from './settings.js'

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Whether an outcome fails the step. A timeout always does; an error or cancellation unless told not to. */
export function failsStep(outcome: Outcome, failOnError: boolean): boolean {
  if (outcome === 'timed-out') return true
  if (outcome === 'failure' || outcome === 'cancelled') return failOnError
  return false
}

export async function run(): Promise<void> {
  let redact: Redact = text => text
  try {
    const { settings, warnings } = getSettings(
      actionsSource(process.env, secret => core.setSecret(secret))
    )
    redact = redactor([settings.token])
    for (const warning of warnings) core.warning(warning)

    const client = new NetlifyClient({
      token: settings.token,
      apiUrl: settings.apiUrl,
      onRetry: e =>
        core.info(
          `Netlify answered ${e.method} ${e.path} with ${e.reason}; trying again in ${(e.delayMs / 1000).toFixed(1)} s (attempt ${e.attempt + 1}).`
        )
    })
    try {
      const report = await runCommand(settings, { client, redact, now: Date.now, sleep })
      if (report.failure && failsStep(report.outcome, settings.failOnError))
        core.setFailed(redact(report.failure))
      else if (report.failure) core.warning(redact(report.failure))
    } finally {
      client.close()
    }
  } catch (err) {
    core.setFailed(redact(err instanceof Error ? err.message : String(err)))
  }
}
