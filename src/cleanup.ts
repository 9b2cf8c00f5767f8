// The post step. It runs after main on success, failure and cancellation. If main started a
// session and never settled it (main was killed, or crashed), the session may still be spending
// credits: stop it. It warns about what it could not do, and never fails the job.
import { NetlifyClient } from './netlify/client.js'
import { isTerminalSessionState, normalizeState } from './netlify/states.js'
import { redactor } from './redact.js'
import { actionsSource, readToken } from './settings.js'
import { readSavedRun } from './state.js'
import * as core from './workflow-commands.js'

export async function cleanup(): Promise<void> {
  const saved = readSavedRun()
  if (!saved || saved.settled) return
  const token = readToken(actionsSource(process.env, secret => core.setSecret(secret)))
  const redact = redactor([token])
  const { runnerId, sessionId } = saved
  const what = sessionId
    ? `session ${sessionId} of agent runner ${runnerId}`
    : `agent runner ${runnerId}`
  if (token === '') {
    core.warning(
      `The run of ${what} may still be going, and the post step has no token to stop it with: stop it on the Netlify dashboard.`
    )
    return
  }
  const client = new NetlifyClient({
    token,
    apiUrl: saved.apiUrl,
    timeoutMs: 10_000,
    maxAttempts: 3
  })
  try {
    if (sessionId === '') {
      // Main stopped before it knew the session: stopping the runner stops its active session.
      await client.stopRunner(runnerId)
    } else {
      const session = await client.getSession(runnerId, sessionId)
      if (isTerminalSessionState(session.state)) {
        core.info(
          `Session ${sessionId} is already ${normalizeState(session.state)}; nothing to stop.`
        )
        return
      }
      await client.stopSession(runnerId, sessionId)
    }
    core.warning(
      `The main step did not see ${what} finish (it was cancelled or crashed), so the post step stopped it to stop it spending credits.`
    )
  } catch (err) {
    core.warning(
      redact(
        `Could not stop ${what}, which may still be running: ${err instanceof Error ? err.message : String(err)}. Stop it on the Netlify dashboard.`
      )
    )
  } finally {
    client.close()
  }
}
