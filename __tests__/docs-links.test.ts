// The README, CONTRIBUTING, the CHANGELOG and the pages under docs/ link to each other and to
// examples/: every such link must lead somewhere, and the README must stay short enough to read in
// minutes, with a link to every page. (That the README's tables match action.yml is
// ./docs.test.ts.)
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../__fixtures__/actions-runner.js'
import {
  brokenLinks,
  headingAnchors,
  relativeLinks,
  type Page
} from '../__fixtures__/markdown-links.js'

const README_MAX_BYTES = 25 * 1024

const docs = readdirSync(join(ROOT, 'docs'))
  .filter(name => name.endsWith('.md'))
  .sort()
  .map(name => `docs/${name}`)

function page(path: string): Page {
  return { path, markdown: readFileSync(join(ROOT, path), 'utf8') }
}

const pages = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs].map(page)
const exists = (path: string) => existsSync(join(ROOT, path))

describe('the links between the README, CONTRIBUTING, the CHANGELOG and docs/', () => {
  it('each lead to a file or folder that exists, and to a heading of it when they name one', () => {
    expect(brokenLinks(pages, exists)).toEqual([])
  })

  it('are checked at all: the pages link to each other, with anchors', () => {
    const links = pages.flatMap(relativeLinks).map(link => link.url)
    expect(links).toEqual(expect.arrayContaining(['docs/commands.md', 'CONTRIBUTING.md']))
    expect(links.filter(url => url.includes('#')).length).toBeGreaterThan(5)
  })
})

describe('the README', () => {
  const readme = pages[0]!

  it(`is at most ${README_MAX_BYTES} bytes`, () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_MAX_BYTES)
  })

  it('links every page under docs/, and CONTRIBUTING', () => {
    const linked = new Set(relativeLinks(readme).map(link => link.url.split('#')[0]))
    expect([...docs, 'CONTRIBUTING.md'].filter(path => !linked.has(path))).toEqual([])
  })
})

describe('the link check', () => {
  const sample: Page[] = [
    {
      path: 'README.md',
      markdown: [
        '# Title',
        '## What went wrong: `error-kind`',
        '## What went wrong: `error-kind`',
        'See [ok](docs/a.md#the-a-page), [same page](#what-went-wrong-error-kind-1),',
        '[folder](examples/), [web](https://example.com/#nowhere) and [ref][r].',
        '',
        '| a | b |',
        '| - | - |',
        '| [cell](docs/a.md#nope) | x |',
        '',
        '```md',
        '[in code](missing.md)',
        '```',
        '',
        '[r]: docs/gone.md'
      ].join('\n')
    },
    { path: 'docs/a.md', markdown: '# The A page\n\n[up](../README.md#title) [out](../../x.md)' }
  ]
  const present = new Set(['examples'])

  it('finds a missing file, a missing heading and a link out of the repository', () => {
    expect(brokenLinks(sample, path => present.has(path))).toEqual([
      'README.md: docs/a.md#nope (no such heading)',
      'README.md: docs/gone.md (no such file)',
      'docs/a.md: ../../x.md (outside the repository)'
    ])
  })

  it('makes anchors as GitHub does: lower case, punctuation dropped, spaces to hyphens, repeats numbered', () => {
    expect([
      ...headingAnchors('# What happens when…\n## Netlify’s answer is lost\n# A\n# A')
    ]).toEqual(['what-happens-when', 'netlifys-answer-is-lost', 'a', 'a-1'])
  })
})
