// The agent's Markdown, shown in the action's own, as GitHub renders it (cmark-gfm): it pings
// nobody in any spelling, loads nothing, keeps a few harmless tags, and leaves nothing open for
// what the action writes after it.
import { describe, expect, it } from '@jest/globals'
import {
  blocks,
  elements,
  githubTree,
  linkable,
  scannedText,
  textOf
} from '../__fixtures__/github-markdown.js'
import {
  agentBlocks,
  agentLine,
  agentQuote,
  agentQuoteWithin,
  agentStep,
  alert
} from '../src/markdown/agent-text.js'
import { ZWJ } from '../src/markdown/defuse.js'
import { codeCell, plainLine } from '../src/markdown/literal.js'

/** The action's own section after the agent's text: it must render as itself. */
const OURS = '### Changes: 2 files\n\n| File | + |\n|---|--:|\n| `a.ts` | 1 |'

function after(agentMarkdown: string) {
  return githubTree(`${agentMarkdown}\n\n${OURS}`)
}

/** Our heading and table render at the top level, after whatever the agent wrote. */
function expectOursIntact(agentMarkdown: string): void {
  const top = blocks(after(agentMarkdown))
  const table = top[top.length - 1]
  const heading = top[top.length - 2]
  expect(heading?.tagName).toBe('h3')
  expect(textOf(heading!)).toBe('Changes: 2 files')
  expect(table?.tagName).toBe('table')
  expect(elements(table!, 'td').map(textOf)).toEqual(['a.ts', '1'])
}

const SPELLINGS = [
  '@admin1',
  '@acme/security-team',
  '#1',
  'acme/site#12',
  'GH-123',
  'gh-7',
  '&#64;admin1',
  '&#064;admin1',
  '&#0000064;admin1',
  '&#x40;admin1',
  '&#X40;admin1',
  '&#x0040;admin1',
  '&commat;acme/security-team',
  '&#35;1',
  '&#x23;1',
  '&num;1',
  'acme/site&num;12',
  '&#64;&#97;dmin',
  '@&#97;dmin',
  '&#71;&#72;-1',
  '\\@admin',
  '\\#1',
  '**@admin**',
  '_#1_',
  '[!NOTE]',
  '&#91;!CAUTION]'
]

describe('mentions and references in the agent text ping nobody and link nothing', () => {
  it.each(SPELLINGS)('%s, in a paragraph, a heading, a list, a table and a quote', spelling => {
    const text = [
      `Thanks ${spelling} and (${spelling}), ${spelling}.`,
      `# ${spelling}`,
      `- ${spelling}\n- [ ] ${spelling}`,
      `| a | b |\n|---|---|\n| ${spelling} | x${spelling} |`,
      `> ${spelling}`,
      `<details>\n<summary>${spelling}</summary>\n\n${spelling}\n\n</details>`,
      `<b>${spelling}</b> <kbd>${spelling}</kbd> ~~${spelling}~~`
    ].join('\n\n')
    for (const md of [agentBlocks(text), agentQuote(text), agentLine(text)]) {
      expect(linkable(md)).toEqual([])
    }
  })

  it('a raw HTML block with entities is shown as written, so no entity becomes a mention', () => {
    const md = agentQuote('<div>&#64admin &#x40admin &#35;1</div>\n<p title="x">&commat;y</p>')
    expect(linkable(md)).toEqual([])
    expect(scannedText(githubTree(md)).join('')).toContain('<div>')
  })

  it('the text reads the same: the joiner is invisible and sits right after the @ or #', () => {
    const md = agentBlocks('cc &#64;admin1 about &#35;12 and GH-3')
    expect(scannedText(githubTree(md)).join('').trim()).toBe(
      `cc @${ZWJ}admin1 about #${ZWJ}12 and GH-${ZWJ}3`
    )
  })

  it('e-mail addresses and URLs stay whole and linked', () => {
    const md = agentBlocks(
      'Mail a@b.com or see https://github.com/acme/site/issues/1#issuecomment-9 and https://x.dev/@me'
    )
    const links = elements(githubTree(md), 'a').map(a => [a.properties.href, textOf(a)])
    expect(links).toEqual([
      ['mailto:a@b.com', 'a@b.com'],
      [
        'https://github.com/acme/site/issues/1#issuecomment-9',
        'https://github.com/acme/site/issues/1#issuecomment-9'
      ],
      ['https://x.dev/@me', 'https://x.dev/@me']
    ])
  })

  it('code keeps its text as written: GitHub links nothing in code', () => {
    const md = agentBlocks('Run `@admin #1`\n\n```\n@admin #1\n```')
    expect(elements(githubTree(md), 'code').map(textOf)).toEqual(['@admin #1', '@admin #1\n'])
  })

  it('plain text (names, reasons, cells) is defused too, and shows as written', () => {
    for (const md of [
      plainLine('@admin *not bold* <b>x</b> #1'),
      plainLine('@admin | #1'),
      // The alert's own `[!CAUTION]` aside.
      alert('CAUTION', 'failed for @admin\n\n#1 [!NOTE]').replace('[!CAUTION]', '')
    ]) {
      expect(linkable(md)).toEqual([])
    }
    expect(textOf(githubTree(plainLine('*not bold* <b>x</b> &amp;'))).trim()).toBe(
      '*not bold* <b>x</b> &amp;'
    )
  })
})

describe("the agent's images are links, and load nothing", () => {
  it.each([
    ['inline', '![diagram](https://evil.example/pixel.png)'],
    ['reference', '![diagram][d]\n\n[d]: https://evil.example/pixel.png'],
    ['inside a link', '[![diagram](https://evil.example/pixel.png)](https://evil.example/)'],
    ['raw HTML', '<img src="https://evil.example/pixel.png" alt="diagram">'],
    ['a picture', '<picture><source srcset="https://evil.example/pixel.png"></picture>']
  ])('%s', (_, text) => {
    const tree = githubTree(agentQuote(text))
    expect(elements(tree, 'img')).toEqual([])
    expect(elements(tree, 'source')).toEqual([])
    expect(textOf(tree)).toMatch(/diagram|img|picture/)
  })

  it('an image shows as a link to it', () => {
    const [link] = elements(githubTree(agentBlocks('![the chart](https://x.dev/c.png)')), 'a')
    expect(link?.properties.href).toBe('https://x.dev/c.png')
    expect(textOf(link!)).toBe('🖼️ the chart')
  })
})

describe('raw HTML from the agent', () => {
  it('is shown as text, except a few tags', () => {
    const md = agentBlocks(
      'A <span style="color:red">red</span> <a href="https://x">link</a> <input> <!-- note -->\n\n<div align=center>\n\n<table><tr><td>x</td></tr></table>\n\n</div>'
    )
    const tree = githubTree(md)
    for (const tag of ['span', 'a', 'input', 'div', 'table', 'td']) {
      expect(elements(tree, tag)).toEqual([])
    }
    expect(textOf(tree)).toContain('<span style="color:red">red</span>')
    expect(textOf(tree)).toContain('<!-- note -->')
  })

  it('keeps details, summary and inline formatting, without their attributes', () => {
    const md = agentBlocks(
      '<details open>\n<summary>Tests <b>passed</b></summary>\n\nAll <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>,<br>done <strong style="x">now</strong>\n\n</details>'
    )
    const tree = githubTree(md, { sanitized: true })
    const [details] = elements(tree, 'details')
    expect(details?.properties).toEqual({})
    expect(textOf(elements(details!, 'summary')[0]!)).toBe('Tests passed')
    for (const tag of ['b', 'kbd', 'sub', 'sup', 'br', 'strong']) {
      expect(elements(details!, tag).length).toBeGreaterThan(0)
    }
    expect(elements(tree, 'strong')[0]?.properties).toEqual({})
  })

  it('a closing tag without its opening is text', () => {
    const tree = githubTree(agentBlocks('</details>\n\nx </b> y\n\n</summary>'))
    expect(textOf(tree)).toContain('</details>')
    expect(textOf(tree)).toContain('</b>')
  })

  it.each([
    ['an open <details>', '<details>\n<summary>more</summary>\n\nhidden'],
    ['an open <details> in a list', '- <details>\n\n  hidden'],
    ['an open <b>', 'bold <b>from here'],
    ['an open <b> block', '<b>\n\nbold from here'],
    ['an open <summary>', '<details><summary>the rest'],
    ['an open comment', 'Done <!-- hidden from here'],
    ['an open comment block', '<!--\n\nhidden'],
    ['an open code fence', 'Done:\n\n```js\nconst x = 1'],
    ['an open tilde fence', '~~~\ncode'],
    ['an open <table>', '<table><tr><td>'],
    ['an open <div>', '<div>\n\ntext'],
    ['an open <pre>', '<pre>\ncode'],
    ['an open <script>', '<script>\nalert(1)'],
    ['an open <textarea>', '<textarea>'],
    ['an open link', '[text](https://x.dev/'],
    ['a fake heading of ours', '### Changes: 0 files'],
    ['a list left open', '- item\n  continued'],
    ['a lazy paragraph', 'last line without a newline'],
    ['an indented code block', '    code'],
    ['a footnote', 'see[^1]\n\n[^1]: the footnote'],
    ['a table', '| a |\n|---|\n| b'],
    ['a setext underline', 'Title\n==='],
    ['a link definition for our text', '[a.ts]: https://evil.example/']
  ])('%s is closed before the action’s own section', (_, text) => {
    expectOursIntact(agentBlocks(text))
    expectOursIntact(agentQuote(text))
  })

  it('nothing of the agent renders after the action’s own section, not even a footnote', () => {
    const tree = after(agentQuote('see[^1]\n\n[^1]: the footnote @admin'))
    expect(elements(tree, 'section')).toEqual([])
    expect(blocks(tree).map(b => b.tagName)).toEqual(['blockquote', 'h3', 'table'])
  })
})

describe('the agent text as a quote', () => {
  it('is one blockquote: every line of it is quoted, so its headings read as quoted', () => {
    const md = agentQuote('# Done\n\n### Changes: 0 files\n\n```\n\n> x\n```\n\n1. a\n\n   b')
    expect(md.split('\n').every(line => line.startsWith('>'))).toBe(true)
    const top = blocks(githubTree(md))
    expect(top.map(b => b.tagName)).toEqual(['blockquote'])
  })

  it('cut to a size, it stays closed, says it was cut, and fits', () => {
    const text = `Intro\n\n\`\`\`ts\n${'const x = "<b>@admin"\n'.repeat(5000)}`
    const { markdown, cut } = agentQuoteWithin(text, 10_000)
    expect(cut).toBe(true)
    expect(markdown.length).toBeLessThanOrEqual(10_000)
    expect(markdown.length).toBeGreaterThan(5_000)
    expectOursIntact(markdown)
  })

  it('a result that fits is whole', () => {
    expect(agentQuoteWithin('Done.', 100)).toEqual({ markdown: '> Done.', cut: false })
  })
})

describe('a step of the agent', () => {
  it('stays one list item, whatever line breaks and blocks its title holds', () => {
    const lines = [
      agentStep(1, 'Read\n\n# the code\n- and\n```\nmore', 'found\n\n> x\n\n---'),
      agentStep(2, '## heading', '1. list'),
      agentStep(3, '<details>', '<!--'),
      agentStep(4, '', null)
    ]
    const tree = githubTree(`${lines.join('\n')}\n\n${OURS}`)
    const [list, ...rest] = blocks(tree)
    expect(list?.tagName).toBe('ol')
    expect(elements(list!, 'li')).toHaveLength(4)
    expect(rest.map(b => b.tagName)).toEqual(['h3', 'table'])
    expect(textOf(elements(list!, 'li')[3]!)).toBe('Step')
  })

  it('keeps inline code and emphasis, in bold, with its message', () => {
    const tree = githubTree(agentStep(1, 'Edit `src/a.ts`', 'added *dark* mode'))
    const [item] = elements(tree, 'li')
    expect(textOf(item!)).toBe('Edit src/a.ts: added dark mode')
    expect(elements(item!, 'strong')).toHaveLength(1)
    expect(elements(elements(item!, 'strong')[0]!, 'code').map(textOf)).toEqual(['src/a.ts'])
    expect(elements(item!, 'em').map(textOf)).toEqual(['dark'])
  })
})

describe('code cells', () => {
  it('a path with pipes, backticks and HTML stays one cell, shown as written', () => {
    const path = 'a|b```<img>\n| x | y |.ts'
    const tree = githubTree(`| File | + |\n|---|---|\n| ${codeCell(path)} | 1 |`)
    expect(elements(tree, 'td').map(textOf)).toEqual(['a|b```<img> | x | y |.ts', '1'])
  })
})

describe('any mix of markup the agent writes', () => {
  const PIECES = [
    '<!--',
    '-->',
    '```',
    '~~~',
    '<details>',
    '</details>',
    '<summary>',
    '</summary>',
    '<b>',
    '</b>',
    '<table>',
    '<div>',
    '<img src=x>',
    '<pre>',
    '\n',
    '\n\n',
    '> ',
    '- ',
    '1. ',
    '    ',
    '# ',
    '### Changes',
    '&#64;',
    '&#x40',
    '@admin',
    '&#35;1',
    '#2',
    'GH-3',
    '[x]',
    '(y)',
    '![',
    ']',
    '*',
    '_',
    '`',
    '|',
    '---',
    '===',
    '[^1]',
    '[^1]: ',
    '&',
    ';',
    '\\',
    '<',
    '>',
    'text ',
    '[!NOTE]',
    '[r]: /u',
    '[r]',
    '<br>',
    '<kbd>',
    '</kbd>',
    '| a |\n|---|\n'
  ]
  /** A small deterministic generator, so a failure can be replayed. */
  function* mixes(count: number): Generator<string> {
    let seed = 42
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let i = 0; i < count; i++) {
      const length = 1 + next(40)
      yield Array.from({ length }, () => PIECES[next(PIECES.length)]).join('')
    }
  }
  const MARKDOWN_TAGS = new Set([
    'blockquote',
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    'a',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'br',
    'details',
    'summary',
    'b',
    'i',
    'sub',
    'sup',
    'kbd'
  ])

  it('as plain text, in a table cell or at the start of a line, shows as written', () => {
    const shown = (md: string): string => textOf(githubTree(md)).replaceAll(ZWJ, '').trim()
    for (const text of mixes(300)) {
      const flat = text.replace(/\s+/g, ' ').trim()
      const line = plainLine(text)
      try {
        expect(shown(line)).toBe(flat)
        const table = githubTree(`| a | b |\n|---|---|\n| ${line} | x |`)
        expect(elements(table, 'td').map(td => textOf(td).replaceAll(ZWJ, ''))).toEqual([flat, 'x'])
        expect(linkable(line)).toEqual([])
      } catch (err) {
        throw new Error(`For the text ${JSON.stringify(text)}:\n${(err as Error).message}`, {
          cause: err
        })
      }
    }
  })

  it('never hides, loads, pings or breaks what follows it', () => {
    for (const text of mixes(400)) {
      const md = agentQuote(text)
      try {
        expectOursIntact(md)
        expect(linkable(md)).toEqual([])
        const quote = blocks(after(md))[0]
        const tags = new Set<string>()
        const comments: unknown[] = []
        const visit = (n: { type: string; tagName?: string; children?: unknown[] }): void => {
          if (n.type === 'comment') comments.push(n)
          if (n.tagName) tags.add(n.tagName)
          n.children?.forEach(c => visit(c as typeof n))
        }
        if (md) visit(quote!)
        expect(comments).toEqual([])
        expect([...tags].filter(t => !MARKDOWN_TAGS.has(t))).toEqual([])
        expect(elements(quote!, 'img')).toEqual([])
      } catch (err) {
        throw new Error(`For the agent text ${JSON.stringify(text)}:\n${(err as Error).message}`, {
          cause: err
        })
      }
    }
  })
})
