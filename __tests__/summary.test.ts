import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../__fixtures__/temp-dirs.js'
import { diffStatOfText } from '../src/report/diffstat.js'
import type { RunReport } from '../src/report/run-report.js'
import {
  fenceFor,
  formatDuration,
  renderSummary,
  SUMMARY_LIMIT_BYTES
} from '../src/report/summary.js'
import { redactor } from '../src/redact.js'
import type { AgentRunnerSession } from '../src/netlify/types.js'

const session = {
  id: 'sess-1',
  agent_runner_id: 'run-1',
  state: 'DONE',
  title: 'Dark mode',
  result: 'Added a **toggle**.',
  duration: 125,
  steps: [{ title: 'Read code', message: 'Found <Header>' }],
  deploy_url: 'https://d--site.netlify.app',
  agent_config: { agent: 'claude', model: 'sonnet' }
} as unknown as AgentRunnerSession

function fileDiff(name: string, lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `+line ${i} of ${name}`).join('\n')
  return `diff --git a/${name} b/${name}\n--- a/${name}\n+++ b/${name}\n@@ -0,0 +1,${lines} @@\n${body}\n`
}

function report(diffText: string | undefined): RunReport {
  const dir = makeTempDir('summary-')
  const file = join(dir, 'r.diff')
  if (diffText !== undefined) writeFileSync(file, diffText)
  return {
    outcome: 'success',
    runnerUrl: 'https://app.netlify.com/projects/site/agent-runs/run-1',
    runner: undefined,
    session,
    prompt: 'Add dark mode',
    followUp: false,
    diff:
      diffText === undefined
        ? undefined
        : { resultFile: file, cumulativeFile: undefined, stat: diffStatOfText(diffText) },
    failure: undefined
  }
}

const plain = redactor([])

describe('the job summary', () => {
  it('has the outcome, links, agent, duration, prompt, result, steps, diffstat and diff', async () => {
    const md = await renderSummary(report(fileDiff('a.ts', 3) + fileDiff('b.ts', 1)), plain)
    expect(md).toContain('## ✅ Netlify agent run succeeded')
    expect(md).toContain(
      '[Open in Netlify](https://app.netlify.com/projects/site/agent-runs/run-1) · [Deploy preview](https://d--site.netlify.app)'
    )
    expect(md).toContain('| Agent | claude · sonnet |')
    expect(md).toContain('| Duration | 2m 5s |')
    expect(md).toContain('Add dark mode')
    expect(md).toContain('Added a **toggle**.')
    expect(md).toContain('**Read code**: Found &lt;Header&gt;')
    expect(md).toContain('### Changes: 2 files, +4 −0')
    expect(md).toContain('| `a.ts` | 3 | 0 |')
    expect(md).toContain('```diff\ndiff --git a/a.ts b/a.ts')
  })

  it('stays under the limit for a huge diff, and names what it left out', async () => {
    const many = Array.from({ length: 400 }, (_, i) => fileDiff(`f${i}.txt`, 300)).join('')
    expect(Buffer.byteLength(many)).toBeGreaterThan(2 * SUMMARY_LIMIT_BYTES)
    const md = await renderSummary(report(many), plain)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toMatch(
      /> The diff is shown for \d+ of 400 files, then cut short within `f\d+\.txt`, to keep this summary under GitHub's 1 MiB limit/
    )
    expect(md).toContain('_…and 100 more files._')
  })

  it('a single file bigger than the limit is shown from its start, cut short, and says so', async () => {
    const md = await renderSummary(report(fileDiff('huge.txt', 80_000)), plain)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toContain('+line 0 of huge.txt')
    expect(md).not.toContain('line 79999')
    expect(md).toContain('(+80000 −0), cut short</summary>')
    expect(md).toContain('The diff is shown for 0 of 1 files, then cut short within `huge.txt`')
  })

  it('a diff that fits is shown whole, with no note', async () => {
    const md = await renderSummary(report(fileDiff('small.txt', 10)), plain)
    expect(md).toContain('+line 9 of small.txt')
    expect(md).not.toContain('[!NOTE]')
  })

  it('says when there are no changes', async () => {
    expect(await renderSummary(report(undefined), plain)).toContain('The agent made no changes.')
  })

  it('redacts secrets wherever they appear', async () => {
    const r = report(fileDiff('secret.env', 1).replace('+line 0', '+TOKEN=nfp_secret_1234'))
    r.prompt = 'use nfp_secret_1234'
    const md = await renderSummary(r, redactor(['nfp_secret_1234']))
    expect(md).not.toContain('nfp_secret_1234')
    expect(md).toContain('+TOKEN=***')
  })

  it('fences code with more backticks than the code holds', () => {
    expect(fenceFor('plain')).toBe('```')
    expect(fenceFor('has ``` inside')).toBe('````')
  })

  it('formats durations', () => {
    expect(formatDuration(59.6)).toBe('1m 0s')
    expect(formatDuration(7)).toBe('7s')
    expect(formatDuration(null)).toBe('')
  })
})
