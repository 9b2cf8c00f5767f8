import { describe, expect, it } from '@jest/globals'
import {
  isTerminalRunnerState,
  isTerminalSessionState,
  normalizeState,
  sameState
} from '../src/netlify/lifecycle.js'

describe('states read the same in either case', () => {
  it('normalizes to lower case', () => {
    expect(normalizeState('DONE')).toBe('done')
    expect(normalizeState('Running')).toBe('running')
    expect(normalizeState(null)).toBe('')
    expect(sameState('CANCELLED', 'cancelled')).toBe(true)
    expect(sameState('DONE', 'ERROR')).toBe(false)
  })

  it('a runner ends in done, error, cancelled or archived', () => {
    for (const s of ['DONE', 'error', 'Cancelled', 'ARCHIVED'])
      expect(isTerminalRunnerState(s)).toBe(true)
    for (const s of ['NEW', 'running', '', undefined]) expect(isTerminalRunnerState(s)).toBe(false)
  })

  it('a session ends in done, error or cancelled (archived is not a session state)', () => {
    for (const s of ['done', 'ERROR', 'cancelled']) expect(isTerminalSessionState(s)).toBe(true)
    for (const s of ['new', 'RUNNING', 'archived']) expect(isTerminalSessionState(s)).toBe(false)
  })
})
