import { afterEach, describe, expect, it } from '@jest/globals'
import { checkBypass, getProxyUrl } from '@actions/http-client/lib/proxy'
import { proxyVariable, proxyWarnings, readProxyValue } from '../src/proxy-env.js'

const VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']
const saved = Object.fromEntries(VARIABLES.map(name => [name, process.env[name]]))
/** Sets the proxy variables for http-client, which reads process.env itself. */
function setEnv(env: Record<string, string>): void {
  for (const name of VARIABLES) delete process.env[name]
  Object.assign(process.env, env)
}
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})

describe('which proxy values http-client uses', () => {
  const values = [
    'http://proxy.corp:3128',
    'https://user:p%40ss@proxy.corp',
    'proxy.corp:3128',
    'localhost:3128',
    'user:secret@proxy.corp:3128',
    '127.0.0.1:3128',
    'proxy.corp',
    'http://',
    '1.2.3.4:abc'
  ]
  it.each(values)('%s reads as http-client reads it', value => {
    setEnv({ HTTPS_PROXY: value })
    let expected: string
    try {
      expected = getProxyUrl(new URL('https://api.netlify.com'))?.hostname ? 'proxy' : 'ignored'
    } catch {
      expected = 'invalid'
    }
    expect(readProxyValue(value)).toBe(expected)
  })

  it('the lower-case variable wins, as in http-client', () => {
    expect(proxyVariable({ https_proxy: 'a', HTTPS_PROXY: 'b' }, 'https:')).toBe('https_proxy')
    expect(proxyVariable({ HTTPS_PROXY: 'b', HTTP_PROXY: 'c' }, 'https:')).toBe('HTTPS_PROXY')
    expect(proxyVariable({ HTTPS_PROXY: 'b' }, 'http:')).toBeUndefined()
    setEnv({ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' })
    expect(getProxyUrl(new URL('https://api.netlify.com'))?.hostname).toBe('lower')
  })
})

describe('the warning for a proxy variable that cannot be used', () => {
  it('names the variable that http-client reads, once, and never its value', () => {
    const warnings = proxyWarnings({
      HTTPS_PROXY: 'agent:s3cret@proxy.corp:3128',
      http_proxy: 'http://fine.corp:3128',
      HTTP_PROXY: 'shadowed.corp:1'
    })
    expect(warnings).toEqual([
      "`HTTPS_PROXY` is not a proxy URL that GitHub's and Netlify's clients can use (it needs a scheme and a host, such as http://proxy.example:3128), so their requests ignore it and go out directly."
    ])
    expect(warnings.join('')).not.toContain('s3cret')
  })
  it('says that requests fail when the value is no URL at all', () => {
    expect(proxyWarnings({ HTTP_PROXY: '1.2.3.4:abc' })).toEqual([
      '`HTTP_PROXY` is not a URL, so requests to GitHub and Netlify fail until it is one, such as http://proxy.example:3128.'
    ])
  })
  it('is nothing for usable values, or none', () => {
    expect(proxyWarnings({})).toEqual([])
    expect(proxyWarnings({ HTTPS_PROXY: 'http://p:1', HTTP_PROXY: '10.0.0.1:3128' })).toEqual([])
  })
})

describe("http-client's NO_PROXY rules, which both clients follow", () => {
  const bypassed = (url: string, noProxy: string): boolean => {
    setEnv({ NO_PROXY: noProxy })
    return checkBypass(new URL(url))
  }
  it('matches a domain suffix, with or without its leading dot, in any case', () => {
    expect(bypassed('https://api.netlify.invalid', 'netlify.invalid')).toBe(true)
    expect(bypassed('https://api.netlify.invalid', '.netlify.invalid')).toBe(true)
    expect(bypassed('https://api.netlify.invalid', 'NETLIFY.INVALID')).toBe(true)
    expect(bypassed('https://api.netlify.invalid', 'github.invalid, netlify.invalid')).toBe(true)
    expect(bypassed('https://notnetlify.invalid', 'netlify.invalid')).toBe(false)
  })
  it('matches host:port only on that port (443 for https)', () => {
    expect(bypassed('https://api.netlify.invalid', 'api.netlify.invalid:443')).toBe(true)
    expect(bypassed('https://api.netlify.invalid:8443', 'api.netlify.invalid:443')).toBe(false)
  })
  it('* matches everything; loopback is never proxied, NO_PROXY or not', () => {
    expect(bypassed('https://api.netlify.com', '*')).toBe(true)
    expect(bypassed('http://127.0.0.1:8080', '')).toBe(true)
    expect(bypassed('http://localhost:8080', '')).toBe(true)
    expect(bypassed('http://[::1]:8080', '')).toBe(true)
  })
})
