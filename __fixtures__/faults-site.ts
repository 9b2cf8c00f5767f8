// The Netlify site of the two faults test files (faults.e2e, start-faults.e2e): a fake API of the
// file's own, whose sessions are done by the first status check, and the inputs of a run there.
import type { FakeNetlify } from './fake-netlify/index.js'
import { useFakeNetlify } from './use-fake-netlify.js'

export const FAULTS_TOKEN = 'nfp_faults_token'
export const FAULTS_SITE = 'site-faults'

export interface FaultsSite {
  fake: () => FakeNetlify
  /** A run's inputs, each with a prompt of its own; `extra` adds to them or replaces them. */
  inputs: (extra?: Record<string, string>) => Record<string, string>
  runnerCount: () => number
}

/** Registers the fake's hooks for the test file. */
export function useFaultsSite(): FaultsSite {
  const fake = useFakeNetlify({
    token: FAULTS_TOKEN,
    sites: [{ id: FAULTS_SITE, name: 'faults-site', account_id: 'acct-faults' }],
    scenario: { sessionMs: 0, steps: 2 }
  })
  return {
    fake,
    inputs: (extra = {}) => ({
      'netlify-auth-token': FAULTS_TOKEN,
      'site-id': FAULTS_SITE,
      'api-url': fake().url,
      prompt: `Task ${Math.random()}`,
      ...extra
    }),
    runnerCount: () => fake().runners().length
  }
}

/** A state as the fake shows it, in lower case ('' for none). */
export const lowerState = (value: string | undefined): string => (value ?? '').toLowerCase()
