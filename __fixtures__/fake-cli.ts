// What the fakes' command lines share (npm run fake-api, npm run fake-github): flags checked with
// the usage on error, one stderr line a request, and serving until SIGINT or SIGTERM.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import type { LoggedRequest } from './fake-netlify/server.js'

export interface FakeCli {
  /** Prints the message and the usage to stderr and exits 2. */
  fail(message: string): never
  /** undefined when the flag was not given. */
  integer(value: string | undefined, flag: string): number | undefined
}

export function fakeCli(usage: string): FakeCli {
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n${usage}\n`)
    process.exit(2)
  }
  return {
    fail,
    integer(value, flag) {
      if (value === undefined) return undefined
      const parsed = Number(value)
      if (!Number.isInteger(parsed) || parsed < 0) fail(`${flag} must be a non-negative integer`)
      return parsed
    }
  }
}

/** The flags, or the usage on stdout and exit 0 for --help, or the usage on stderr and exit 2. */
export function parseFlags<const O extends ParseArgsOptionsConfig>(
  usage: string,
  options: O
): ReturnType<typeof parseArgs<{ options: O }>>['values'] {
  let parsed
  try {
    parsed = parseArgs({ options: { ...options, help: { type: 'boolean' } } })
  } catch (error) {
    return fakeCli(usage).fail(error instanceof Error ? error.message : String(error))
  }
  const { help, ...values } = parsed.values as Record<string, unknown>
  if (help) {
    process.stdout.write(`${usage}\n`)
    process.exit(0)
  }
  return values as ReturnType<typeof parseArgs<{ options: O }>>['values']
}

/** `2026-12-01T10:00:00.000Z GET /api/v1/sites/s?x=1 -> 200 (3ms)`, as the fakes log to stderr. */
export function requestLine(request: LoggedRequest): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item)
  }
  const search = query.size > 0 ? `?${query.toString()}` : ''
  const status = request.status === 0 ? 'RESET' : String(request.status)
  return `${new Date(request.at).toISOString()} ${request.method} ${request.path}${search} -> ${status} (${Date.now() - request.at}ms)\n`
}

/** Prints the ready line on stdout, then serves until SIGINT or SIGTERM closes the fake. */
export function serveUntilSignalled(fake: { close(): Promise<void> }, readyLine: string): void {
  process.stdout.write(`${readyLine}\n`)
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** Runs the entry; an unexpected error prints its stack and exits 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
