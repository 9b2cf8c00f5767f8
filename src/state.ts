// The only module that touches the step's saved state: what the main step started, so that the
// post step can find it, and stop it if main never settled its fate (main was killed or crashed).
import * as core from './workflow-commands.js'

enum StateKey {
  RunnerId = 'agent-runner-id',
  SessionId = 'session-id',
  ApiUrl = 'api-url',
  Settled = 'settled'
}

export interface SavedRun {
  runnerId: string
  sessionId: string
  apiUrl: string
  /** Whether main settled the session: saw it end, stopped it, or left it running on purpose. */
  settled: boolean
}

export function saveStartedRun(run: { runnerId: string; sessionId: string; apiUrl: string }): void {
  core.saveState(StateKey.RunnerId, run.runnerId)
  core.saveState(StateKey.SessionId, run.sessionId)
  core.saveState(StateKey.ApiUrl, run.apiUrl)
  core.saveState(StateKey.Settled, 'false')
}

export function saveRunSettled(): void {
  core.saveState(StateKey.Settled, 'true')
}

export function readSavedRun(): SavedRun | undefined {
  const runnerId = core.getState(StateKey.RunnerId)
  const sessionId = core.getState(StateKey.SessionId)
  if (runnerId === '' || sessionId === '') return undefined
  return {
    runnerId,
    sessionId,
    apiUrl: core.getState(StateKey.ApiUrl),
    settled: core.getState(StateKey.Settled) === 'true'
  }
}
