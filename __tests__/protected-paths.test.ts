// Protected paths, the pure parts: which files a pattern list protects, how the inputs are read,
// and how the files are shown (foreign names that must not close or imitate our Markdown).
import { describe, expect, it } from '@jest/globals'
import { renderStatusComment, type StatusView } from '../src/github/status-comment.js'
import { protectedMatcher } from '../src/protected-paths.js'
import { nameCell, protectedFilesSection } from '../src/report/protected-section.js'
import { actionsInputs, DEFAULT_PROTECTED_PATHS, getSettings } from '../src/settings/index.js'
import { readActionYml } from '../__fixtures__/actions-runner.js'
import { elements, githubTree, textOf } from '../__fixtures__/github-markdown.js'

async function protectedOf(patterns: string[], paths: string[]): Promise<string[]> {
  const isProtected = await protectedMatcher(patterns)
  return paths.filter(isProtected)
}

describe('which files the patterns protect', () => {
  it('by default: workflows and local actions, at any depth, and nothing else', async () => {
    expect(
      await protectedOf(DEFAULT_PROTECTED_PATHS, [
        '.github/workflows/deploy.yml',
        '.github/workflows/nested/ci.yml',
        '.github/actions/setup/action.yml',
        '.github/dependabot.yml',
        'package.json',
        'docs/.github/workflows/x.yml',
        'github/workflows/x.yml'
      ])
    ).toEqual([
      '.github/workflows/deploy.yml',
      '.github/workflows/nested/ci.yml',
      '.github/actions/setup/action.yml'
    ])
  })

  it('match dot files, case-sensitively, with / the only separator', async () => {
    expect(await protectedOf(['scripts/**'], ['scripts/.env', 'Scripts/build.sh'])).toEqual([
      'scripts/.env'
    ])
    expect(await protectedOf(['.github/**'], ['.github\\workflows\\x.yml'])).toEqual([])
  })

  it('`!` takes files out of the patterns before it; the last match decides', async () => {
    const patterns = [
      '.github/workflows/**',
      '!.github/workflows/docs-*.yml',
      '.github/workflows/docs-deploy.yml'
    ]
    expect(
      await protectedOf(patterns, [
        '.github/workflows/ci.yml',
        '.github/workflows/docs-lint.yml',
        '.github/workflows/docs-deploy.yml'
      ])
    ).toEqual(['.github/workflows/ci.yml', '.github/workflows/docs-deploy.yml'])
  })

  it('treat a `#` line as a comment, and names with spaces and non-ASCII as names', async () => {
    expect(
      await protectedOf(
        ['# workflows', 'docs/my notes.md', 'docs/café.md'],
        ['# workflows', 'docs/my notes.md', 'docs/café.md']
      )
    ).toEqual(['docs/my notes.md', 'docs/café.md'])
  })
})

function settingsOf(inputs: Record<string, string>) {
  const vars: NodeJS.ProcessEnv = {}
  const all = { 'netlify-auth-token': 'tok', 'site-id': 'site', prompt: 'Do it', ...inputs }
  for (const [name, value] of Object.entries(all)) vars[`INPUT_${name.toUpperCase()}`] = value
  const saved = process.env
  process.env = vars
  try {
    return getSettings(actionsInputs(vars, () => undefined)).settings
  } finally {
    process.env = saved
  }
}

describe('the protected-paths inputs', () => {
  it("default to action.yml's patterns, and to refusing", () => {
    const { inputs } = readActionYml()
    expect(inputs['protected-paths']?.default?.trim().split('\n')).toEqual(DEFAULT_PROTECTED_PATHS)
    expect(inputs['on-protected-paths']?.default).toBe('refuse')
    // Outside a runner, with the input missing altogether, the check stays on.
    expect(settingsOf({})).toMatchObject({
      protectedPaths: DEFAULT_PROTECTED_PATHS,
      onProtectedPaths: 'refuse'
    })
  })

  it("an explicit '' turns the check off", () => {
    expect(settingsOf({ 'protected-paths': '' }).protectedPaths).toEqual([])
  })

  it('take one pattern a line, a leading ./ dropped', () => {
    expect(
      settingsOf({ 'protected-paths': './scripts/**\n\n  package.json  \n!./scripts/docs.sh' })
        .protectedPaths
    ).toEqual(['scripts/**', 'package.json', '!scripts/docs.sh'])
  })

  it('refuse a pattern that starts with /, and an unknown on-protected-paths', () => {
    expect(() => settingsOf({ 'protected-paths': '/.github/workflows/**' })).toThrow(
      /`protected-paths` takes patterns relative to the repository.*starts with \//
    )
    expect(() => settingsOf({ 'on-protected-paths': 'ignore' })).toThrow(
      'Input `on-protected-paths` must be one of refuse, warn; got "ignore".'
    )
  })
})

/** The text of a table cell that is one code span, as CommonMark reads it; else undefined. */
function codeSpanContent(cell: string): string | undefined {
  const open = /^`+/.exec(cell)?.[0]
  if (!open) return undefined
  const rest = cell.slice(open.length)
  // The span closes at the first run of exactly as many backticks.
  const close = [...rest.matchAll(/`+/g)].find(m => m[0].length === open.length)
  if (!close || close.index + open.length !== rest.length) return undefined
  return rest.slice(0, close.index)
}

const HOSTILE = [
  'docs/a`b``c.md',
  '`leading.md',
  'x|y.md',
  '<img src=x onerror=alert(1)>.md',
  '@octocat #12 line\nbreak.md'
]

describe('the summary section on protected files', () => {
  it('is absent when no file matched, or the check was off', () => {
    expect(protectedFilesSection(undefined)).toBe('')
    expect(protectedFilesSection({ files: [], refused: false })).toBe('')
  })

  it('names each file in a code span that its name cannot close, one table row each', () => {
    const section = protectedFilesSection({ files: HOSTILE, refused: true })
    const rows = section.split('\n').filter(line => line.startsWith('| `'))
    expect(rows).toHaveLength(HOSTILE.length)
    for (const row of rows) {
      const cell = row.slice(2, -2)
      // An unescaped | would end the cell: every | inside is escaped.
      expect(cell.replace(/\\\|/g, '')).not.toContain('|')
      expect(codeSpanContent(cell)).toBeDefined()
    }
    expect(section).not.toContain('line\nbreak')
    // As GitHub renders it: each name as code, as written (its line break a space), no element.
    const table = elements(githubTree(section), 'table')[0]!
    expect(elements(table, 'td').map(td => elements(td, 'code').map(textOf))).toEqual(
      HOSTILE.map(name => [name.replace('\n', ' ')])
    )
    expect(elements(table, 'img')).toEqual([])
  })

  it('says how to allow the files when the delivery was refused, and warns when it was made', () => {
    expect(protectedFilesSection({ files: ['a'], refused: true })).toMatch(
      /nothing was delivered.*`on-protected-paths: warn`.*`protected-paths`/s
    )
    expect(protectedFilesSection({ files: ['a'], refused: false })).toMatch(
      /\[!WARNING\][\s\S]*were delivered/
    )
  })

  it('cuts a very long name in the middle, keeping both ends', () => {
    const long = `${'d/'.repeat(400)}deploy.yml`
    const cell = nameCell(long)
    expect(cell.length).toBeLessThan(500)
    expect(cell).toContain('deploy.yml')
  })
})

describe('the status comment on protected files', () => {
  const view = (protectedFiles: StatusView['protectedFiles']): StatusView => ({
    phase: 'finished',
    outcome: 'failure',
    runnerId: 'run-1',
    sessionId: 'sess-1',
    workflowRunUrl: 'https://github.com/acme/site/actions/runs/1',
    followUp: false,
    prompt: 'Fix it',
    steps: [],
    failure: 'Nothing was delivered.',
    protectedFiles
  })

  it('lists the files, each an inert code span', () => {
    const body = renderStatusComment(view({ files: HOSTILE, refused: true }))
    expect(body).toContain('### 🛡️ 5 protected files')
    expect(body).toMatch(/nothing was delivered.*`on-protected-paths: warn`/)
    // Each name is one code span (inert: no HTML, no mention), alone on its line.
    const items = body.split('\n').filter(line => line.startsWith('- '))
    expect(items).toHaveLength(HOSTILE.length)
    for (const item of items) expect(codeSpanContent(item.slice(2))).toBeDefined()
  })

  it('has no such section when nothing matched', () => {
    expect(renderStatusComment(view({ files: [], refused: false }))).not.toContain('protected')
  })
})
