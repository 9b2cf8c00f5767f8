// One fake Netlify API per test file: started before the tests, closed after them, and reset
// (faults cleared, the file's own scenario restored) after each test.
import { afterAll, afterEach, beforeAll } from '@jest/globals'
import {
  startFakeNetlify,
  type FakeNetlify,
  type FakeNetlifyOptions
} from './fake-netlify/index.js'

/** Registers the hooks; call the returned function inside a test to get the fake. */
export function useFakeNetlify(options: FakeNetlifyOptions): () => FakeNetlify {
  let fake: FakeNetlify | undefined
  beforeAll(async () => {
    fake = await startFakeNetlify(options)
  })
  afterAll(async () => {
    await fake?.close()
  })
  afterEach(() => {
    fake?.clearFaults()
    // An empty scenario is the start options' own, per the fake's setScenario.
    fake?.setScenario({})
  })
  return () => {
    if (!fake) throw new Error('the fake Netlify API is not running (used outside a test?)')
    return fake
  }
}
