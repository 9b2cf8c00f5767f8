// The only module that touches the step's saved state: what the main step started, so that the
// post step can find it (and stop it if main never saw it finish).
import * as core from './workflow-commands.js'

enum StateKey {
  RunnerId = 'agent-runner-id',
  SessionId = 'session-id',
  ApiUrl = 'api-url',
  Finished = 'finished'
}

export interface SavedRun {
  runnerId: string
  sessionId: string
  apiUrl: string
  /** Whether main saw the session reach a terminal state. */
  finished: boolean
}

export function saveStartedRun(run: { runnerId: string; sessionId: string; apiUrl: string }): void {
  core.saveState(StateKey.RunnerId, run.runnerId)
  core.saveState(StateKey.SessionId, run.sessionId)
  core.saveState(StateKey.ApiUrl, run.apiUrl)
  core.saveState(StateKey.Finished, 'false')
}

export function saveRunFinished(): void {
  core.saveState(StateKey.Finished, 'true')
}

export function readSavedRun(): SavedRun | undefined {
  const runnerId = core.getState(StateKey.RunnerId)
  const sessionId = core.getState(StateKey.SessionId)
  if (runnerId === '' || sessionId === '') return undefined
  return {
    runnerId,
    sessionId,
    apiUrl: core.getState(StateKey.ApiUrl),
    finished: core.getState(StateKey.Finished) === 'true'
  }
}
