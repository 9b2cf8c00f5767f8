import { describe, expect, it } from '@jest/globals'
import {
  renderRefusal,
  renderStatusComment,
  STATUS_COMMENT_LIMIT,
  type StatusView
} from '../src/github/status-comment.js'
import {
  formatMarker,
  MARKER_PREFIX,
  markerKey,
  parseMarker,
  type StatusIds
} from '../src/github/status-marker.js'
import { blocks, elements, githubTree, linkable, textOf } from '../__fixtures__/github-markdown.js'

const RUN = 'https://github.com/acme/site/actions/runs/42'
const DASHBOARD = 'https://app.netlify.com/projects/site/agent-runs/run-1'
const SEAL = { key: markerKey('nfp_status_comment_test'), repository: 'acme/site', issueNumber: 12 }
const read = (body: string) => parseMarker(body, SEAL)
const mark = (ids: StatusIds) => formatMarker(ids, SEAL)

function view(overrides: Partial<StatusView> = {}): StatusView {
  return {
    phase: 'finished',
    outcome: 'success',
    agent: 'claude',
    model: 'sonnet',
    runnerId: 'run-1',
    sessionId: 'sess_1',
    runnerUrl: DASHBOARD,
    workflowRunUrl: RUN,
    followUp: false,
    prompt: 'Add dark mode',
    steps: [{ title: 'Read code', message: 'Found the header' }],
    result: 'Added a **toggle**.',
    deployUrl: 'https://d--site.netlify.app',
    seal: SEAL,
    ...overrides
  }
}

/** The marker as GitHub's page holds it: a (hidden) comment, not text or code. */
function markerNode(ids: StatusIds) {
  return { type: 'comment', value: mark(ids).slice('<!--'.length, -'-->'.length) }
}

/** The page's last node, but for white space. */
function lastNode(md: string) {
  return githubTree(md)
    .children.filter(n => n.type !== 'text')
    .pop()
}

describe('the status comment while the agent works', () => {
  it('names the agent, links the dashboard and the workflow run, and shows the last steps', () => {
    const steps = Array.from({ length: 8 }, (_, i) => ({ title: `Step ${i + 1}`, message: null }))
    const md = renderStatusComment(view({ phase: 'working', outcome: undefined, steps }))
    expect(md).toMatch(/^## ⏳ Netlify agent is working… \(claude · sonnet\)\n/)
    expect(md).toContain(`[Open in Netlify](${DASHBOARD}) · [Workflow run](${RUN})`)
    expect(md).toContain('### Steps so far: 8')
    expect(md).toContain('_…3 earlier steps, then:_')
    expect(md).toContain('4. **Step 4**\n5. **Step 5**')
    expect(md).toContain('8. **Step 8**')
    expect(md).not.toContain('**Step 3**')
    expect(md).not.toContain('### Result')
  })

  it('says it is waiting before the first step', () => {
    const md = renderStatusComment(view({ phase: 'working', steps: [] }))
    expect(md).toContain("_Waiting for the agent's first step…_")
  })

  it('shows a step message next to its title', () => {
    const md = renderStatusComment(view({ phase: 'working' }))
    expect(md).toContain('1. **Read code**: Found the header')
  })

  it('says when it is a follow-up session on an existing runner', () => {
    const md = renderStatusComment(view({ phase: 'working', followUp: true }))
    expect(md).toContain('follow-up session on runner `run-1`')
  })
})

describe('the status comment when the run is finished', () => {
  it('a success shows the deploy preview, the opened pull request, the diffstat and the result', () => {
    const md = renderStatusComment(
      view({
        steps: [{ title: 'a' }, { title: 'b' }, { title: 'c' }],
        pullRequest: {
          url: 'https://github.com/acme/site/pull/7',
          number: 7,
          operation: 'created'
        },
        diffstat: {
          files: [
            { path: 'src/a.ts', additions: 3, deletions: 1, binary: false },
            { path: 'logo.png', additions: 0, deletions: 0, binary: true }
          ],
          additions: 3,
          deletions: 1
        }
      })
    )
    expect(md).toMatch(/^## ✅ Netlify agent run succeeded\n\n\*\*claude\*\* \(sonnet\) · 3 steps/)
    expect(md).toContain('[Deploy preview](https://d--site.netlify.app)')
    expect(md).toContain('🔀 Opened pull request [#7](https://github.com/acme/site/pull/7).')
    expect(md).toContain('### 2 files changed, +3 −1')
    expect(md).toContain('| `src/a.ts` | 3 | 1 |')
    expect(md).toContain('| `logo.png` | binary | |')
    expect(md).toContain('### Result\n\n> Added a **toggle**.')
    expect(md).toContain('<details><summary>Prompt</summary>\n\n```text\nAdd dark mode\n```')
    expect(md).not.toContain('[!CAUTION]')
  })

  it('an updated pull request says updated', () => {
    const md = renderStatusComment(
      view({
        pullRequest: { url: 'https://github.com/acme/site/pull/7', number: 7, operation: 'updated' }
      })
    )
    expect(md).toContain('🔀 Updated pull request [#7](https://github.com/acme/site/pull/7).')
  })

  it('a pull request without a number is still linked', () => {
    const md = renderStatusComment(
      view({
        pullRequest: {
          url: 'https://github.com/acme/site/pull/7',
          number: null,
          operation: 'created'
        }
      })
    )
    expect(md).toContain(
      'Opened pull request [a pull request](https://github.com/acme/site/pull/7).'
    )
  })

  it('a commit shows its short sha and the branch', () => {
    const md = renderStatusComment(
      view({
        commit: { sha: '0123456789abcdef0123456789abcdef01234567', branch: 'agent/dark-mode' }
      })
    )
    expect(md).toContain('📌 Committed 0123456 to `agent/dark-mode`.')
  })

  it('a run with nothing to deliver says the agent made no changes', () => {
    const md = renderStatusComment(view({ noChanges: true }))
    expect(md).toContain('The agent made no changes.')
    expect(md).not.toContain('files changed')
  })

  it('a failure explains why in a caution block', () => {
    const md = renderStatusComment(
      view({ outcome: 'failure', failure: 'The agent stopped: quota exceeded.\nTry again later.' })
    )
    expect(md).toMatch(/^## ❌ Netlify agent run failed\n/)
    expect(md).toContain('> [!CAUTION]\n> The agent stopped: quota exceeded.\n> Try again later.')
  })

  it.each([
    ['cancelled', '## 🚫 Netlify agent run was cancelled'],
    ['timed-out', '## ⏱️ Netlify agent run timed out'],
    ['failure', '## ❌ Netlify agent run failed'],
    ['success', '## ✅ Netlify agent run succeeded']
  ] as const)('a %s run has its own heading', (outcome, heading) => {
    expect(renderStatusComment(view({ outcome })).startsWith(`${heading}\n`)).toBe(true)
  })

  it('a run the step did not wait for points to the dashboard', () => {
    const md = renderStatusComment(view({ outcome: 'started', result: null, steps: [] }))
    expect(md).toMatch(/^## 🚀 Netlify agent run started\n/)
    expect(md).toContain(`follow it on the [Netlify dashboard](${DASHBOARD})`)
    expect(md).not.toContain('steps')
  })

  it('leaves the full diff to the job summary, and links the workflow run for it', () => {
    const md = renderStatusComment(
      view({
        diffstat: {
          files: [{ path: 'a.ts', additions: 1, deletions: 0, binary: false }],
          additions: 1,
          deletions: 0
        }
      })
    )
    expect(md).toContain(`The full diff is in the [job summary](${RUN}) of the workflow run.`)
    expect(md).not.toContain('```diff')
  })

  it('lists at most 20 files, then says how many more', () => {
    const files = Array.from({ length: 25 }, (_, i) => ({
      path: `f${i}.ts`,
      additions: 1,
      deletions: 0,
      binary: false
    }))
    const md = renderStatusComment(view({ diffstat: { files, additions: 25, deletions: 0 } }))
    expect(md).toContain('### 25 files changed, +25 −0')
    expect(md).toContain('`f19.ts`')
    expect(md).not.toContain('`f20.ts`')
    expect(md).toContain('_…and 5 more files._')
  })

  it('leaves out links that are not http(s) URLs', () => {
    const md = renderStatusComment(view({ deployUrl: 'javascript:alert(1)', runnerUrl: 'x y' }))
    expect(md).not.toContain('javascript:')
    expect(md).not.toContain('Open in Netlify')
    expect(md).toContain(`[Workflow run](${RUN})`)
  })
})

describe('the size of the status comment', () => {
  const huge = 'word '.repeat(400_000)

  it('a huge result is cut, with a note pointing to the job summary', () => {
    const md = renderStatusComment(view({ result: huge }))
    // Cut to a size read at a glance, well before the limit requires it.
    expect(md.length).toBeLessThan(25_000)
    expect(md).toContain(`the whole of it is in the [job summary](${RUN})`)
    expect(md).toContain('word word')
    expect(read(md)).toEqual({ runnerId: 'run-1', sessionId: 'sess_1' })
  })

  it('a result that fits is shown whole, with no note', () => {
    expect(renderStatusComment(view())).not.toContain('[!NOTE]')
  })

  it('a result cut inside a code block still closes the block before the marker', () => {
    const result = `Here:\n\n\`\`\`ts\n${'const x = 1 // <b>\n'.repeat(10_000)}`
    const md = renderStatusComment(view({ result }))
    expect(md.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
    expect(lastNode(md)).toMatchObject(markerNode({ runnerId: 'run-1', sessionId: 'sess_1' }))
    const quotes = blocks(githubTree(md)).filter(b => b.tagName === 'blockquote')
    expect(quotes).toHaveLength(2)
    expect(textOf(quotes[1]!)).toMatch(/^\s*\[!NOTE\]\s*The result is cut here/)
  })

  it('a result of one enormous line is cut within the line', () => {
    const md = renderStatusComment(view({ result: '<'.repeat(1_000_000) }))
    expect(md.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
    expect(textOf(githubTree(md))).toContain('<<<…')
  })

  it('a huge step list shows only the last steps while working, and a count when finished', () => {
    const steps = Array.from({ length: 100_000 }, (_, i) => ({
      title: `t${i} ${huge.slice(0, 5000)}`,
      message: huge.slice(0, 9000)
    }))
    const working = renderStatusComment(view({ phase: 'working', steps }))
    expect(working.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
    expect(working).toContain('### Steps so far: 100,000')
    expect(working).toContain('100000. **t99999 word')
    const finished = renderStatusComment(view({ steps }))
    expect(finished.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
    expect(finished).toContain('100,000 steps')
  })

  it('a 10,000-file diffstat with long paths stays under the limit', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => ({
      path: `${'deeply/nested/'.repeat(500)}file-${i}.ts`,
      additions: i,
      deletions: 1,
      binary: false
    }))
    const md = renderStatusComment(view({ diffstat: { files, additions: 1e6, deletions: 1e4 } }))
    expect(md.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
    expect(md).toContain('### 10,000 files changed, +1,000,000 −10,000')
    expect(md).toContain('_…and 9,980 more files._')
    // A long path keeps its file name.
    expect(md).toMatch(/\| `…[a-z/]*file-0\.ts` \| 0 \| 1 \|/)
  })

  it('stays under the limit with every part at its worst at once', () => {
    const nasty = '`|<&@#*_'.repeat(200_000)
    const url = `https://example.com/${'('.repeat(300)}`
    const files = Array.from({ length: 10_000 }, (_, i) => ({
      path: nasty.slice(0, 100_000 + i),
      additions: i,
      deletions: i,
      binary: i % 2 === 0
    }))
    const md = renderStatusComment({
      phase: 'finished',
      outcome: 'failure',
      agent: nasty,
      model: nasty,
      runnerId: 'r'.repeat(128),
      sessionId: 's'.repeat(128),
      seal: SEAL,
      runnerUrl: url,
      workflowRunUrl: url,
      followUp: true,
      prompt: nasty,
      steps: Array.from({ length: 10_000 }, () => ({ title: nasty, message: nasty })),
      result: `${nasty}\n\`\`\`\n${nasty}\n${huge}`,
      deployUrl: url,
      pullRequest: { url, number: 1, operation: 'created' },
      commit: { sha: nasty, branch: nasty },
      diffstat: { files, additions: 1, deletions: 1 },
      failure: `${nasty}\n`.repeat(10)
    })
    expect(md.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
    expect(read(md)).toEqual({ runnerId: 'r'.repeat(128), sessionId: 's'.repeat(128) })
    const working = renderStatusComment({
      phase: 'working',
      agent: nasty,
      model: nasty,
      runnerId: 'r',
      sessionId: undefined,
      workflowRunUrl: url,
      followUp: true,
      prompt: nasty,
      steps: Array.from({ length: 10_000 }, () => ({ title: nasty, message: nasty }))
    })
    expect(working.length).toBeLessThanOrEqual(STATUS_COMMENT_LIMIT)
  })
})

describe('untrusted text in the status comment', () => {
  it('HTML from the agent shows as text, but for a few harmless tags', () => {
    const md = renderStatusComment(
      view({
        result: 'Done <details><summary>x</summary> <img src=x onerror=alert(1)> <!-- hide',
        steps: [{ title: '<b>bold</b>', message: '</details>' }],
        failure: 'failed: <script>'
      })
    )
    const tree = githubTree(md)
    for (const tag of ['img', 'script']) expect(elements(tree, tag)).toEqual([])
    // Only the comment's own: the prompt's.
    expect(elements(tree, 'details').map(d => textOf(elements(d, 'summary')[0]!))).toEqual([
      'Prompt'
    ])
    const text = textOf(tree)
    expect(text).toContain(
      'Done <details><summary>x</summary> <img src=x onerror=alert(1)> <!-- hide'
    )
    expect(text).toContain('failed: <script>')
  })

  it('inline code with angle brackets reads as written', () => {
    const md = renderStatusComment(view({ result: 'Added `<Toggle />` and `Array<string>`.' }))
    const [quote] = elements(githubTree(md), 'blockquote')
    expect(elements(quote!, 'code').map(textOf)).toEqual(['<Toggle />', 'Array<string>'])
  })

  it('code blocks keep their text, and cannot be broken out of', () => {
    const result = 'See:\n````ts\n@Component()\n```\n<details>\n````\nafter'
    const top = blocks(githubTree(renderStatusComment(view({ result }))))
    const [quote] = top.filter(b => b.tagName === 'blockquote')
    expect(elements(quote!, 'pre').map(textOf)).toEqual(['@Component()\n```\n<details>\n'])
    expect(elements(quote!, 'p').map(textOf)).toEqual(['See:', 'after'])
    expect(top.map(b => b.tagName)).toEqual(['h2', 'p', 'p', 'h3', 'blockquote', 'details'])
  })

  it.each([
    ['an unclosed code block', 'Look:\n```\n<details>\nno end'],
    ['an unclosed comment', 'Look: <!-- hide the rest'],
    ['an unclosed <details>', '<details>\n<summary>More</summary>\n\nhidden'],
    ['an unclosed <table>', '<table><tr><td>cell'],
    ['an unclosed <div>', '<div>\n\ntext'],
    [
      'a fake heading and a fake marker',
      `### 0 files changed\n\n<!-- ${MARKER_PREFIX} runner=evil -->`
    ]
  ])('%s in the result ends before the comment’s own sections and its marker', (_, result) => {
    const md = renderStatusComment(
      view({
        result,
        diffstat: {
          files: [{ path: 'a.ts', additions: 1, deletions: 0, binary: false }],
          additions: 1,
          deletions: 0
        }
      })
    )
    const tree = githubTree(md)
    const top = blocks(tree)
    expect(top.map(b => b.tagName)).toEqual([
      'h2',
      'p',
      'p',
      'h3',
      'table',
      'p',
      'h3',
      'blockquote',
      'details'
    ])
    expect(textOf(top[3]!)).toBe('1 file changed, +1 −0')
    expect(elements(top[4]!, 'td').map(textOf)).toEqual(['a.ts', '1', '0'])
    expect(textOf(elements(top[8]!, 'summary')[0]!)).toBe('Prompt')
    expect(lastNode(md)).toMatchObject(markerNode({ runnerId: 'run-1', sessionId: 'sess_1' }))
    expect(read(md)).toEqual({ runnerId: 'run-1', sessionId: 'sess_1' })
  })

  it('@mentions and #references from the agent and the prompt ping nobody and link nothing', () => {
    const md = renderStatusComment(
      view({
        phase: 'finished',
        result:
          'Thanks @octocat and &#64;acme/team, fixes #12 and acme/site&#35;13 and GH-14. `@octocat` &#60;',
        steps: [{ title: 'Ask @octocat', message: 'about #15' }],
        failure: 'cc @octocat #16',
        prompt: '@octocat please fix #17',
        agent: '@octocat',
        commit: { sha: 'abc1234', branch: '@octocat' }
      })
    )
    // The alert marker is the comment's own.
    expect(linkable(md.replace('[!CAUTION]', ''))).toEqual([])
    expect(md).toContain('@\u200docto')
    const working = renderStatusComment(
      view({ phase: 'working', steps: [{ title: '@octocat #1' }] })
    )
    expect(linkable(working)).toEqual([])
  })

  it('leaves e-mail addresses and URLs whole', () => {
    const md = renderStatusComment(
      view({
        result:
          'Mail a@b.com or see https://github.com/acme/site/issues/1#issuecomment-9 and https://x.dev/@me'
      })
    )
    const [quote] = blocks(githubTree(md)).filter(b => b.tagName === 'blockquote')
    expect(textOf(quote!).trim()).toBe(
      'Mail a@b.com or see https://github.com/acme/site/issues/1#issuecomment-9 and https://x.dev/@me'
    )
    expect(elements(quote!, 'a')).toHaveLength(3)
  })

  it('the prompt is collapsed, in a code block it cannot break out of', () => {
    const prompt = 'Fix it\n```\n</details>\n# Heading @octocat'
    const md = renderStatusComment(view({ prompt }))
    expect(md).toContain(
      `<details><summary>Prompt</summary>\n\n\`\`\`\`text\n${prompt}\n\`\`\`\`\n\n</details>`
    )
  })

  it('a long prompt is cut, with a note pointing to the job summary', () => {
    const md = renderStatusComment(view({ prompt: 'p'.repeat(50_000) }))
    expect(md).toContain(
      `_The prompt is cut here; the whole of it is in the [job summary](${RUN})._`
    )
    expect(md.length).toBeLessThan(30_000)
  })

  it('file paths with pipes, backticks and HTML cannot break the table', () => {
    const md = renderStatusComment(
      view({
        diffstat: {
          files: [{ path: 'a|b```<img>\n| x | y |.ts', additions: 1, deletions: 2, binary: false }],
          additions: 1,
          deletions: 2
        }
      })
    )
    expect(md).toContain('| ````a\\|b```<img> \\| x \\| y \\|.ts```` | 1 | 2 |')
  })
})

describe('the status comment marker', () => {
  it('closes every comment that knows its runner, and parses back', () => {
    for (const phase of ['working', 'finished'] as const) {
      const md = renderStatusComment(view({ phase }))
      expect(md.endsWith(mark({ runnerId: 'run-1', sessionId: 'sess_1' }))).toBe(true)
      expect(read(md)).toEqual({ runnerId: 'run-1', sessionId: 'sess_1' })
    }
  })

  it('is left out while the runner id is unknown, or not one it could parse back', () => {
    expect(renderStatusComment(view({ runnerId: undefined }))).not.toContain(MARKER_PREFIX)
    expect(renderStatusComment(view({ runnerId: 'a b' }))).not.toContain(MARKER_PREFIX)
    expect(read(renderStatusComment(view({ sessionId: 'x"y' })))).toEqual({
      runnerId: 'run-1',
      sessionId: undefined
    })
  })

  it('is left out without a seal to make it with', () => {
    expect(renderStatusComment(view({ seal: undefined }))).not.toContain(MARKER_PREFIX)
  })

  it('a marker forged in the agent result or the prompt cannot take the place of the real one', () => {
    const forged = `<!-- ${MARKER_PREFIX} runner=evil session=evil -->`
    const md = renderStatusComment(
      view({ result: `\`\`\`\n${forged}\n\`\`\`\n${forged}`, prompt: forged })
    )
    expect(md.split(MARKER_PREFIX)).toHaveLength(2)
    expect(read(md)).toEqual({ runnerId: 'run-1', sessionId: 'sess_1' })
    expect(read(renderStatusComment(view({ runnerId: undefined, result: forged })))).toBeUndefined()
  })

  it('a genuine marker quoted by the agent is broken, and cannot take the place of the real one', () => {
    const genuine = mark({ runnerId: 'other', sessionId: 'other' })
    const md = renderStatusComment(view({ runnerId: undefined, result: genuine }))
    expect(read(md)).toBeUndefined()
  })
})

describe('the refusal', () => {
  it('says why, links the workflow run, and pings nobody', () => {
    const md = renderRefusal(
      '@mallory may not start runs: only collaborators with write access can. See #3.',
      RUN
    )
    expect(md).toMatch(
      /^## ⛔ Netlify agent run not started\n\n> \[!WARNING\]\n> @\u200dmallory may not start runs/
    )
    expect(md).toContain(`See the [workflow run](${RUN}) for details.`)
    expect(linkable(md.replace('[!WARNING]', ''))).toEqual([])
    expect(md).not.toContain(MARKER_PREFIX)
  })

  it('shows HTML in the reason as text, but for a few harmless tags', () => {
    const tree = githubTree(renderRefusal('<b>no</b> <img src=x> <!-- x', RUN))
    expect(elements(tree, 'img')).toEqual([])
    expect(textOf(elements(tree, 'blockquote')[0]!)).toContain('no <img src=x> <!-- x')
  })
})
