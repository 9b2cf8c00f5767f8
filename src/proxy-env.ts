// The proxy variables as both of the action's HTTP clients read them. Octokit (@actions/github)
// and the Netlify client (./netlify/transport.ts) take their proxy from @actions/http-client,
// which reads `https_proxy` before `HTTPS_PROXY` (`http_proxy` before `HTTP_PROXY`), and which
// goes direct, without a word, when the value it reads has no host.

/** The variable http-client reads for URLs of `protocol` ('http:' or 'https:'), when one is set. */
export function proxyVariable(
  env: NodeJS.ProcessEnv,
  protocol: string
): 'https_proxy' | 'HTTPS_PROXY' | 'http_proxy' | 'HTTP_PROXY' | undefined {
  if (protocol === 'https:')
    return env.https_proxy ? 'https_proxy' : env.HTTPS_PROXY ? 'HTTPS_PROXY' : undefined
  return env.http_proxy ? 'http_proxy' : env.HTTP_PROXY ? 'HTTP_PROXY' : undefined
}

/** What http-client makes of a proxy value: a proxy, nothing (it goes direct), or a thrown error. */
export function readProxyValue(value: string): 'proxy' | 'ignored' | 'invalid' {
  // As http-client's getProxyUrl parses it: as a URL, else with http:// put in front.
  let url: URL
  try {
    url = new URL(value)
  } catch {
    if (value.startsWith('http://') || value.startsWith('https://')) return 'ignored'
    try {
      url = new URL(`http://${value}`)
    } catch {
      return 'invalid'
    }
  }
  // `proxy.corp:3128` is a valid URL: scheme `proxy.corp:`, no host.
  return url.hostname ? 'proxy' : 'ignored'
}

/**
 * A warning for each proxy variable that http-client cannot use, naming it (never its value,
 * which may hold a password). Call once at the start of a step.
 */
export function proxyWarnings(env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = []
  for (const protocol of ['https:', 'http:']) {
    const name = proxyVariable(env, protocol)
    if (name === undefined) continue
    const example = 'such as http://proxy.example:3128'
    switch (readProxyValue(env[name] ?? '')) {
      case 'ignored':
        warnings.push(
          `\`${name}\` is not a proxy URL that GitHub's and Netlify's clients can use (it needs a scheme and a host, ${example}), so their requests ignore it and go out directly.`
        )
        break
      case 'invalid':
        warnings.push(
          `\`${name}\` is not a URL, so requests to GitHub and Netlify fail until it is one, ${example}.`
        )
        break
    }
  }
  return warnings
}
