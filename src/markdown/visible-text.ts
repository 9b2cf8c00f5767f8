// What a maintainer saw of an issue or a comment, made from the HTML GitHub shows for it (the API's
// `body_html`): GitHub has already decided what is shown (cmark-gfm, its extensions, then its
// sanitizer), so nothing here re-reads Markdown. The HTML is parsed as a browser parses it, and
// only text a reader can see is kept: never attributes (image sources, alt text, titles, a code
// block's language), comments, or elements that render nothing. A collapsed <details> counts as
// seen: one click opens it. The result is Markdown-ish text for a prompt: paragraphs, headings,
// lists, quotes and tables as lines, code fenced, a link's address only when it is a plain
// http(s) URL. Pure: HTML in, text out.
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5'
import { stripInvisible } from './invisible.js'

type Node = DefaultTreeAdapterTypes.ChildNode
type Element = DefaultTreeAdapterTypes.Element

export interface VisibleText {
  text: string
  /** How often `mention` stood in prose, where it was removed. */
  mentions: number
}

export interface VisibleOptions {
  /**
   * A mention to take out of prose (outside code and quotes), with the punctuation and spaces
   * after it ("@netlify, fix it" leaves "fix it"), counting each one.
   */
  mention?: RegExp
  /**
   * Only what the comment says in its own words: quotes and code blocks are left out (inline code
   * stays, as part of its sentence).
   */
  ownWordsOnly?: boolean
}

export function visibleText(html: string, options: VisibleOptions = {}): VisibleText {
  const walker = new Walker(options.mention, options.ownWordsOnly ?? false)
  const text = walker.blocks(parseFragment(html).childNodes, false).join('\n\n')
  return { text: text.trim(), mentions: walker.mentions }
}

/** Elements whose content a reader never sees as text. */
const UNSEEN = new Set([
  'audio',
  'canvas',
  'embed',
  'head',
  'iframe',
  'img',
  'map',
  'math',
  'noscript',
  'object',
  'picture',
  'rp',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'track',
  'video'
])

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul'
])

/**
 * How deep elements nest before their text is read flat. A body of 64 kB can nest thousands deep;
 * nobody reads structure that deep, and walking it would take the stack.
 */
const MAX_DEPTH = 64

/** Links GitHub makes of mentions and references: their text says it all. */
const REFERENCE_LINK = /(?:^|\s)(?:user-mention|team-mention|issue-link)(?:\s|$)/

class Walker {
  mentions = 0
  private readonly mention: RegExp | undefined
  /** A mention ended the last text, so the punctuation that opens the next one goes with it. */
  private afterMention = false
  private depth = 0

  constructor(
    mention: RegExp | undefined,
    private readonly ownWordsOnly: boolean
  ) {
    const flags = mention?.flags.includes('g') ? mention.flags : `${mention?.flags ?? ''}g`
    this.mention = mention && new RegExp(`(?:${mention.source})[,:;]?[ \\t]*`, flags)
  }

  /** The blocks of a container; runs of inline content between them become paragraphs. */
  blocks(nodes: readonly Node[], quoted: boolean): string[] {
    const out: string[] = []
    let run = ''
    const flush = () => {
      const paragraph = tidyLines(run)
      if (paragraph !== '') out.push(paragraph)
      run = ''
      this.afterMention = false
    }
    for (const node of nodes) {
      if (isElement(node) && BLOCKS.has(node.tagName)) {
        flush()
        if (!hidden(node)) out.push(...this.block(node, quoted))
      } else {
        run += this.inline(node, quoted)
      }
    }
    flush()
    return out
  }

  private block(element: Element, quoted: boolean): string[] {
    if (this.ownWordsOnly && ['blockquote', 'pre'].includes(element.tagName)) return []
    if (this.depth >= MAX_DEPTH) return nonEmpty(oneLine(textOf(element)))
    this.depth += 1
    try {
      return this.structure(element, quoted)
    } finally {
      this.depth -= 1
    }
  }

  private structure(element: Element, quoted: boolean): string[] {
    const tag = element.tagName
    if (/^h[1-6]$/.test(tag)) {
      const heading = oneLine(this.inlines(element.childNodes, quoted))
      return heading === '' ? [] : [`${'#'.repeat(Number(tag[1]))} ${heading}`]
    }
    switch (tag) {
      case 'ul':
      case 'ol':
      case 'li':
        return nonEmpty(this.list(element, quoted))
      case 'blockquote':
        return nonEmpty(prefixLines(this.blocks(element.childNodes, true).join('\n\n'), '> '))
      case 'pre':
        return nonEmpty(fence(drawn(element, textOf(element).replace(/\n$/, ''))))
      case 'table':
        return nonEmpty(this.table(element, quoted))
      case 'hr':
        return ['---']
      default:
        return this.blocks(element.childNodes, quoted)
    }
  }

  private list(element: Element, quoted: boolean): string {
    if (element.tagName === 'li') return this.item('- ', element, quoted)
    const ordered = element.tagName === 'ol'
    let number = Number.parseInt(attribute(element, 'start') ?? '1', 10)
    if (!Number.isSafeInteger(number)) number = 1
    const items: string[] = []
    for (const child of element.childNodes) {
      if (isElement(child) && child.tagName === 'li') {
        if (hidden(child)) continue
        const item = this.item(ordered ? `${number++}. ` : '- ', child, quoted)
        if (item !== '') items.push(item)
      } else {
        items.push(...this.blocks([child], quoted))
      }
    }
    return items.join('\n')
  }

  private item(marker: string, element: Element, quoted: boolean): string {
    const body = this.blocks(element.childNodes, quoted).join('\n')
    if (body === '') return ''
    return marker + body.replaceAll('\n', `\n${' '.repeat(marker.length)}`).replace(/ +$/gm, '')
  }

  private table(element: Element, quoted: boolean): string {
    const rows = tableRows(element)
    const lines = rows.map(row => {
      const cells = row.map(cell => oneLine(this.inlines(cell.childNodes, quoted)))
      return `| ${cells.map(cell => cell.replaceAll('|', '\\|')).join(' | ')} |`
    })
    const head = rows[0]
    if (head?.every(cell => cell.tagName === 'th')) {
      lines.splice(1, 0, `|${head.map(() => ' --- |').join('')}`)
    }
    return lines.join('\n')
  }

  private inlines(nodes: readonly Node[], quoted: boolean): string {
    return nodes.map(node => this.inline(node, quoted)).join('')
  }

  private inline(node: Node, quoted: boolean): string {
    if (node.nodeName === '#text') return this.prose((node as { value: string }).value, quoted)
    this.afterMention = false
    if (!isElement(node) || hidden(node) || UNSEEN.has(node.tagName)) return ''
    if (this.depth >= MAX_DEPTH) return textOf(node).replace(/\s+/g, ' ')
    this.depth += 1
    try {
      return this.phrasing(node, quoted)
    } finally {
      this.depth -= 1
    }
  }

  private phrasing(node: Element, quoted: boolean): string {
    switch (node.tagName) {
      case 'br':
        return '\n'
      case 'code':
      case 'kbd':
      case 'samp':
      case 'tt':
        return codeSpan(textOf(node).replace(/\s+/g, ' '))
      case 'strong':
      case 'b':
        return wrap('**', this.inlines(node.childNodes, quoted))
      case 'em':
      case 'i':
        return wrap('*', this.inlines(node.childNodes, quoted))
      case 'del':
      case 's':
      case 'strike':
        return wrap('~~', this.inlines(node.childNodes, quoted))
      case 'q':
        return `"${this.inlines(node.childNodes, quoted)}"`
      case 'a':
        return this.link(node, quoted)
      case 'math-renderer':
        return withoutPhantoms(textOf(node))
      case 'input':
        if (attribute(node, 'type')?.toLowerCase() !== 'checkbox') return ''
        return attribute(node, 'checked') === undefined ? '[ ] ' : '[x] '
      default:
        // A block inside inline content (a <div> in a <span>) still stands on lines of its own.
        if (BLOCKS.has(node.tagName)) return `\n${this.blocks([node], quoted).join('\n\n')}\n`
        return this.inlines(node.childNodes, quoted)
    }
  }

  /** A link's text; its address too when it is a plain web address the text does not already say. */
  private link(element: Element, quoted: boolean): string {
    const text = oneLine(this.inlines(element.childNodes, quoted))
    // An image GitHub wraps in a link to its source has no text: nothing of it is read.
    if (text === '') return ''
    const href = attribute(element, 'href') ?? ''
    const plain = /^https?:\/\/\S+$/i.test(href) && URL.canParse(href)
    if (!plain || REFERENCE_LINK.test(attribute(element, 'class') ?? '')) return text
    const bare = (address: string) => address.replace(/^https?:\/\//i, '').replace(/\/$/, '')
    return bare(href) === bare(text) ? text : `[${text}](${href})`
  }

  private prose(value: string, quoted: boolean): string {
    let text = stripInvisible(value).replace(/[ \t\n\r\f]+/g, ' ')
    if (!this.mention || quoted) return text
    if (this.afterMention) text = text.replace(/^[,:;]?[ \t]*/, '')
    this.afterMention = false
    let out = ''
    let last = 0
    for (const match of text.matchAll(this.mention)) {
      out += text.slice(last, match.index)
      last = match.index + match[0].length
      this.mentions += 1
    }
    this.afterMention = last > 0 && last === text.length
    return out + text.slice(last)
  }
}

function isElement(node: Node): node is Element {
  return 'tagName' in node
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find(attr => attr.name === name)?.value
}

/** Hidden by the page itself. GitHub's sanitizer lets neither through; this is in case it ever does. */
function hidden(element: Element): boolean {
  const style = attribute(element, 'style') ?? ''
  return (
    attribute(element, 'hidden') !== undefined ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
  )
}

/** The text a reader sees in a node, whitespace kept (as in code); without recursion, for any depth. */
function textOf(root: Node): string {
  let out = ''
  const pending: Node[] = [root]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.nodeName === '#text') out += stripInvisible((node as { value: string }).value)
    else if (isElement(node) && node.tagName === 'br') out += '\n'
    else if (isElement(node) && !hidden(node) && !UNSEEN.has(node.tagName)) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]!)
    }
  }
  return out
}

/**
 * What GitHub draws of a math or mermaid block, which it renders rather than shows as code:
 * \phantom{…} takes space but draws nothing, and a mermaid `%%` line is a comment.
 */
function drawn(pre: Element, code: string): string {
  const language = attribute(pre, 'lang')?.toLowerCase()
  if (language === 'math') return withoutPhantoms(code)
  if (language === 'mermaid') return code.replace(/^[ \t]*%%.*(?:\n|$)/gm, '')
  return code
}

/** TeX with every \phantom, \hphantom and \vphantom group taken out, braces balanced. */
function withoutPhantoms(tex: string): string {
  const opening = /\\[hv]?phantom\s*\{/g
  let out = ''
  let last = 0
  for (let match = opening.exec(tex); match; match = opening.exec(tex)) {
    out += tex.slice(last, match.index)
    let depth = 1
    let i = match.index + match[0].length
    for (; i < tex.length && depth > 0; i++) {
      if (tex[i] === '\\') i++
      else if (tex[i] === '{') depth++
      else if (tex[i] === '}') depth--
    }
    last = i
    opening.lastIndex = i
  }
  return out + tex.slice(last)
}

function tableRows(table: Element): Element[][] {
  const rows: Element[][] = []
  const visit = (element: Element) => {
    for (const child of element.childNodes) {
      if (!isElement(child) || hidden(child)) continue
      if (child.tagName === 'tr') {
        rows.push(
          child.childNodes.filter(
            (cell): cell is Element =>
              isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th') && !hidden(cell)
          )
        )
      } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
        visit(child)
      }
    }
  }
  visit(table)
  return rows
}

/** Lines trimmed, runs of spaces made one, and no empty lines at either end. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map(line => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function wrap(marker: string, text: string): string {
  const inner = text.trim()
  if (inner === '') return text
  const [, before = '', after = ''] = /^(\s*)[\s\S]*?(\s*)$/.exec(text) ?? []
  return `${before}${marker}${inner}${marker}${after}`
}

function longestRun(text: string, char: string): number {
  let longest = 0
  for (const run of text.matchAll(new RegExp(`${char}+`, 'g'))) {
    longest = Math.max(longest, run[0].length)
  }
  return longest
}

function codeSpan(code: string): string {
  if (code.trim() === '') return code
  const ticks = '`'.repeat(longestRun(code, '`') + 1)
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${code}${pad}${ticks}`
}

/** A fenced block; no language: an info string is never shown, so it could carry hidden words. */
function fence(code: string): string {
  if (code.trim() === '') return ''
  const ticks = '`'.repeat(Math.max(3, longestRun(code, '`') + 1))
  return `${ticks}\n${code}\n${ticks}`
}

function prefixLines(text: string, prefix: string): string {
  if (text === '') return ''
  return text
    .split('\n')
    .map(line => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n')
}

function nonEmpty(text: string): string[] {
  return text === '' ? [] : [text]
}
