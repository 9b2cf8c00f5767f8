// Runs the fake in the foreground for manual use and for Netlify's own CLI:
//   npx tsx __fixtures__/fake-netlify/cli.ts --port 0 --token T --site-id S
// Prints the ready line on stdout, one line per request on stderr, and stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util'
import type { LoggedRequest } from './server.js'
import { startFakeNetlify } from './server.js'
import type { Scenario } from './scenario.js'

const USAGE = `Usage: cli.ts [--port 0] [--token T] [--site-id S] [--site-name N] [--account-id A]
  [--session-ms 8000] [--steps 4] [--diff-bytes N] [--final-state done|error|cancelled] [--lowercase-states]`

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`)
  process.exit(2)
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) fail(`${flag} must be a non-negative integer`)
  return parsed
}

function finalState(value: string | undefined): Scenario['finalState'] | undefined {
  if (value === undefined) return undefined
  if (value === 'done' || value === 'error' || value === 'cancelled') return value
  return fail('--final-state must be done, error or cancelled')
}

function logLine(request: LoggedRequest): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item)
  }
  const search = query.size > 0 ? `?${query.toString()}` : ''
  const status = request.status === 0 ? 'RESET' : String(request.status)
  return `${new Date(request.at).toISOString()} ${request.method} ${request.path}${search} -> ${status} (${Date.now() - request.at}ms)\n`
}

async function main(): Promise<void> {
  let values
  try {
    values = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        token: { type: 'string', default: 'test-token' },
        'site-id': { type: 'string', default: 'site-1' },
        'site-name': { type: 'string', default: 'fake-site' },
        'account-id': { type: 'string', default: 'account-1' },
        'session-ms': { type: 'string' },
        steps: { type: 'string' },
        'diff-bytes': { type: 'string' },
        'final-state': { type: 'string' },
        'lowercase-states': { type: 'boolean' },
        help: { type: 'boolean' }
      }
    }).values
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }

  const scenario: Partial<Scenario> = {}
  const sessionMs = integer(values['session-ms'], '--session-ms')
  const steps = integer(values.steps, '--steps')
  const diffBytes = integer(values['diff-bytes'], '--diff-bytes')
  const final = finalState(values['final-state'])
  if (sessionMs !== undefined) scenario.sessionMs = sessionMs
  if (steps !== undefined) scenario.steps = steps
  if (diffBytes !== undefined) scenario.diffBytes = diffBytes
  if (final !== undefined) scenario.finalState = final
  if (values['lowercase-states']) scenario.lowercaseStates = true

  const fake = await startFakeNetlify({
    port: integer(values.port, '--port'),
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
    onRequest: request => process.stderr.write(logLine(request))
  })
  process.stdout.write(`Fake Netlify API listening on ${fake.url}\n`)

  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
