// The reference writes states in upper case (`DONE`); Netlify's own CLI fixtures use lower case
// (`done`). Every comparison goes through here so that both read the same.

const TERMINAL_RUNNER_STATES = new Set(['done', 'error', 'cancelled', 'archived'])
const TERMINAL_SESSION_STATES = new Set(['done', 'error', 'cancelled'])

/** A state in lower case; '' for a missing one. */
export function normalizeState(state: string | null | undefined): string {
  return (state ?? '').trim().toLowerCase()
}

export function sameState(a: string | null | undefined, b: string | null | undefined): boolean {
  return normalizeState(a) === normalizeState(b)
}

export function isTerminalRunnerState(state: string | null | undefined): boolean {
  return TERMINAL_RUNNER_STATES.has(normalizeState(state))
}

export function isTerminalSessionState(state: string | null | undefined): boolean {
  return TERMINAL_SESSION_STATES.has(normalizeState(state))
}
