import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../__fixtures__/temp-dirs.js'
import { diffStatOfText } from '../src/report/diffstat.js'
import type { RunReport } from '../src/report/run-report.js'
import { fenceFor } from '../src/markdown/literal.js'
import { formatDuration, renderSummary, SUMMARY_LIMIT_BYTES } from '../src/report/summary.js'
import { redactor } from '../src/redact.js'
import { blocks, elements, githubTree, linkable, textOf } from '../__fixtures__/github-markdown.js'
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

/** The summary as written: its chunks, in order. */
async function render(r: RunReport, redact = plain): Promise<string> {
  let md = ''
  for await (const chunk of renderSummary(r, redact)) md += chunk
  return md
}

describe('the job summary', () => {
  it('has the outcome, links, agent, duration, prompt, result, steps, diffstat and diff', async () => {
    const md = await render(report(fileDiff('a.ts', 3) + fileDiff('b.ts', 1)), plain)
    expect(md).toContain('## ✅ Netlify agent run succeeded')
    expect(md).toContain(
      '[Open in Netlify](https://app.netlify.com/projects/site/agent-runs/run-1) · [Deploy preview](https://d--site.netlify.app)'
    )
    expect(md).toContain('| Agent | claude · sonnet |')
    expect(md).toContain('| Duration | 2m 5s |')
    expect(md).toContain('Add dark mode')
    expect(md).toContain('Added a **toggle**.')
    expect(md).toContain('1. **Read code**: Found \\<Header>')
    expect(md).toContain('### Changes: 2 files, +4 −0')
    expect(md).toContain('| `a.ts` | 3 | 0 |')
    expect(md).toContain('```diff\ndiff --git a/a.ts b/a.ts')
  })

  it('stays under the limit for a huge diff, and names what it left out', async () => {
    const many = Array.from({ length: 400 }, (_, i) => fileDiff(`f${i}.txt`, 300)).join('')
    expect(Buffer.byteLength(many)).toBeGreaterThan(2 * SUMMARY_LIMIT_BYTES)
    const md = await render(report(many), plain)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toMatch(
      /> The diff is shown for \d+ of 400 files, then cut short within `f\d+\.txt`, to keep this summary under GitHub's 1 MiB limit/
    )
    expect(md).toContain('_…and 100 more files._')
  })

  it('the summary of a 1 MB, 500-file diff stays under the limit and names what it left out', async () => {
    const diff = Array.from({ length: 500 }, (_, i) => fileDiff(`src/f${i}.ts`, 110)).join('')
    expect(Buffer.byteLength(diff)).toBeGreaterThan(1_000_000)
    const md = await render(report(diff))
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    // The room is used, not given away.
    expect(Buffer.byteLength(md)).toBeGreaterThan(0.95 * SUMMARY_LIMIT_BYTES)
    const note =
      /> The diff is shown for (\d+) of 500 files, then cut short within `src\/f(\d+)\.ts`, to keep this summary under GitHub's 1 MiB limit\. The whole diff is in the `diff-file` output \(`[^`]+r\.diff`\)\./.exec(
        md
      )
    expect(note).not.toBeNull()
    const whole = Number(note![1])
    expect(Number(note![2])).toBe(whole)
    expect(md).toContain('_…and 200 more files._')
    const top = blocks(githubTree(md))
    const files = top.slice(top.findIndex(b => textOf(b) === 'Diff') + 1, -1)
    expect(files.map(b => textOf(elements(b, 'summary')[0]!))).toEqual([
      ...Array.from({ length: whole }, (_, i) => `src/f${i}.ts (+110 −0)`),
      `src/f${whole}.ts (+110 −0), cut short`
    ])
    for (const [i, file] of files.slice(0, whole).entries()) {
      expect(elements(file, 'pre').map(textOf)).toEqual([fileDiff(`src/f${i}.ts`, 110)])
    }
    expect(top[top.length - 1]?.tagName).toBe('blockquote')
  })

  it('a line longer than the whole summary cuts its file before it, and is never shown', async () => {
    const long = `diff --git a/min.js b/min.js\n--- a/min.js\n+++ b/min.js\n@@ -0,0 +1,2 @@\n+short\n+${'x'.repeat(3_000_000)}\n`
    const md = await render(report(fileDiff('a.ts', 2) + long + fileDiff('b.ts', 2)))
    expect(Buffer.byteLength(md)).toBeLessThan(100_000)
    expect(md).toContain('+short\n```')
    expect(md).toContain('The diff is shown for 1 of 3 files, then cut short within `min.js`')
  })

  it('a single file bigger than the limit is shown from its start, cut short, and says so', async () => {
    const md = await render(report(fileDiff('huge.txt', 80_000)), plain)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(md).toContain('+line 0 of huge.txt')
    expect(md).not.toContain('line 79999')
    expect(md).toContain('(+80000 −0), cut short</summary>')
    expect(md).toContain('The diff is shown for 0 of 1 files, then cut short within `huge.txt`')
  })

  it('a diff that fits is shown whole, with no note', async () => {
    const md = await render(report(fileDiff('small.txt', 10)), plain)
    expect(md).toContain('+line 9 of small.txt')
    expect(md).not.toContain('[!NOTE]')
  })

  it('says when there are no changes', async () => {
    expect(await render(report(undefined), plain)).toContain('The agent made no changes.')
  })

  it('redacts secrets wherever they appear', async () => {
    const r = report(fileDiff('secret.env', 1).replace('+line 0', '+TOKEN=nfp_secret_1234'))
    r.prompt = 'use nfp_secret_1234'
    const md = await render(r, redactor(['nfp_secret_1234']))
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

describe("the agent's result cannot hide, swallow or imitate the summary's own sections", () => {
  const diff = fileDiff('a.ts', 3) + fileDiff('b.ts', 1)

  it.each([
    ['an open code fence', 'Done:\n\n```ts\nconst x = 1'],
    ['an open comment', 'Done <!-- the rest is hidden'],
    ['an open comment block', '<!--\n\nhidden'],
    ['an open <details>', '<details>\n<summary>More</summary>\n\nhidden'],
    ['an open <table>', '<table><tr><td>swallowed'],
    ['an open <div>', '<div>\n\n<div>'],
    ['a fake heading of ours', '### Changes: 0 files\n\n| File | + | − |\n|---|--:|--:|'],
    ['a fake note', '> [!NOTE]\n> No file of the diff fits here'],
    ['a footnote', 'See[^1].\n\n[^1]: the footnote']
  ])('%s in the result', async (_, result) => {
    const r = report(diff)
    r.session = { ...session, result, steps: [{ title: 'Step\n\n### Diff', message: '```' }] }
    const top = blocks(githubTree(await render(r, plain), { sanitized: true }))
    expect(top.filter(b => b.tagName === 'h3').map(textOf)).toEqual([
      'Prompt',
      'Result',
      'Changes: 2 files, +4 −0',
      'Diff'
    ])
    const at = (heading: string): number => top.findIndex(b => textOf(b) === heading)
    expect(top[at('Result') + 1]?.tagName).toBe('blockquote')
    const steps = top[at('Result') + 2]!
    expect(textOf(elements(steps, 'summary')[0]!)).toBe('Steps (1)')
    expect(elements(steps, 'li')).toHaveLength(1)
    const table = top[at('Changes: 2 files, +4 −0') + 1]!
    expect(table.tagName).toBe('table')
    expect(
      elements(table, 'tr')
        .slice(1)
        .map(tr => elements(tr, 'td').map(textOf))
    ).toEqual([
      ['a.ts', '3', '0'],
      ['b.ts', '1', '0']
    ])
    const files = top.slice(at('Diff') + 1)
    expect(files.map(b => b.tagName)).toEqual(['details', 'details'])
    for (const [i, [name, lines]] of (
      [
        ['a.ts', 3],
        ['b.ts', 1]
      ] as const
    ).entries()) {
      expect(textOf(elements(files[i]!, 'summary')[0]!)).toBe(`${name} (+${lines} −0)`)
      expect(elements(files[i]!, 'pre').map(textOf)).toEqual([fileDiff(name, lines)])
    }
  })

  it('mentions in the result, the steps and the failure ping nobody', async () => {
    const r = report(diff)
    r.outcome = 'failure'
    r.failure = 'The agent failed: &#64;admin #1'
    r.session = {
      ...session,
      result: 'Thanks &#64;admin1, &commat;acme/security-team, fixes &#35;1 and GH-2',
      steps: [{ title: 'Ask @admin', message: 'about acme/site#3' }]
    }
    const md = await render(r, plain)
    expect(linkable(md.replace('[!CAUTION]', ''))).toEqual([])
  })
})
