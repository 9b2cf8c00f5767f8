// One fake GitHub API per test file, as use-fake-netlify.ts does for Netlify: started before the
// tests, closed after them, its faults cleared after each test.
import { afterAll, afterEach, beforeAll } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './fake-github/index.js'

/** Registers the hooks; call the returned function inside a test to get the fake. */
export function useFakeGitHub(options: FakeGitHubOptions): () => FakeGitHub {
  let fake: FakeGitHub | undefined
  beforeAll(async () => {
    fake = await startFakeGitHub(options)
  })
  afterAll(async () => {
    await fake?.close()
  })
  afterEach(() => {
    fake?.clearFaults()
  })
  return () => {
    if (!fake) throw new Error('the fake GitHub API is not running (used outside a test?)')
    return fake
  }
}
