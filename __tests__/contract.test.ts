// Every request the client can make, checked against Netlify's published OpenAPI file. The
// reference (agent-runners-api.md) documents more endpoints than the OpenAPI file does; those are
// listed below as known differences, so that a new gap cannot slip in unnoticed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../__fixtures__/actions-runner.js'
import { makeTempDir } from '../__fixtures__/temp-dirs.js'
import { NetlifyClient } from '../src/netlify/client.js'

interface OpenApi {
  basePath: string
  paths: Record<string, Record<string, unknown>>
}

// A copy lives in the repo so that a fresh clone can run this test; where ../shared/ sits beside
// the repo (the team's machines and CI), the copy must match it.
const VENDORED = join(ROOT, '__fixtures__', 'reference', 'netlify-openapi-2.55.0.yml')
const SHARED = join(ROOT, '..', 'shared', 'reference', 'netlify-openapi-2.55.0.yml')
const openapiText = readFileSync(VENDORED, 'utf8')
const openapi = parse(openapiText) as OpenApi

/** In the reference, not (yet) in OpenAPI 2.55.0. */
const KNOWN_MISSING_FROM_OPENAPI = [
  'POST /agent_runners/{agent_runner_id}/revert',
  'POST /agent_runners/{agent_runner_id}/rebase',
  'GET /agent_runners/{agent_runner_id}/diff',
  'POST /agent_runners/delete_url',
  'POST /agent_runners/{agent_runner_id}/sessions/{agent_runner_session_id}/redeploy',
  'GET /agent_runners/{agent_runner_id}/sessions/{agent_runner_session_id}/diff/result',
  'GET /agent_runners/{agent_runner_id}/sessions/{agent_runner_session_id}/diff/cumulative',
  'POST /agent_runners/{agent_runner_id}/sessions/{agent_runner_session_id}/diff/upload_urls'
]

/**
 * Other deliberate differences, not checked here: OpenAPI puts the bodies of createAgentRunner,
 * createAgentRunnerSession, agentRunnerCommitToBranch and createAgentRunnerUploadUrl in the query
 * string; the reference (which wins) sends JSON bodies with only `site_id` in the query.
 * uploadFile and deleteUploadedFile go to presigned storage URLs, not to the API.
 */
const NOT_API_METHODS = ['uploadFile', 'deleteUploadedFile']

const RUNNER = 'runner-123'
const SESSION = 'session-456'
const SITE = 'site-789'

let server: Server
let url = ''
const seen: { method: string; path: string }[] = []

beforeAll(async () => {
  // Records every request and answers with the smallest body each kind of call accepts.
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    seen.push({ method: req.method ?? '', path })
    const list = req.method === 'GET' && /\/(agent_runners|sessions)$/.test(path)
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(list ? '[]' : '{}')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
})

function template(path: string): string {
  return path
    .replace(/^\/api\/v1/, '')
    .replace(`/sessions/${SESSION}`, '/sessions/{agent_runner_session_id}')
    .replace(`/agent_runners/${RUNNER}`, '/agent_runners/{agent_runner_id}')
    .replace(`/sites/${SITE}`, '/sites/{site_id}')
}

describe('the client against OpenAPI 2.55.0', () => {
  it('reads the same OpenAPI file as ../shared/reference, where that is present', () => {
    if (existsSync(SHARED)) expect(openapiText === readFileSync(SHARED, 'utf8')).toBe(true)
    expect(Object.keys(openapi.paths).length).toBeGreaterThan(100)
  })

  it('every path and method the client can call is in OpenAPI, or a listed difference', async () => {
    const api = new NetlifyClient({ token: 't', apiUrl: url })
    const file = join(makeTempDir('contract-'), 'contract.diff')
    const calls: Record<string, () => Promise<unknown>> = {
      getSite: () => api.getSite(SITE),
      listRunners: () => api.listRunners({ account_id: 'a', site_id: SITE }),
      getRunner: () => api.getRunner(RUNNER),
      createRunner: () => api.createRunner(SITE, { prompt: 'p' }),
      updateRunner: () => api.updateRunner(RUNNER, { sha: 's' }),
      stopRunner: () => api.stopRunner(RUNNER),
      archiveRunner: () => api.archiveRunner(RUNNER),
      revertRunner: () => api.revertRunner(RUNNER, SESSION),
      rebaseRunner: () => api.rebaseRunner(RUNNER),
      downloadRunnerDiff: () => api.downloadRunnerDiff(RUNNER, file),
      createPullRequest: () => api.createPullRequest(RUNNER),
      commitToBranch: () => api.commitToBranch(RUNNER, 'b'),
      createUploadUrl: () =>
        api.createUploadUrl({ account_id: 'a', filename: 'f.md', content_type: 'text/markdown' }),
      createDeleteUrl: () => api.createDeleteUrl({ account_id: 'a', file_key: 'k' }),
      listSessions: () => api.listSessions(RUNNER),
      getSession: () => api.getSession(RUNNER, SESSION),
      createSession: () => api.createSession(RUNNER, { prompt: 'p' }),
      updateSession: () => api.updateSession(RUNNER, SESSION, { title: 't' }),
      stopSession: () => api.stopSession(RUNNER, SESSION),
      redeploySession: () => api.redeploySession(RUNNER, SESSION),
      downloadResultDiff: () => api.downloadResultDiff(RUNNER, SESSION, file),
      downloadCumulativeDiff: () => api.downloadCumulativeDiff(RUNNER, SESSION, file),
      createDiffUploadUrls: () => api.createDiffUploadUrls(RUNNER, SESSION)
    }

    // A method added to the client without a line above fails here.
    const methods = Object.getOwnPropertyNames(NetlifyClient.prototype).filter(name => {
      const descriptor = Object.getOwnPropertyDescriptor(NetlifyClient.prototype, name)
      return typeof descriptor?.value === 'function' && !['constructor', 'close'].includes(name)
    })
    const internal = ['sessionPath', 'page', 'download']
    expect(methods.filter(m => !internal.includes(m)).sort()).toEqual(
      [...Object.keys(calls), ...NOT_API_METHODS].sort()
    )

    const found: string[] = []
    const missing: string[] = []
    for (const [name, call] of Object.entries(calls)) {
      seen.length = 0
      await call()
      expect([name, seen.length]).toEqual([name, 1])
      const { method, path } = seen[0]!
      const key = `${method} ${template(path)}`
      const operations = openapi.paths[template(path)]
      if (operations?.[method.toLowerCase()]) found.push(key)
      else missing.push(key)
    }
    api.close()
    expect(openapi.basePath).toBe('/api/v1')
    expect(missing.sort()).toEqual([...KNOWN_MISSING_FROM_OPENAPI].sort())
    expect(found.length + missing.length).toBe(Object.keys(calls).length)
  })
})
