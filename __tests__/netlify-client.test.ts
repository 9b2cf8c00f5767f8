// Every NetlifyClient method against the fake Netlify API over real HTTP on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type Socket } from 'node:net'
import { startFakeNetlify, type FakeNetlify } from '../__fixtures__/fake-netlify/index.js'
import { startForwardProxy } from '../__fixtures__/forward-proxy.js'
import { RssPeak } from '../__fixtures__/rss-peak.js'
import { makeTempDir } from '../__fixtures__/temp-dirs.js'
import { NetlifyClient, USER_AGENT, type NetlifyClientOptions } from '../src/netlify/client.js'
import { NetlifyApiError, NetlifyNetworkError } from '../src/netlify/errors.js'
import { isTerminalSessionState, normalizeState } from '../src/netlify/lifecycle.js'
import type { AgentRunner } from '../src/netlify/types.js'

const TOKEN = 'nfp_client_test_token'
const SITE = 'site-1'
const ACCOUNT = 'account-1'

let fake: FakeNetlify
const tmp = makeTempDir('client-test-')
const sleeps: number[] = []

function client(options: Partial<NetlifyClientOptions> = {}): NetlifyClient {
  return new NetlifyClient({
    token: TOKEN,
    apiUrl: fake.url,
    // Retries wait for real only where a test says so; the waits asked for are recorded.
    sleep: async ms => {
      sleeps.push(ms)
    },
    ...options
  })
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 10_000
): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > end) throw new Error('condition not reached in time')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

async function finishedRun(api: NetlifyClient, prompt = 'Add a footer'): Promise<AgentRunner> {
  const runner = await api.createRunner(SITE, { prompt })
  return until(
    () => api.getRunner(runner.id),
    r => isTerminalSessionState(r.latest_session_state)
  )
}

async function latestSessionId(api: NetlifyClient, runnerId: string): Promise<string> {
  const { items } = await api.listSessions(runnerId, { order_by: 'desc', per_page: 1 })
  const id = items[0]?.id
  if (!id) throw new Error('no session')
  return id
}

beforeAll(async () => {
  fake = await startFakeNetlify({
    token: TOKEN,
    sites: [
      { id: SITE, name: 'fake-site', account_id: ACCOUNT },
      { id: 'zip-site', name: 'zip-site', account_id: ACCOUNT, git: false }
    ],
    scenario: { sessionMs: 80, steps: 2 }
  })
})

afterAll(async () => {
  await fake.close()
})

afterEach(() => {
  fake.clearFaults()
  fake.setScenario({
    sessionMs: 80,
    steps: 2,
    finalState: 'done',
    noChanges: false,
    binaryDiff: false,
    diffBytes: 600,
    lowercaseStates: false,
    prError: null,
    commitError: null
  })
  sleeps.length = 0
})

describe('the site', () => {
  it('reads the name and account, sending the token only in the Authorization header', async () => {
    const api = client()
    const site = await api.getSite(SITE)
    api.close()
    expect(site.name).toBe('fake-site')
    expect(site.account_id).toBe(ACCOUNT)
    const req = fake.requests.at(-1)
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(req?.headers['user-agent']).toBe(USER_AGENT)
    expect(USER_AGENT).toMatch(/^netlify-agent-runners-action\/\d+\.\d+\.\d+$/)
    expect(JSON.stringify(req?.query)).not.toContain(TOKEN)
    expect(req?.path).not.toContain(TOKEN)
  })

  it('a wrong token gets a 401 that says what to do', async () => {
    const api = client({ token: 'wrong' })
    const err = await api.getSite(SITE).catch((e: unknown) => e)
    api.close()
    expect(err).toBeInstanceOf(NetlifyApiError)
    expect((err as NetlifyApiError).status).toBe(401)
    expect((err as Error).message).toMatch(/token is missing, wrong or expired/)
  })

  it('an unknown site gets a 404 that names it', async () => {
    const api = client()
    const err = await api.getSite('nope').catch((e: unknown) => e)
    api.close()
    expect((err as NetlifyApiError).status).toBe(404)
    expect((err as Error).message).toContain('Site nope was not found')
  })
})

describe('agent runners', () => {
  it('create sends a JSON body with site_id in the query, and the run goes NEW -> DONE', async () => {
    const api = client()
    const runner = await api.createRunner(SITE, {
      prompt: 'Add a dark mode toggle',
      agent: 'claude',
      model: 'claude-sonnet',
      mode: 'normal',
      branch: 'main'
    })
    const req = fake.requests.at(-1)
    expect(req?.method).toBe('POST')
    expect(req?.query).toEqual({ site_id: SITE })
    expect(req?.headers['content-type']).toBe('application/json')
    expect(req?.body).toEqual({
      prompt: 'Add a dark mode toggle',
      agent: 'claude',
      model: 'claude-sonnet',
      mode: 'normal',
      branch: 'main'
    })
    expect(runner.site_id).toBe(SITE)
    const done = await until(
      () => api.getRunner(runner.id),
      r => normalizeState(r.state) === 'done'
    )
    expect(done.has_result_diff).toBe(true)
    expect(done.latest_session_deploy_url).toMatch(/^https:\/\//)
    api.close()
  })

  it('create without a prompt is a 400; an unknown deploy a 422; an unknown site a 404', async () => {
    const api = client()
    const noPrompt = await api.createRunner(SITE, { prompt: '' }).catch((e: unknown) => e)
    const noDeploy = await api
      .createRunner(SITE, { prompt: 'x', deploy_id: 'missing-deploy' })
      .catch((e: unknown) => e)
    const noSite = await api.createRunner('no-site', { prompt: 'x' }).catch((e: unknown) => e)
    api.close()
    expect((noPrompt as NetlifyApiError).status).toBe(400)
    expect((noDeploy as NetlifyApiError).status).toBe(422)
    expect((noDeploy as Error).message).toContain('`deploy-id`')
    expect((noSite as NetlifyApiError).status).toBe(404)
    expect((noSite as Error).message).toContain('Site no-site was not found')
  })

  it('list filters and paginates through the Link header', async () => {
    const api = client()
    const tag = `paging-${Date.now()}`
    for (let i = 0; i < 3; i++) await api.createRunner(SITE, { prompt: `${tag} ${i}`, branch: tag })
    const first = await api.listRunners({
      account_id: ACCOUNT,
      site_id: SITE,
      branch: tag,
      per_page: 2
    })
    expect(first.items).toHaveLength(2)
    expect(first.nextPage).toBe(2)
    const second = await api.listRunners({
      account_id: ACCOUNT,
      site_id: SITE,
      branch: tag,
      per_page: 2,
      page: 2
    })
    expect(second.items).toHaveLength(1)
    expect(second.nextPage).toBeUndefined()
    expect(fake.requests.at(-1)?.query).toMatchObject({
      account_id: ACCOUNT,
      site_id: SITE,
      branch: tag,
      page: '2',
      per_page: '2'
    })

    const future = Math.floor(Date.now() / 1000) + 3600
    const none = await api.listRunners({ account_id: ACCOUNT, site_id: SITE, from: future })
    expect(none.items).toEqual([])
    const live = await api.listRunners({
      account_id: ACCOUNT,
      site_id: SITE,
      state: 'live',
      title: 'no such title'
    })
    expect(live.items).toEqual([])
    expect(fake.requests.at(-1)?.query).toMatchObject({ state: 'live', title: 'no such title' })
    api.close()
  })

  it('get, update, and 404 for an unknown runner', async () => {
    const api = client()
    const runner = await api.createRunner(SITE, { prompt: 'x' })
    const updated = await api.updateRunner(runner.id, { sha: 'abc123', base_deploy_id: 'deploy-9' })
    expect(fake.requests.at(-1)?.method).toBe('PATCH')
    expect(fake.requests.at(-1)?.body).toEqual({ sha: 'abc123', base_deploy_id: 'deploy-9' })
    expect(updated.sha).toBe('abc123')
    expect((await api.getRunner(runner.id)).id).toBe(runner.id)
    const err = await api.getRunner('r-unknown').catch((e: unknown) => e)
    expect((err as Error).message).toContain('Agent runner r-unknown was not found')
    api.close()
  })

  it('stop cancels the active session', async () => {
    fake.setScenario({ sessionMs: 60_000 })
    const api = client()
    const runner = await api.createRunner(SITE, { prompt: 'long' })
    await api.stopRunner(runner.id)
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 202 })
    const after = await api.getRunner(runner.id)
    expect(normalizeState(after.state)).toBe('cancelled')
    api.close()
  })

  it('archive cancels and archives; archiving again is a 422', async () => {
    fake.setScenario({ sessionMs: 60_000 })
    const api = client()
    const runner = await api.createRunner(SITE, { prompt: 'to archive' })
    await api.archiveRunner(runner.id)
    expect(normalizeState((await api.getRunner(runner.id)).state)).toBe('archived')
    const again = await api.archiveRunner(runner.id).catch((e: unknown) => e)
    expect((again as NetlifyApiError).status).toBe(422)
    api.close()
  })

  it('revert discards the sessions after the one named', async () => {
    const api = client()
    const runner = await finishedRun(api)
    const first = await latestSessionId(api, runner.id)
    const second = await api.createSession(runner.id, { prompt: 'second' })
    await until(
      () => api.getSession(runner.id, second.id),
      s => isTerminalSessionState(s.state)
    )
    const third = await api.createSession(runner.id, { prompt: 'third' })
    await until(
      () => api.getSession(runner.id, third.id),
      s => isTerminalSessionState(s.state)
    )

    const reverted = await api.revertRunner(runner.id, second.id)
    expect(reverted.id).toBe(runner.id)
    expect(fake.requests.at(-1)?.body).toEqual({ session_id: second.id })
    const kept = await api.listSessions(runner.id)
    expect(kept.items.map(s => s.id)).toEqual([first, second.id])
    const all = await api.listSessions(runner.id, { include_discarded: true })
    expect(all.items.find(s => s.id === third.id)?.is_discarded).toBe(true)

    const unknown = await api.revertRunner(runner.id, 'no-session').catch((e: unknown) => e)
    expect((unknown as NetlifyApiError).status).toBe(404)
    api.close()
  })

  it('rebase is refused on a git site and makes a rebase session on a site without git', async () => {
    const api = client()
    const gitRunner = await finishedRun(api)
    const refused = await api.rebaseRunner(gitRunner.id).catch((e: unknown) => e)
    expect((refused as NetlifyApiError).status).toBe(422)

    const zipRunner = await api.createRunner('zip-site', { prompt: 'zip' })
    await until(
      () => api.getRunner(zipRunner.id),
      r => normalizeState(r.state) === 'done'
    )
    const session = await api.rebaseRunner(zipRunner.id)
    expect(session.mode).toBe('rebase')
    expect(session.agent_runner_id).toBe(zipRunner.id)
    api.close()
  })

  it('the runner diff streams to a file, by page and without binary content when asked', async () => {
    fake.setScenario({ binaryDiff: true })
    const api = client()
    const runner = await finishedRun(api)
    const whole = join(tmp, 'runner.diff')
    const bytes = await api.downloadRunnerDiff(runner.id, whole)
    expect(bytes).toBe(statSync(whole).size)
    expect(readFileSync(whole, 'utf8')).toContain('GIT binary patch')

    const stripped = join(tmp, 'runner-stripped.diff')
    await api.downloadRunnerDiff(runner.id, stripped, {
      strip_binary: true,
      page: 1,
      per_page: 100
    })
    expect(fake.requests.at(-1)?.query).toEqual({
      strip_binary: 'true',
      page: '1',
      per_page: '100'
    })
    expect(readFileSync(stripped, 'utf8')).not.toContain('GIT binary patch')
    api.close()
  })

  it('a runner without changes has no diff: null, and no file', async () => {
    fake.setScenario({ noChanges: true })
    const api = client()
    const runner = await finishedRun(api)
    const file = join(tmp, 'none.diff')
    expect(await api.downloadRunnerDiff(runner.id, file)).toBeNull()
    api.close()
  })

  it('a pull request is created asynchronously, and refused while a session is active', async () => {
    fake.setScenario({ prMs: 100 })
    const api = client()
    const runner = await finishedRun(api)
    const started = await api.createPullRequest(runner.id)
    expect(started.pr_is_being_created).toBe(true)
    const done = await until(
      () => api.getRunner(runner.id),
      r => !r.pr_is_being_created
    )
    expect(done.pr_url).toMatch(/^https:\/\//)
    expect(done.pr_number).toEqual(expect.any(Number))
    expect(done.pr_error).toBeNull()

    fake.setScenario({ sessionMs: 60_000 })
    await api.createSession(runner.id, { prompt: 'more' })
    const busy = await api.createPullRequest(runner.id).catch((e: unknown) => e)
    expect((busy as NetlifyApiError).status).toBe(409)
    expect((busy as Error).message).toContain('already has an active session')
    api.close()
  })

  it('a pull request error is reported on the runner', async () => {
    fake.setScenario({ prMs: 50, prError: 'GitHub app not installed' })
    const api = client()
    const runner = await finishedRun(api)
    await api.createPullRequest(runner.id)
    const done = await until(
      () => api.getRunner(runner.id),
      r => !r.pr_is_being_created
    )
    expect(done.pr_error).toBe('GitHub app not installed')
    api.close()
  })

  it('commit goes to a branch asynchronously; main is refused with a 400', async () => {
    fake.setScenario({ commitMs: 50 })
    const api = client()
    const runner = await finishedRun(api)
    const refused = await api.commitToBranch(runner.id, 'main').catch((e: unknown) => e)
    expect((refused as NetlifyApiError).status).toBe(400)
    await api.commitToBranch(runner.id, 'agent/maintenance')
    expect(fake.requests.at(-1)?.body).toEqual({ target_branch: 'agent/maintenance' })
    const done = await until(
      () => api.getRunner(runner.id),
      r => !r.merge_commit_is_being_created
    )
    expect(done.merge_commit_sha).toMatch(/^[0-9a-f]{7,40}$/)
    api.close()
  })

  it('files are uploaded through a presigned URL without the token, and removed through delete_url', async () => {
    const api = client()
    const { upload_url, file_key } = await api.createUploadUrl({
      account_id: ACCOUNT,
      filename: 'notes.md',
      content_type: 'text/markdown'
    })
    await api.uploadFile(upload_url, Buffer.from('# Notes\n'), 'text/markdown')
    const put = fake.requests.at(-1)
    expect(put?.method).toBe('PUT')
    expect(put?.headers.authorization).toBeUndefined()
    expect(fake.uploads.get(file_key)?.toString()).toBe('# Notes\n')

    const refused = await api
      .createUploadUrl({
        account_id: ACCOUNT,
        filename: 'tool.exe',
        content_type: 'application/octet-stream'
      })
      .catch((e: unknown) => e)
    expect((refused as NetlifyApiError).status).toBe(422)

    const { delete_url } = await api.createDeleteUrl({ account_id: ACCOUNT, file_key })
    await api.deleteUploadedFile(delete_url)
    expect(fake.requests.at(-1)?.headers.authorization).toBeUndefined()
    expect(fake.uploads.has(file_key)).toBe(false)

    const runner = await api.createRunner(SITE, { prompt: 'with a file', file_keys: [file_key] })
    expect(runner.attached_file_keys).toEqual([file_key])
    api.close()
  })
})

describe('sessions', () => {
  it('a follow-up session: create, get, list in order, and 409 while one is active', async () => {
    const api = client()
    const runner = await finishedRun(api)
    const session = await api.createSession(runner.id, {
      prompt: 'follow up',
      agent: 'codex',
      model: 'gpt-5'
    })
    expect(fake.requests.at(-1)?.body).toEqual({
      prompt: 'follow up',
      agent: 'codex',
      model: 'gpt-5'
    })
    expect(session.prompt).toBe('follow up')
    const busy = await api.createSession(runner.id, { prompt: 'again' }).catch((e: unknown) => e)
    expect((busy as NetlifyApiError).status).toBe(409)

    const done = await until(
      () => api.getSession(runner.id, session.id),
      s => isTerminalSessionState(s.state)
    )
    expect(normalizeState(done.state)).toBe('done')
    expect(done.steps.length).toBe(2)
    expect(done.result).toEqual(expect.any(String))

    const asc = await api.listSessions(runner.id, { order_by: 'asc' })
    const desc = await api.listSessions(runner.id, { order_by: 'desc' })
    expect(asc.items.map(s => s.id)).toEqual(desc.items.map(s => s.id).reverse())
    expect(desc.items[0]?.id).toBe(session.id)
    const errors = await api.listSessions(runner.id, {
      state: 'error',
      from: 0,
      to: 4_000_000_000,
      page: 1,
      per_page: 10
    })
    expect(errors.items).toEqual([])
    expect(fake.requests.at(-1)?.query).toEqual({
      state: 'error',
      from: '0',
      to: '4000000000',
      page: '1',
      per_page: '10'
    })

    const missing = await api.getSession(runner.id, 'nope').catch((e: unknown) => e)
    expect((missing as Error).message).toContain(
      `Session nope of agent runner ${runner.id} was not found`
    )
    api.close()
  })

  it('update patches the session', async () => {
    const api = client()
    const runner = await finishedRun(api)
    const id = await latestSessionId(api, runner.id)
    const updated = await api.updateSession(runner.id, id, { title: 'Renamed', is_published: true })
    expect(fake.requests.at(-1)?.body).toEqual({ title: 'Renamed', is_published: true })
    expect(updated.title).toBe('Renamed')
    expect(updated.is_published).toBe(true)
    api.close()
  })

  it('stop cancels one session', async () => {
    fake.setScenario({ sessionMs: 60_000 })
    const api = client()
    const runner = await api.createRunner(SITE, { prompt: 'long' })
    const id = await latestSessionId(api, runner.id)
    await api.stopSession(runner.id, id)
    expect(normalizeState((await api.getSession(runner.id, id)).state)).toBe('cancelled')
    api.close()
  })

  it('redeploy makes a redeploy session from a done one', async () => {
    const api = client()
    const runner = await finishedRun(api)
    const id = await latestSessionId(api, runner.id)
    const redeploy = await api.redeploySession(runner.id, id)
    expect(redeploy.mode).toBe('redeploy')
    expect(redeploy.source_session_id).toBe(id)
    const busy = await api.redeploySession(runner.id, id).catch((e: unknown) => e)
    expect((busy as NetlifyApiError).status).toBe(409)
    api.close()
  })

  it('lower-case states read the same', async () => {
    fake.setScenario({ lowercaseStates: true })
    const api = client()
    const runner = await finishedRun(api)
    expect(runner.state).toBe('done')
    expect(normalizeState(runner.state)).toBe('done')
    api.close()
  })
})

describe('session diffs', () => {
  it('result and cumulative diffs stream to files; a session without changes has none', async () => {
    const api = client()
    const runner = await finishedRun(api, 'first change')
    const second = await api.createSession(runner.id, { prompt: 'second change' })
    await until(
      () => api.getSession(runner.id, second.id),
      s => isTerminalSessionState(s.state)
    )

    const result = join(tmp, 'result.diff')
    const cumulative = join(tmp, 'cumulative.diff')
    const resultBytes = await api.downloadResultDiff(runner.id, second.id, result)
    const cumulativeBytes = await api.downloadCumulativeDiff(runner.id, second.id, cumulative)
    expect(resultBytes).toBe(statSync(result).size)
    expect(cumulativeBytes).toBe(statSync(cumulative).size)
    expect(cumulativeBytes).toBeGreaterThan(resultBytes ?? Infinity)
    expect(readFileSync(result, 'utf8')).toMatch(/^diff --git /)

    fake.setScenario({ noChanges: true })
    const empty = await api.createSession(runner.id, { prompt: 'nothing' })
    await until(
      () => api.getSession(runner.id, empty.id),
      s => isTerminalSessionState(s.state)
    )
    expect(await api.downloadResultDiff(runner.id, empty.id, join(tmp, 'empty.diff'))).toBeNull()
    api.close()
  })

  it('diff upload URLs come for the result and the cumulative diff', async () => {
    const api = client()
    const runner = await finishedRun(api)
    const id = await latestSessionId(api, runner.id)
    const urls = await api.createDiffUploadUrls(runner.id, id)
    expect(urls.result.upload_url).toMatch(/^http/)
    expect(urls.cumulative.s3_key).toEqual(expect.any(String))
    api.close()
  })

  it('a 100 MB diff goes to disk without the process growing by 100 MB', async () => {
    fake.setScenario({ diffBytes: 100_000_000 })
    const api = client()
    const runner = await finishedRun(api)
    const id = await latestSessionId(api, runner.id)
    const file = join(tmp, 'big.diff')
    const memory = new RssPeak()
    const sampler = setInterval(() => memory.sample(), 5)
    const bytes = await api.downloadResultDiff(runner.id, id, file)
    clearInterval(sampler)
    expect(bytes).toBeGreaterThanOrEqual(100_000_000)
    expect(statSync(file).size).toBe(bytes)
    // The fake and the client share this process; both stream, so the growth stays far below 100 MB.
    expect(memory.growth).toBeLessThan(50 * 1024 * 1024)
    api.close()
  })
})

describe('retries', () => {
  it('a 429 with Retry-After is waited out and retried', async () => {
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, status: 429, retryAfter: '2' })
    const api = client()
    const site = await api.getSite(SITE)
    api.close()
    expect(site.name).toBe('fake-site')
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000)
    expect(sleeps[0]).toBeLessThan(3000)
  })

  it('a 429 with X-RateLimit-Reset waits until the reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 5
    fake.injectFault({
      method: 'GET',
      path: `/api/v1/sites/${SITE}`,
      status: 429,
      rateLimitReset: reset
    })
    const api = client()
    await api.getSite(SITE)
    api.close()
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThan(3000)
    expect(sleeps[0]).toBeLessThan(6000)
  })

  it('a burst of 503s is ridden out with growing, jittered waits', async () => {
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, status: 503, times: 3 })
    const api = client({ random: () => 0.5, backoff: { baseMs: 100, capMs: 10_000 } })
    const before = fake.requests.length
    await api.getSite(SITE)
    api.close()
    expect(fake.requests.length - before).toBe(4)
    expect(sleeps).toEqual([50, 100, 200])
  })

  it('a reset connection is retried', async () => {
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, reset: true, times: 2 })
    const api = client()
    const before = fake.requests.length
    const site = await api.getSite(SITE)
    api.close()
    expect(site.id).toBe(SITE)
    expect(fake.requests.length - before).toBe(3)
  })

  it('a hung request times out and is retried', async () => {
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, delayMs: 5_000 })
    const api = client({ timeoutMs: 200 })
    const started = Date.now()
    const site = await api.getSite(SITE)
    api.close()
    expect(site.id).toBe(SITE)
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it("a proxy's HTML 502 page is retried, and reported by status when it persists", async () => {
    fake.injectFault({
      method: 'GET',
      path: `/api/v1/sites/${SITE}`,
      status: 502,
      html: true,
      times: Infinity
    })
    const api = client({ maxAttempts: 3 })
    const err = await api.getSite(SITE).catch((e: unknown) => e)
    api.close()
    expect(err).toBeInstanceOf(NetlifyApiError)
    expect((err as Error).message).toBe(
      `Netlify API GET /api/v1/sites/${SITE} failed with 502: Bad Gateway`
    )
    expect(sleeps).toHaveLength(2)
  })

  it('HTML where JSON was promised is retried on a read', async () => {
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, status: 200, html: true })
    const api = client()
    const site = await api.getSite(SITE)
    api.close()
    expect(site.id).toBe(SITE)
    expect(sleeps).toHaveLength(1)
  })

  it('a create answered with a 502 is not sent again (it may have started a run)', async () => {
    fake.injectFault({ method: 'POST', path: '/api/v1/agent_runners', status: 502, after: true })
    const api = client()
    const before = fake.requests.filter(r => r.method === 'POST').length
    const err = await api.createRunner(SITE, { prompt: 'only once' }).catch((e: unknown) => e)
    api.close()
    expect((err as NetlifyApiError).status).toBe(502)
    expect(fake.requests.filter(r => r.method === 'POST').length - before).toBe(1)
    const created = fake.runners().filter(r => fake.sessions(r.id)[0]?.prompt === 'only once')
    expect(created).toHaveLength(1)
  })

  it('a create cut off by a reset is not sent again, and says whether it was sent', async () => {
    fake.injectFault({ method: 'POST', path: '/api/v1/agent_runners', reset: true })
    const api = client()
    const err = await api.createRunner(SITE, { prompt: 'reset' }).catch((e: unknown) => e)
    api.close()
    expect(err).toBeInstanceOf(NetlifyNetworkError)
    expect((err as NetlifyNetworkError).requestSent).toBe(true)
    expect(sleeps).toEqual([])
  })

  it('a create refused with a 429 is retried: the server did not act on it', async () => {
    fake.injectFault({
      method: 'POST',
      path: '/api/v1/agent_runners',
      status: 429,
      retryAfter: '1'
    })
    const api = client()
    const runner = await api.createRunner(SITE, { prompt: 'after the limit' })
    api.close()
    expect(runner.id).toEqual(expect.any(String))
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000)
    expect(sleeps[0]).toBeLessThan(2000)
  })

  it('429s do not use up the attempts meant for failures', async () => {
    fake.injectFault({
      method: 'GET',
      path: `/api/v1/sites/${SITE}`,
      status: 429,
      retryAfter: '0',
      times: 6
    })
    const api = client({ maxAttempts: 2 })
    const site = await api.getSite(SITE)
    api.close()
    expect(site.id).toBe(SITE)
    expect(sleeps).toHaveLength(6)
  })

  it('a 503 after a run of 429s backs off as a first failure', async () => {
    fake.injectFault({
      method: 'GET',
      path: `/api/v1/sites/${SITE}`,
      status: 429,
      retryAfter: '0',
      times: 3
    })
    const api = client({ random: () => 0.5, backoff: { baseMs: 100, capMs: 10_000 } })
    const pending = api.getSite(SITE)
    // Queued behind the three 429s: the fourth answer is a 503.
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, status: 503 })
    await pending
    api.close()
    // Three server-named waits (0 s plus jitter), then the 503's first backoff step: 0.5 × 100 ms.
    expect(sleeps).toEqual([500, 500, 500, 50])
  })

  it('permanent errors are not retried', async () => {
    fake.injectFault({
      method: 'GET',
      path: `/api/v1/sites/${SITE}`,
      status: 403,
      body: '{"error":"Credit limit reached"}'
    })
    const api = client()
    const err = await api.getSite(SITE).catch((e: unknown) => e)
    api.close()
    expect((err as NetlifyApiError).status).toBe(403)
    expect((err as Error).message).toMatch(/Credit limit reached\. .*credits/)
    expect(sleeps).toEqual([])
  })

  it('attempts are bounded, and no retry starts past the deadline', async () => {
    fake.injectFault({ method: 'GET', path: `/api/v1/sites/${SITE}`, status: 503, times: Infinity })
    const bounded = client({ maxAttempts: 4 })
    await expect(bounded.getSite(SITE)).rejects.toThrow(/failed with 503/)
    bounded.close()
    expect(sleeps).toHaveLength(3)

    sleeps.length = 0
    fake.clearFaults()
    fake.injectFault({
      method: 'GET',
      path: `/api/v1/sites/${SITE}`,
      status: 503,
      retryAfter: '60',
      times: Infinity
    })
    // The server asks for 60 s; the deadline is 5 s away, so the client gives up now instead.
    const late = client({ deadline: Date.now() + 5_000 })
    await expect(late.getSite(SITE)).rejects.toThrow(/503/)
    late.close()
    expect(sleeps).toEqual([])
  })

  it('the rate-limit headers are kept for the caller', async () => {
    fake.setScenario({ rateLimit: { limit: 1000, windowMs: 60_000 } })
    const api = client()
    await api.getSite(SITE)
    api.close()
    fake.setScenario({ rateLimit: null })
    expect(api.rateLimit.limit).toBe(1000)
    expect(api.rateLimit.remaining).toEqual(expect.any(Number))
    expect(api.rateLimit.resetAt).toEqual(expect.any(Number))
  })
})

describe('through a proxy', () => {
  // The transport reads HTTP_PROXY as http-client does, from process.env at each request.
  const saved = process.env.HTTP_PROXY
  afterEach(() => {
    if (saved === undefined) delete process.env.HTTP_PROXY
    else process.env.HTTP_PROXY = saved
  })
  const unresolvable = 'http://api.netlify.invalid:9'

  it('a proxy that never answers CONNECT times out, the request never left, and close lets go', async () => {
    const held: Socket[] = []
    // Reads what comes, answers nothing.
    const silent = createServer(socket => held.push(socket.resume()))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    process.env.HTTP_PROXY = `http://127.0.0.1:${(silent.address() as { port: number }).port}`
    const api = client({ apiUrl: unresolvable, timeoutMs: 200, maxAttempts: 2 })
    const started = Date.now()
    const err = await api.getSite(SITE).catch((e: unknown) => e)
    api.close()
    // The CONNECTs still waiting are given up, so that the process can exit.
    expect(held).toHaveLength(2)
    await Promise.all(
      held.map(socket => socket.closed || new Promise(resolve => socket.once('close', resolve)))
    )
    await new Promise(resolve => silent.close(resolve))
    expect(err).toBeInstanceOf(NetlifyNetworkError)
    expect((err as NetlifyNetworkError).code).toBe('ETIMEDOUT')
    expect((err as NetlifyNetworkError).requestSent).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('a create the proxy opened no tunnel for is sent again: it never reached Netlify', async () => {
    const proxy = await startForwardProxy({ hosts: {} })
    process.env.HTTP_PROXY = proxy.url
    const api = client({ apiUrl: unresolvable, maxAttempts: 3 })
    const err = await api.createRunner(SITE, { prompt: 'never left' }).catch((e: unknown) => e)
    api.close()
    await proxy.close()
    expect((err as NetlifyNetworkError).code).toBe('ETUNNEL')
    expect((err as NetlifyNetworkError).requestSent).toBe(false)
    expect(proxy.log.map(r => `${r.method} ${r.target}`)).toEqual(
      Array(3).fill('CONNECT api.netlify.invalid:9')
    )
    expect(sleeps).toHaveLength(2)
  })
})
