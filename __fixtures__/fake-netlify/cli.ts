// Runs the fake in the foreground for manual use and for Netlify's own CLI:
//   npm run fake-api -- --port 0 --token T --site-id S
// Prints the ready line on stdout, one line per request on stderr, and stops on SIGINT/SIGTERM.
import { fakeCli, parseFlags, requestLine, runCli, serveUntilSignalled } from '../fake-cli.js'
import { startFakeNetlify } from './server.js'
import type { Scenario } from './scenario.js'

const USAGE = `Usage: npm run fake-api -- [--port 0] [--token T] [--site-id S] [--site-name N]
  [--account-id A] [--session-ms 8000] [--steps 4] [--diff-bytes N] [--diff-style generated|web]
  [--final-state done|error|cancelled] [--lowercase-states]`

const cli = fakeCli(USAGE)

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]) {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  return cli.fail(`${flag} must be ${allowed.join(', ')}`)
}

runCli(async () => {
  const values = parseFlags(USAGE, {
    port: { type: 'string', default: '0' },
    token: { type: 'string', default: 'test-token' },
    'site-id': { type: 'string', default: 'site-1' },
    'site-name': { type: 'string', default: 'fake-site' },
    'account-id': { type: 'string', default: 'account-1' },
    'session-ms': { type: 'string' },
    steps: { type: 'string' },
    'diff-bytes': { type: 'string' },
    'diff-style': { type: 'string' },
    'final-state': { type: 'string' },
    'lowercase-states': { type: 'boolean' }
  })

  const given: Partial<Scenario> = {
    sessionMs: cli.integer(values['session-ms'], '--session-ms'),
    steps: cli.integer(values.steps, '--steps'),
    diffBytes: cli.integer(values['diff-bytes'], '--diff-bytes'),
    diffStyle: oneOf(values['diff-style'], '--diff-style', ['generated', 'web'] as const),
    finalState: oneOf(values['final-state'], '--final-state', [
      'done',
      'error',
      'cancelled'
    ] as const),
    lowercaseStates: values['lowercase-states']
  }
  // Only what was given: an undefined would override the fake's defaults.
  const scenario = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined)
  ) as Partial<Scenario>

  const fake = await startFakeNetlify({
    port: cli.integer(values.port, '--port'),
    token: values.token,
    sites: [
      {
        id: values['site-id'],
        name: values['site-name'],
        account_id: values['account-id'],
        git: true
      }
    ],
    scenario,
    onRequest: request => process.stderr.write(requestLine(request))
  })
  serveUntilSignalled(fake, `Fake Netlify API listening on ${fake.url}`)
})
