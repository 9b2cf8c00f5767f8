// `npm run demo` runs end to end against the fake: main and post steps, the log as GitHub shows
// it, and the job summary as Markdown and as a web page.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT } from '../__fixtures__/actions-runner.js'

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** The demo's output and exit code, never against the real API whatever this shell has set. */
function demo(...args: string[]): Promise<{ code: number | null; out: string }> {
  const env = { ...process.env }
  delete env.NETLIFY_AUTH_TOKEN
  delete env.NETLIFY_SITE_ID
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/demo.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.on('data', chunk => (out += String(chunk)))
  child.stderr.on('data', chunk => (out += String(chunk)))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => resolve({ code, out }))
  })
}

describe('npm run demo', () => {
  it('shows the main and post steps as GitHub would, and the summary as a web page', async () => {
    const { code, out } = await demo('--session-ms', '400')
    const page = /^Web page \(open it in a browser\): (file:\S+)$/m.exec(out)?.[1]
    const markdown = /^Markdown \(what the step wrote\): (\S+)$/m.exec(out)?.[1]
    if (page) made.push(dirname(fileURLToPath(page)))
    expect(code).toBe(0)

    const lines = out.split('\n')
    expect(lines).toEqual(expect.arrayContaining(['▸ Starting an agent run', '▸ Result']))
    expect(out).toContain('[1] Exploring the codebase: The header is src/components/Header.html')
    expect(out).toMatch(/^── Post Run the agent/m)
    expect(out).toContain('Exit codes: main 0, post 0')
    // Commands are carried out, not shown; the token never appears.
    expect(lines.filter(line => /^\s*::/.test(line))).toEqual([])
    expect(out).not.toContain('add-mask')
    expect(out).not.toContain('nfp_demo_token')

    expect(markdown && existsSync(markdown)).toBe(true)
    const heading = /^## (.+)$/m.exec(readFileSync(markdown as string, 'utf8'))?.[1]
    expect(heading).toContain('succeeded')
    const html = readFileSync(fileURLToPath(page as string), 'utf8')
    expect(html).toContain(`<h2>${heading}</h2>`)
    expect(html).toContain(
      '<span class="diff-added">+    &lt;button class=&quot;theme-toggle&quot;'
    )
  })
})
