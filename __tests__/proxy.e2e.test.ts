// Proxies, end to end: dist/main behind a real forward proxy on 127.0.0.1
// (__fixtures__/forward-proxy.ts). Netlify's requests follow @actions/http-client's rules, the
// ones Octokit's follow: HTTP(S)_PROXY, NO_PROXY by suffix or `*`, loopback never proxied, and a
// CONNECT tunnel for every proxied request. Netlify is addressed as api.netlify.invalid, a name
// only the proxy resolves; where a test needs it to resolve without the proxy,
// __fixtures__/invalid-hosts.mjs stands in for a hosts file. No test asks DNS.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, runAction } from '../__fixtures__/actions-runner.js'
import { startFakeGitHub, type FakeGitHub } from '../__fixtures__/fake-github/index.js'
import { startFakeNetlify, type FakeNetlify } from '../__fixtures__/fake-netlify/index.js'
import { startForwardProxy, type ForwardProxy } from '../__fixtures__/forward-proxy.js'
import { useFakeNetlify } from '../__fixtures__/use-fake-netlify.js'

const TOKEN = 'nfp_proxy_token'
const SITE = 'site-proxy'
const SITES = [{ id: SITE, name: 'proxy-site', account_id: 'acct-proxy' }]
const HOST = 'api.netlify.invalid'
const GITHUB_HOST = 'api.github.invalid'
const GH_TOKEN = 'ghs_proxy_workflow_token'
const TLS_DIR = join(ROOT, '__fixtures__/tls')
/** Makes *.invalid resolve to 127.0.0.1 in the action's process, without DNS. */
const INVALID_HOSTS = `--import=${pathToFileURL(join(ROOT, '__fixtures__/invalid-hosts.mjs')).href}`

const fake = useFakeNetlify({ token: TOKEN, sites: SITES, scenario: { sessionMs: 0, steps: 2 } })
let tlsFake: FakeNetlify
let gh: FakeGitHub
let proxy: ForwardProxy

beforeAll(async () => {
  gh = await startFakeGitHub({
    token: GH_TOKEN,
    owner: 'octo',
    repo: 'site',
    permissions: { alice: 'write' },
    issues: [
      {
        number: 12,
        title: 'Header "Docs" link points to the old docs',
        // The text the labeled event carries: the action refuses an issue edited since.
        body: (
          JSON.parse(
            readFileSync(join(ROOT, '__fixtures__/events/issues-labeled.json'), 'utf8')
          ) as { issue: { body: string } }
        ).issue.body,
        user: 'bob'
      }
    ]
  })
  tlsFake = await startFakeNetlify({
    token: TOKEN,
    sites: SITES,
    scenario: { sessionMs: 0, steps: 2 },
    tls: {
      key: readFileSync(join(TLS_DIR, 'key.pem')),
      cert: readFileSync(join(TLS_DIR, 'cert.pem'))
    }
  })
})
afterAll(async () => {
  await tlsFake.close()
  await gh.close()
})
beforeEach(async () => {
  proxy = await startForwardProxy({ hosts: { [HOST]: '127.0.0.1', [GITHUB_HOST]: '127.0.0.1' } })
})
afterEach(async () => {
  await proxy.close()
})

const portOf = (url: string): string => new URL(url).port
/** The fake's URL with api.netlify.invalid in place of 127.0.0.1. */
const byName = (url: string): string => url.replace('127.0.0.1', HOST)

function inputs(apiUrl: string): Record<string, string> {
  return {
    'netlify-auth-token': TOKEN,
    'site-id': SITE,
    'api-url': apiUrl,
    prompt: `Behind a proxy ${Math.random()}`,
    'job-summary': 'false'
  }
}

describe('through the proxy', () => {
  it('plain HTTP to Netlify goes through HTTP_PROXY: a tunnel, and every request inside it', async () => {
    const before = fake().requests.length
    const run = await runAction({
      inputs: inputs(byName(fake().url)),
      env: { HTTP_PROXY: proxy.url }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')

    const target = `${HOST}:${portOf(fake().url)}`
    const tunnels = proxy.log.filter(r => r.method === 'CONNECT')
    expect(tunnels.length).toBeGreaterThan(0)
    expect(tunnels.every(r => r.target === target)).toBe(true)
    const inside = proxy.log.filter(r => r.tunnelled).map(r => `${r.method} ${r.target}`)
    const base = `http://${target}/api/v1`
    expect(inside[0]).toBe(`GET ${base}/sites/${SITE}`)
    expect(inside).toContain(`POST ${base}/agent_runners?site_id=${SITE}`)
    expect(inside.some(r => r.startsWith('GET ') && r.includes('/diff/result'))).toBe(true)
    // Everything the fake received came through the proxy.
    expect(fake().requests.length - before).toBe(inside.length)
  })

  it('HTTPS to Netlify goes through HTTPS_PROXY with CONNECT, with the credentials in its URL', async () => {
    const run = await runAction({
      inputs: inputs(byName(tlsFake.url)),
      env: {
        HTTPS_PROXY: proxy.url.replace('http://', 'http://agent:p%40ss@'),
        NODE_EXTRA_CA_CERTS: join(TLS_DIR, 'cert.pem')
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(proxy.log.length).toBeGreaterThan(0)
    for (const entry of proxy.log) {
      expect(entry).toEqual({
        method: 'CONNECT',
        target: `${HOST}:${portOf(tlsFake.url)}`,
        tunnelled: false,
        proxyAuthorization: `Basic ${Buffer.from('agent:p@ss').toString('base64')}`
      })
    }
    expect(tlsFake.requests.some(r => r.path === `/api/v1/sites/${SITE}`)).toBe(true)
  })

  it('NO_PROXY naming another domain leaves Netlify behind the proxy', async () => {
    const run = await runAction({
      inputs: inputs(byName(fake().url)),
      env: { HTTP_PROXY: proxy.url, NO_PROXY: 'github.invalid, example.invalid:80' }
    })
    expect(run.exitCode).toBe(0)
    expect(proxy.log.filter(r => r.method === 'CONNECT').length).toBeGreaterThan(0)
  })

  it('a proxy that opens no tunnel: the error names Netlify’s host, the input and the proxy', async () => {
    // The proxy knows no such host, and answers CONNECT with 502.
    const run = await runAction({
      inputs: inputs('http://elsewhere.invalid:8'),
      env: { HTTP_PROXY: proxy.url }
    })
    expect(run.exitCode).toBe(1)
    expect(run.log).toContain(
      `::error::Netlify could not be reached at elsewhere.invalid:8 (from input \`api-url\`): GET /api/v1/sites/${SITE}: the proxy at ${new URL(proxy.url).host} opened no tunnel: tunneling socket could not be established, statusCode=502 (ETUNNEL)`
    )
    expect(run.log).toMatch(
      /Netlify could not be reached at elsewhere\.invalid:8 \(from input `api-url`\): GET \/api\/v1\/sites\/site-proxy \(ETUNNEL\); trying again in \d+\.\d s \(attempt 2\)\./
    )
    expect(proxy.log.length).toBeGreaterThan(1)
  }, 30_000)
})

describe('past the proxy', () => {
  const bypasses: [string, Record<string, string>][] = [
    ['NO_PROXY=netlify.invalid (a domain suffix)', { NO_PROXY: 'netlify.invalid' }],
    ['NO_PROXY=.netlify.invalid (a leading dot)', { NO_PROXY: '.netlify.invalid' }],
    ['NO_PROXY=* (everything)', { NO_PROXY: '*' }],
    ['no_proxy, lower case, in a list', { no_proxy: 'github.invalid, NETLIFY.invalid' }]
  ]
  it.each(bypasses)('%s sends Netlify’s requests direct', async (_name, env) => {
    const before = fake().requests.length
    const run = await runAction({
      inputs: inputs(byName(fake().url)),
      env: { HTTP_PROXY: proxy.url, NODE_OPTIONS: INVALID_HOSTS, ...env }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(fake().requests.length).toBeGreaterThan(before)
    expect(proxy.log).toEqual([])
  })

  it('loopback is never proxied: api-url on 127.0.0.1 goes direct with HTTP_PROXY set', async () => {
    const run = await runAction({
      inputs: inputs(fake().url),
      env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(proxy.log).toEqual([])
  })
})

describe('GitHub and Netlify follow the same rules', () => {
  /** A labeled issue: Octokit asks GitHub who labeled it, then the run starts on Netlify. */
  const labeled = (env: Record<string, string>) =>
    runAction({
      inputs: inputs(byName(fake().url)),
      env,
      github: {
        eventName: 'issues',
        event: 'issues-labeled.json',
        apiUrl: gh.url.replace('127.0.0.1', GITHUB_HOST),
        token: GH_TOKEN
      }
    })
  const tunnelled = () =>
    new Set(proxy.log.filter(r => r.method === 'CONNECT').map(r => r.target.split(':')[0]))

  it('with HTTP_PROXY both go through the proxy', async () => {
    const before = gh.requests.length
    const run = await labeled({ HTTP_PROXY: proxy.url })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(tunnelled()).toEqual(new Set([GITHUB_HOST, HOST]))
    const toGitHub = proxy.log.filter(r => r.tunnelled && r.target.includes(GITHUB_HOST))
    expect(toGitHub.length).toBe(gh.requests.length - before)
  })

  it('NO_PROXY=github.invalid sends Octokit past the proxy, and Netlify still through it', async () => {
    const run = await labeled({
      HTTP_PROXY: proxy.url,
      NO_PROXY: 'github.invalid',
      NODE_OPTIONS: INVALID_HOSTS
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    expect(tunnelled()).toEqual(new Set([HOST]))
  })
})

describe('a proxy variable the HTTP clients cannot use', () => {
  it('is named in one warning each, without its value, and requests go out directly', async () => {
    const run = await runAction({
      inputs: inputs(byName(fake().url)),
      env: {
        HTTP_PROXY: 'agent:s3cret@proxy.corp:3128',
        https_proxy: 'localhost:3128',
        NODE_OPTIONS: INVALID_HOSTS
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.outcome).toBe('success')
    const warnings = run.log.split('\n').filter(l => l.startsWith('::warning::'))
    expect(warnings).toEqual([
      expect.stringMatching(/^::warning::`https_proxy` is not a proxy URL .*go out directly\.$/),
      expect.stringMatching(/^::warning::`HTTP_PROXY` is not a proxy URL .*go out directly\.$/)
    ])
    expect(run.log).not.toContain('s3cret')
    expect(run.log).not.toContain('proxy.corp')
  })
})
