// The fake Netlify Agent Runners API's public surface.
export { startFakeNetlify } from './server.js'
export type { FakeNetlify, FakeNetlifyOptions, LoggedRequest } from './server.js'
export type { Fault } from './faults.js'
export type { FakeSite } from './sites.js'
export { DEFAULT_SCENARIO } from './scenario.js'
export type { RateLimit, Scenario } from './scenario.js'
