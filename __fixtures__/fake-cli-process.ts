// A fake's command line as a child process, for the tests of `npm run fake-api` and
// `npm run fake-github`: started, its ready line awaited, stopped with SIGTERM.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { ROOT } from './actions-runner.js'

export interface FakeCliProcess {
  /** The URL in the ready line. */
  url: string
  stdout(): string
  stderr(): string
  /** Resolves once stderr holds `text` (a request's log line, say); rejects after `ms`. */
  waitForStderr(text: string, ms?: number): Promise<void>
  /** SIGTERM, then how it exited. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `tsx <script> <args>` in the repository and waits for `ready` (its group 1: the URL). */
export async function startFakeCli(
  script: string,
  args: string[],
  ready: RegExp
): Promise<FakeCliProcess> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const stderrWaiters = new Set<() => void>()
  child.stderr.on('data', chunk => {
    stderr += String(chunk)
    for (const check of stderrWaiters) check()
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', chunk => {
      stdout += String(chunk)
      const match = ready.exec(stdout)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', code => reject(new Error(`${script} exited early (${code}): ${stderr}`)))
  })
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStderr: (text, ms = 5_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          stderrWaiters.delete(check)
          reject(new Error(`${script} did not log "${text}" within ${ms} ms:\n${stderr}`))
        }, ms)
        const check = () => {
          if (!stderr.includes(text)) return
          clearTimeout(timer)
          stderrWaiters.delete(check)
          resolve()
        }
        stderrWaiters.add(check)
        check()
      }),
    stop: async () => {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null]
      return { code, signal }
    }
  }
}
