// The fake Netlify Agent Runners API's own mechanics: lifecycle, paging, faults, rate limit,
// streaming and the standalone CLI.
import { spawnSync } from 'node:child_process'
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals'
import { startFakeCli } from '../__fixtures__/fake-cli-process.js'
import { startFakeNetlify, type FakeNetlify } from '../__fixtures__/fake-netlify/index.js'
import { RssPeak } from '../__fixtures__/rss-peak.js'
import type { AgentRunner, AgentRunnerSession } from '../src/netlify/types.js'

let fake: FakeNetlify

const headers = () => ({
  Authorization: `Bearer ${fake.token}`,
  'Content-Type': 'application/json'
})

function call(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${fake.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: headers(),
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
}

async function json<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await call(path, init)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

const createRunner = (prompt = 'Add a contact form') =>
  json<AgentRunner>('/agent_runners?site_id=site-1', { method: 'POST', body: { prompt } })

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function waitForRunner(
  id: string,
  done: (runner: AgentRunner) => boolean
): Promise<AgentRunner> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const runner = await json<AgentRunner>(`/agent_runners/${id}`)
    if (done(runner)) return runner
    await sleep(20)
  }
  throw new Error(`runner ${id} never reached the expected state`)
}

beforeAll(async () => {
  fake = await startFakeNetlify()
})

afterAll(async () => {
  await fake.close()
})

beforeEach(() => {
  fake.setScenario({})
  fake.clearFaults()
})

describe('session lifecycle', () => {
  it('goes NEW -> RUNNING -> DONE with steps appearing while running', async () => {
    fake.setScenario({ sessionMs: 1000, steps: 4 })
    const created = await createRunner('Add a dark mode toggle')
    expect(created.state).toBe('NEW')
    expect(created.id).toMatch(/^[0-9a-f]{24}$/)
    expect(created.active_session_created_at).not.toBeNull()

    const [first] = await json<AgentRunnerSession[]>(`/agent_runners/${created.id}/sessions`)
    const states: string[] = [created.state]
    const runningStepCounts = new Set<number>()
    let session = first as AgentRunnerSession
    while (session.state !== 'DONE') {
      await sleep(25)
      session = await json<AgentRunnerSession>(
        `/agent_runners/${created.id}/sessions/${session.id}`
      )
      if (states.at(-1) !== session.state) states.push(session.state)
      if (session.state === 'RUNNING') runningStepCounts.add(session.steps.length)
    }

    expect(states).toEqual(['NEW', 'RUNNING', 'DONE'])
    expect(runningStepCounts.size).toBeGreaterThan(1)
    expect(session.steps).toHaveLength(4)
    expect(session.steps[0]).toEqual({ title: expect.any(String), message: expect.any(String) })
    expect(session.title).toBe('Add a dark mode toggle')
    expect(session.result).toContain('Add a dark mode toggle')
    expect(session.deploy_url).toBe(`https://${session.deploy_id}--fake-site.netlify.app`)
    expect(session.has_result_diff).toBe(true)

    const runner = await json<AgentRunner>(`/agent_runners/${created.id}`)
    expect(runner).toMatchObject({
      state: 'DONE',
      latest_session_state: 'DONE',
      latest_session_deploy_id: session.deploy_id,
      has_result_diff: true,
      current_task: null,
      active_session_created_at: null,
      result_branch: `agent-${created.id.slice(-8)}`
    })
    expect(runner.done_at).not.toBeNull()
  })

  it('serves lowercase states when asked to', async () => {
    fake.setScenario({ sessionMs: 0, lowercaseStates: true })
    const created = await createRunner()
    const done = await waitForRunner(created.id, runner => runner.state === 'done')
    expect(done.latest_session_state).toBe('done')
    const [session] = await json<AgentRunnerSession[]>(`/agent_runners/${created.id}/sessions`)
    expect(session?.state).toBe('done')
  })

  it('opens a pull request asynchronously', async () => {
    fake.setScenario({ sessionMs: 0, prMs: 100 })
    const { id } = await createRunner()
    const requested = await json<AgentRunner>(`/agent_runners/${id}/pull_request`, {
      method: 'POST'
    })
    expect(requested.pr_is_being_created).toBe(true)
    const opened = await waitForRunner(id, runner => !runner.pr_is_being_created)
    expect(opened).toMatchObject({
      pr_state: 'OPEN',
      pr_error: null,
      pr_branch: `agent-${id.slice(-8)}`
    })
    expect(opened.pr_url).toBe(`https://github.com/fake-org/fake-site/pull/${opened.pr_number}`)
  })
})

describe('listing', () => {
  it('pages runners with a Link header that keeps the other query parameters', async () => {
    const siteFake = await startFakeNetlify({
      sites: [{ id: 'paged', name: 'paged', account_id: 'acc' }]
    })
    try {
      const auth = { Authorization: `Bearer ${siteFake.token}`, 'Content-Type': 'application/json' }
      for (let i = 0; i < 5; i++) {
        await fetch(`${siteFake.url}/api/v1/agent_runners?site_id=paged`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ prompt: `Task number ${i}` })
        })
      }
      const response = await fetch(
        `${siteFake.url}/api/v1/agent_runners?account_id=acc&site_id=paged&title=task&page=2&per_page=2`,
        { headers: auth }
      )
      const page = (await response.json()) as AgentRunner[]
      expect(page.map(runner => runner.title)).toEqual(['Task number 2', 'Task number 1'])

      const links = Object.fromEntries(
        (response.headers.get('link') ?? '').split(', ').map(part => {
          const [, url, rel] = /^<([^>]+)>; rel="(\w+)"$/.exec(part) ?? []
          return [rel, new URL(url ?? '')]
        })
      )
      expect(Object.keys(links).sort()).toEqual(['first', 'last', 'next', 'prev'])
      expect(links.next?.origin).toBe(siteFake.url)
      expect(links.next?.searchParams.get('page')).toBe('3')
      expect(links.last?.searchParams.get('page')).toBe('3')
      expect(links.prev?.searchParams.get('page')).toBe('1')
      expect(links.next?.searchParams.get('title')).toBe('task')
      expect(links.next?.searchParams.get('account_id')).toBe('acc')

      const last = await fetch(links.last as URL, { headers: auth })
      expect(((await last.json()) as AgentRunner[]).map(runner => runner.title)).toEqual([
        'Task number 0'
      ])
      expect(last.headers.get('link')).not.toContain('rel="next"')
    } finally {
      await siteFake.close()
    }
  })
})

describe('faults', () => {
  it('fails the next `times` matching requests, then answers normally', async () => {
    fake.injectFault({
      method: 'GET',
      path: '/api/v1/sites/site-1',
      status: 502,
      html: true,
      times: 2
    })
    const first = await call('/sites/site-1')
    expect(first.status).toBe(502)
    expect(first.headers.get('content-type')).toContain('text/html')
    expect(await first.text()).toContain('502 Bad Gateway')
    expect((await call('/sites/site-1')).status).toBe(502)
    const third = await call('/sites/site-1')
    expect(third.status).toBe(200)
    expect(await third.json()).toMatchObject({ id: 'site-1', name: 'fake-site' })
  })

  it('resets the connection and still logs the request', async () => {
    fake.injectFault({ path: /\/agent_runners\/[^/]+$/, reset: true })
    await expect(call('/agent_runners/abc')).rejects.toThrow()
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api/v1/agent_runners/abc', status: 0 })
    expect((await call('/agent_runners/abc')).status).toBe(404)
  })

  it('with `after`, creates the runner and then answers with the fault', async () => {
    const before = fake.runners().length
    fake.injectFault({ method: 'POST', path: '/api/v1/agent_runners', status: 500, after: true })
    const response = await call('/agent_runners?site_id=site-1', {
      method: 'POST',
      body: { prompt: 'Created behind a failure' }
    })
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: expect.any(String) })
    expect(fake.runners()).toHaveLength(before + 1)
    expect(fake.runners().at(-1)?.title).toBe('Created behind a failure')
  })

  it('answers normally after a delay-only fault', async () => {
    fake.injectFault({ path: '/api/v1/sites/site-1', delayMs: 150 })
    const started = Date.now()
    expect((await call('/sites/site-1')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
})

describe('auth and routing', () => {
  it('rejects a wrong token and unknown routes with JSON errors', async () => {
    const denied = await fetch(`${fake.url}/api/v1/sites/site-1`, {
      headers: { Authorization: 'Bearer nope' }
    })
    expect(denied.status).toBe(401)
    expect(((await denied.json()) as { error: string }).error).toMatch(/^Access Denied/)
    const missing = await call('/no/such/route')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: 'Not Found' })
  })

  it('accepts uploads on the presigned URL and deletes them through the delete URL', async () => {
    const { upload_url, file_key } = await json<{ upload_url: string; file_key: string }>(
      '/agent_runners/upload_url',
      {
        method: 'POST',
        body: { account_id: 'account-1', filename: 'notes.md', content_type: 'text/markdown' }
      }
    )
    expect(upload_url.startsWith(`${fake.url}/__s3/`)).toBe(true)
    expect((await fetch(upload_url, { method: 'PUT', body: '# notes' })).status).toBe(200)
    expect(fake.uploads.get(file_key)?.toString()).toBe('# notes')

    const { delete_url } = await json<{ delete_url: string }>('/agent_runners/delete_url', {
      method: 'POST',
      body: { account_id: 'account-1', file_key }
    })
    expect((await fetch(delete_url, { method: 'DELETE' })).status).toBe(204)
    expect(fake.uploads.has(file_key)).toBe(false)

    const rejected = await call('/agent_runners/upload_url', {
      method: 'POST',
      body: {
        account_id: 'account-1',
        filename: 'tool.exe',
        content_type: 'application/octet-stream'
      }
    })
    expect(rejected.status).toBe(422)
  })
})

describe('rate limit', () => {
  it('counts down X-RateLimit-Remaining and answers 429 with Retry-After beyond the limit', async () => {
    const limited = await startFakeNetlify({
      scenario: { rateLimit: { limit: 3, windowMs: 60_000 } }
    })
    try {
      const get = () =>
        fetch(`${limited.url}/api/v1/sites/site-1`, {
          headers: { Authorization: `Bearer ${limited.token}` }
        })
      const answers = [await get(), await get(), await get(), await get()]
      expect(answers.map(r => r.status)).toEqual([200, 200, 200, 429])
      expect(answers.map(r => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0'])
      expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('3')
      const reset = Number(answers[3]?.headers.get('x-ratelimit-reset'))
      expect(reset).toBeGreaterThan(Date.now() / 1000)
      expect(Number(answers[3]?.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await answers[3]?.json()).toEqual({ error: expect.any(String) })
      expect(limited.requests).toHaveLength(4)
    } finally {
      await limited.close()
    }
  })
})

describe("diffStyle 'web'", () => {
  async function doneSession(prompt: string): Promise<[string, AgentRunnerSession]> {
    fake.setScenario({ sessionMs: 0, steps: 5, diffStyle: 'web' })
    const { id } = await createRunner(prompt)
    await waitForRunner(id, runner => runner.has_result_diff)
    const [session] = await json<AgentRunnerSession[]>(`/agent_runners/${id}/sessions`)
    return [id, session as AgentRunnerSession]
  }

  /** `git apply --numstat`: it parses the whole patch and refuses a corrupt one. */
  function numstat(diff: string): string[] {
    const result = spawnSync('git', ['apply', '--numstat', '-'], { input: diff, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    return result.stdout.trim().split('\n')
  }

  it('makes a dark mode prompt a header toggle, its styles and script, with steps to match', async () => {
    const [id, session] = await doneSession('Add a dark mode toggle to the header')
    const response = await call(`/agent_runners/${id}/sessions/${session.id}/diff/result`)
    expect(numstat(await response.text())).toEqual([
      '17\t0\tscripts/theme-toggle.js',
      '6\t0\tsrc/components/Header.html',
      '25\t2\tstyles/theme.css'
    ])
    expect(session.steps.map(step => step.title)).toEqual([
      'Exploring the codebase',
      'Planning the change',
      'Editing files',
      'Running the build',
      'Checking the deploy preview'
    ])
    expect(session.steps[0]?.message).toContain('src/components/Header.html')
    expect(session.result).toContain('**dark mode toggle**')
  })

  it('makes any other prompt a home page section that names the task, its HTML escaped', async () => {
    const [id] = await doneSession('Announce the <summer> sale & free shipping')
    const diff = await (await call(`/agent_runners/${id}/diff`)).text()
    expect(numstat(diff)).toEqual(['4\t0\tsrc/pages/index.html', '6\t0\tstyles/main.css'])
    expect(diff).toContain(
      '+      <h2 id="update-title">Announce the &lt;summer&gt; sale &amp; free shipping</h2>\n'
    )
  })
})

describe('large diffs', () => {
  it('streams a 100 MB diff without holding it in memory', async () => {
    const size = 100_000_000
    fake.setScenario({ sessionMs: 0, diffBytes: size })
    const { id } = await createRunner('Generate a huge change')
    await waitForRunner(id, runner => runner.has_result_diff)

    const memory = new RssPeak()
    const response = await call(`/agent_runners/${id}/diff`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    let bytes = 0
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
      memory.sample()
    }

    expect(Math.abs(bytes - size) / size).toBeLessThan(0.01)
    // Buffer churn and lazy GC cost tens of MB; holding the diff would cost at least 100 MB.
    expect(memory.growth).toBeLessThan(80 * 1024 * 1024)
  })
})

describe('standalone CLI', () => {
  it('prints its ready line, serves the site, logs requests and exits on SIGTERM', async () => {
    const cli = await startFakeCli(
      '__fixtures__/fake-netlify/cli.ts',
      ['--port', '0', '--token', 'T', '--site-id', 'S'],
      /^Fake Netlify API listening on (http:\/\/127\.0\.0\.1:\d+)\n/
    )
    try {
      const site = await fetch(`${cli.url}/api/v1/sites/S`, {
        headers: { Authorization: 'Bearer T' }
      })
      expect(site.status).toBe(200)
      expect(await site.json()).toMatchObject({ id: 'S', build_settings: { repo_branch: 'main' } })
      await cli.waitForStderr('GET /api/v1/sites/S -> 200')
    } finally {
      expect(await cli.stop()).toEqual({ code: 0, signal: null })
    }
    expect(cli.stdout()).toBe(`Fake Netlify API listening on ${cli.url}\n`)
  })

  it('refuses an unknown --diff-style with the usage', async () => {
    await expect(
      startFakeCli('__fixtures__/fake-netlify/cli.ts', ['--diff-style', 'huge'], /(never)/)
    ).rejects.toThrow(/exited early \(2\): --diff-style must be generated, web\nUsage: /)
  })
})
