// Text from issues and comments becomes part of an agent's prompt. The maintainer who labels an
// issue or asks @netlify has read that text on GitHub, so the agent gets what GitHub showed them and
// nothing else: no HTML comments, no text kept in attributes, titles, image alt text or link
// definitions, no elements made to hide, and no invisible or direction-changing characters.
//
// Code is shown as written, so fenced blocks and code spans keep their HTML. That makes the one hard
// part deciding where code is, the same way GitHub does: if the sanitizer took for code something
// GitHub renders as HTML, a hidden comment would pass. So the structure is read before anything is
// removed, on the raw text, following CommonMark's block rules (fences, HTML blocks, block quotes,
// list items, paragraphs). Where GitHub's reading cannot be known for sure the choice falls on
// removing more: indented code and fences inside block quotes are treated as prose, HTML comments
// are removed even inside code spans, and code spans get no protection in a paragraph that may be
// a table (GitHub splits table cells at every `|`, backticks or not). Invisible characters go last,
// once the structure is read: gone first, they could join "`" and "``" into a fence GitHub never saw.
//
// Pure: text in, text out.

/** Text from an issue or comment, as the maintainer saw it on GitHub: markdown kept, hidden parts removed. */
export function sanitizeUntrusted(text: string): string {
  const { blocks, definitions } = parseBlocks(text.replace(/\r\n?/g, '\n'))
  return tidy(renderBlocks(blocks, definitions))
}

/**
 * A one-line text (an issue title), which GitHub shows as plain text: only invisible characters
 * go, and whitespace becomes single spaces. Markup in a title is visible, so it stays.
 */
export function sanitizeUntrustedLine(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim()
}

// ---- invisible characters ----

/**
 * Characters that render as nothing (or move other text around): controls, format characters such
 * as zero-width spaces and joiners, bidirectional controls, tag characters, variation selectors.
 * Unicode's Default_Ignorable_Code_Point names exactly the "render as nothing" set.
 */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uFFF9-\uFFFB]/u
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u
const LETTER = /[\p{L}\p{M}]/u
const LATIN = /\p{Script=Latin}/u
const MONGOLIAN = /\p{Script=Mongolian}/u
const WHITESPACE = /\s/u

const ZWNJ = 0x200c
const ZWJ = 0x200d
const VARIATION_SELECTOR_16 = 0xfe0f
const BLACK_FLAG = 0x1f3f4
const CANCEL_TAG = 0xe007f

/**
 * Removes invisible characters, except where they are part of visible text: a joiner inside an
 * emoji sequence (👩‍💻) or between letters of a script that needs it (Persian, Indic), one
 * variation selector after a visible character (❤️), and the tags of a subdivision flag (🏴 of
 * Scotland). A run of selectors or joiners is never kept whole, so it cannot carry a hidden message.
 * Line and paragraph separators become newlines.
 */
export function stripInvisible(text: string): string {
  const chars = Array.from(text)
  const kept: string[] = []
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? ''
    if (char === '\n' || char === '\t' || !INVISIBLE.test(char)) {
      kept.push(char)
      if (char.codePointAt(0) === BLACK_FLAG) {
        const tags = flagTagLength(chars, i + 1)
        kept.push(...chars.slice(i + 1, i + 1 + tags))
        i += tags
      }
    } else if (char === '\u2028' || char === '\u2029') {
      kept.push('\n')
    } else if (partOfVisibleText(char, kept[kept.length - 1], chars[i + 1])) {
      kept.push(char)
    }
  }
  return kept.join('')
}

function partOfVisibleText(char: string, previous: string | undefined, next: string | undefined) {
  if (previous === undefined) return false
  const code = char.codePointAt(0) ?? 0
  const before = previous.codePointAt(0) ?? 0
  if (code === ZWJ || code === ZWNJ) {
    const emoji =
      code === ZWJ &&
      (PICTOGRAPH.test(previous) || before === VARIATION_SELECTOR_16) &&
      next !== undefined &&
      PICTOGRAPH.test(next)
    return emoji || (nonLatinLetter(previous) && next !== undefined && nonLatinLetter(next))
  }
  if (code >= 0xfe00 && code <= 0xfe0f) return isBase(previous)
  if (code >= 0x180b && code <= 0x180f && code !== 0x180e) return MONGOLIAN.test(previous)
  return false
}

function nonLatinLetter(char: string): boolean {
  return LETTER.test(char) && !LATIN.test(char)
}

/** A character a variation selector may follow: visible, and not itself invisible. */
function isBase(char: string): boolean {
  return !WHITESPACE.test(char) && !INVISIBLE.test(char)
}

/** The length of a valid subdivision-flag tag sequence (letters and digits, then CANCEL TAG). */
function flagTagLength(chars: readonly string[], from: number): number {
  let i = from
  for (; i < chars.length && i - from < 7; i++) {
    const code = chars[i]?.codePointAt(0) ?? 0
    const tag = (code >= 0xe0030 && code <= 0xe0039) || (code >= 0xe0061 && code <= 0xe007a)
    if (!tag) break
  }
  const letters = i - from
  return letters >= 2 && chars[i]?.codePointAt(0) === CANCEL_TAG ? letters + 1 : 0
}

// ---- blocks ----

interface Block {
  kind: 'paragraph' | 'html' | 'comment' | 'code' | 'blank'
  lines: string[]
  /** Whether a paragraph started in a block quote (so later quoted lines continue it). */
  quoted?: boolean
  /** The first word of a fence's info string, lower case. */
  info?: string
}

/** Inside a block quote, or inside list items whose content starts at this column (0: top level). */
type Container = 'quote' | number

/** How an open code or HTML block ends. */
type End = { fence: string } | 'blank' | RegExp

interface ListItem {
  marker: number
  column: number
}

type Definitions = ReadonlyMap<string, string>

const QUOTE = /^ {0,3}>/
const QUOTE_MARKERS = /^(?: {0,3}> ?)+/
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const LIST_MARKER = /^( {0,3})([-+*]|(\d{1,9})[.)])(?=[ \t]|$)/
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/
const COMMENT_START = /^ {0,3}<!--/
const MAX_ITEMS_PER_LINE = 100

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|' +
  'dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|' +
  'header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|' +
  'param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul'

/** CommonMark's HTML blocks (type 2, comments, is handled on its own). */
const HTML_BLOCKS: ReadonlyArray<{ start: RegExp; end: RegExp | 'blank'; interrupts: boolean }> = [
  {
    start: /^ {0,3}<(?:pre|script|style|textarea)(?=[\s>]|$)/i,
    end: /<\/(?:pre|script|style|textarea)>/i,
    interrupts: true
  },
  { start: /^ {0,3}<\?/, end: /\?>/, interrupts: true },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, interrupts: true },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  {
    start: new RegExp(`^ {0,3}</?(?:${BLOCK_TAGS})(?=[\\s/>]|$)`, 'i'),
    end: 'blank',
    interrupts: true
  },
  {
    start: new RegExp(
      String.raw`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$`
    ),
    end: 'blank',
    interrupts: false
  }
]

const LABEL = String.raw`\[(?!\^)((?:[^\[\]\\]|\\.){1,999})\]`
const DESTINATION = String.raw`(<(?:[^<>\n\\]|\\.)*>|[^\s<]\S*)`
const TITLE = String.raw`"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\)`
const DEFINITION = new RegExp(
  String.raw`^ {0,3}${LABEL}:[ \t]*\n?[ \t]*${DESTINATION}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:${TITLE}))?[ \t]*(?=\n|$)`
)

/**
 * Splits the text into blocks the way CommonMark does, as far as it matters here: where code
 * blocks, HTML blocks and comments begin and end, and which lines belong to one paragraph. Link
 * reference definitions are never shown, so they are taken out here and only their destinations kept.
 */
function parseBlocks(text: string): { blocks: Block[]; definitions: Definitions } {
  const lines = text.split('\n')
  const blocks: Block[] = []
  const definitions = new Map<string, string>()
  const lists: ListItem[] = []
  let open: { block: Block; container: Container; end: End } | undefined
  let paragraph: Block | undefined

  const start = (kind: Block['kind'], line: string): Block => {
    const block: Block = { kind, lines: [line] }
    blocks.push(block)
    return block
  }

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? ''
    const view = expandTabs(line)
    const quoted = QUOTE.test(view)

    if (open) {
      const content = contentIn(open.container, view)
      if (content !== undefined && !(open.end === 'blank' && isBlank(content))) {
        open.block.lines.push(line)
        if (closes(open.end, content)) open = undefined
        continue
      }
      open = undefined
    }

    if (isBlank(view)) {
      paragraph = undefined
      start('blank', line)
      continue
    }

    let container: Container
    let content: string
    if (quoted) {
      content = view.replace(QUOTE_MARKERS, '')
      if (paragraph?.quoted && !isBlank(content) && !interrupts(content, true)) {
        paragraph.lines.push(line)
        continue
      }
      closeLists(lists, indentOf(view))
      container = 'quote'
      if (isBlank(content)) {
        paragraph = undefined
        start('paragraph', line)
        continue
      }
    } else {
      const indent = indentOf(view)
      const parent = parentColumn(lists, indent)
      content = view.slice(parent)
      const item = listItem(content)
      if (paragraph) {
        if (SETEXT_UNDERLINE.test(content)) {
          paragraph.lines.push(line)
          paragraph = undefined
          continue
        }
        const canInterrupt =
          item !== undefined &&
          !THEMATIC_BREAK.test(content) &&
          (lists.some(other => other.marker === parent + item.indent) ||
            (!item.empty && (item.start === undefined || item.start === 1)))
        if (!canInterrupt && !interrupts(content, false)) {
          paragraph.lines.push(line)
          continue
        }
      }
      closeLists(lists, indent)
      container = parent
      if (item && !THEMATIC_BREAK.test(content)) {
        // One line may open several items ("- - text"); the innermost holds the content. Past a
        // hundred, the rest is read as text of the last item: prose, the safer mistake.
        let rest = content
        let depth = 0
        for (
          let next: ListItemStart | undefined = item;
          next && depth < MAX_ITEMS_PER_LINE;
          next = listItem(rest), depth++
        ) {
          lists.push({ marker: container + next.indent, column: container + next.offset })
          container += next.offset
          rest = rest.slice(next.offset)
          if (THEMATIC_BREAK.test(rest)) break
        }
        content = rest
      }
    }

    paragraph = undefined
    if (indentOf(content) >= 4) {
      // Indented code: shown as written on GitHub, but read here as prose (the safer mistake).
      paragraph = start('paragraph', line)
      paragraph.quoted = quoted
      continue
    }
    const fence = container === 'quote' ? undefined : fenceOpener(content)
    if (fence) {
      const block = start('code', line)
      block.info = fence.info.split(/\s/)[0]?.toLowerCase()
      open = { block, container, end: { fence: fence.marker } }
      continue
    }
    const comment = COMMENT_START.exec(content)
    if (comment) {
      const block = start('comment', line)
      if (content.indexOf('-->', comment[0].length - 2) < 0) open = { block, container, end: /-->/ }
      continue
    }
    const html = htmlBlockStart(content, false)
    if (html) {
      const block = start('html', line)
      if (html.end === 'blank' || !html.end.test(html.rest)) {
        open = { block, container, end: html.end }
      }
      continue
    }
    const definition = definitionAt(lines, n, content, container)
    if (definition) {
      // The first definition of a label wins, as in CommonMark.
      if (!definitions.has(definition.label)) {
        definitions.set(definition.label, definition.destination)
      }
      n += definition.lines - 1
      continue
    }
    if (HEADING.test(content) || THEMATIC_BREAK.test(content)) {
      start('paragraph', line)
      continue
    }
    paragraph = start('paragraph', line)
    paragraph.quoted = quoted
  }
  return { blocks, definitions }
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line
  let out = ''
  for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char
  return out
}

function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text)
}

function indentOf(text: string): number {
  return /^ */.exec(text)?.[0].length ?? 0
}

/** The line's content inside the container, or undefined when the line is outside it. */
function contentIn(container: Container, view: string): string | undefined {
  if (container === 'quote') return QUOTE.test(view) ? view.replace(QUOTE_MARKERS, '') : undefined
  if (isBlank(view)) return ''
  return indentOf(view) >= container ? view.slice(container) : undefined
}

function closes(end: End, content: string): boolean {
  if (end === 'blank') return false
  if (end instanceof RegExp) return end.test(content)
  const closing = CLOSING_FENCE.exec(content)?.[1]
  return closing !== undefined && closing[0] === end.fence[0] && closing.length >= end.fence.length
}

/** The content column of the innermost open list item that a line indented this far belongs to. */
function parentColumn(lists: readonly ListItem[], indent: number): number {
  // Columns grow with nesting, so a binary search finds the innermost one not past the indent.
  let low = 0
  let high = lists.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((lists[middle]?.column ?? 0) <= indent) low = middle + 1
    else high = middle
  }
  return low === 0 ? 0 : (lists[low - 1]?.column ?? 0)
}

function closeLists(lists: ListItem[], indent: number): void {
  while (lists.length > 0 && (lists[lists.length - 1]?.column ?? 0) > indent) lists.pop()
}

interface ListItemStart {
  /** Spaces before the marker. */
  indent: number
  /** Where the item's content starts, from the start of the line. */
  offset: number
  empty: boolean
  /** An ordered list's number. */
  start: number | undefined
}

function listItem(content: string): ListItemStart | undefined {
  const marker = LIST_MARKER.exec(content)
  if (!marker) return undefined
  const after = content.slice(marker[0].length)
  const spaces = indentOf(after)
  const empty = isBlank(after)
  const offset = marker[0].length + (empty || spaces >= 5 ? 1 : spaces)
  return {
    indent: marker[1]?.length ?? 0,
    offset,
    empty,
    start: marker[3] === undefined ? undefined : Number(marker[3])
  }
}

function fenceOpener(content: string): { marker: string; info: string } | undefined {
  const match = FENCE.exec(content)
  if (!match?.[1]) return undefined
  const info = match[2] ?? ''
  // A backtick fence's info string cannot hold a backtick: such a line is a code span.
  if (match[1].startsWith('`') && info.includes('`')) return undefined
  return { marker: match[1], info: info.trim() }
}

function htmlBlockStart(
  content: string,
  paragraphOpen: boolean
): { end: RegExp | 'blank'; rest: string } | undefined {
  for (const html of HTML_BLOCKS) {
    if (paragraphOpen && !html.interrupts) continue
    const match = html.start.exec(content)
    if (match) return { end: html.end, rest: content.slice(match[0].length) }
  }
  return undefined
}

/** Whether a line starts a block that ends an open paragraph (list items are decided apart). */
function interrupts(content: string, inQuote: boolean): boolean {
  if (indentOf(content) >= 4) return false
  return (
    (!inQuote && fenceOpener(content) !== undefined) ||
    COMMENT_START.test(content) ||
    htmlBlockStart(content, true) !== undefined ||
    HEADING.test(content) ||
    THEMATIC_BREAK.test(content) ||
    QUOTE.test(content)
  )
}

function definitionAt(
  lines: readonly string[],
  n: number,
  content: string,
  container: Container
): { label: string; destination: string; lines: number } | undefined {
  if (!content.trimStart().startsWith('[')) return undefined
  // A definition's title may run over the next lines (never past a blank line).
  const parts = [content]
  for (let k = n + 1; k < lines.length && k < n + 20; k++) {
    const next = contentIn(container, expandTabs(lines[k] ?? ''))
    if (next === undefined || isBlank(next)) break
    parts.push(next)
  }
  const match = DEFINITION.exec(parts.join('\n'))
  if (!match?.[1] || !match[2] || isBlank(match[1])) return undefined
  return {
    label: normalizeLabel(match[1]),
    destination: match[2],
    lines: 1 + (match[0].match(/\n/g)?.length ?? 0)
  }
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
}

// ---- rendering ----

interface Piece {
  code: boolean
  text: string
}

/**
 * Where hidden text runs past its block: an HTML comment left open in raw HTML hides everything up
 * to the next raw `-->` (here: the end of the next comment block, which is never earlier), and an
 * open <script> or <style> hides the rest of the text.
 */
type Swallow = 'comment' | 'all'

function renderBlocks(blocks: readonly Block[], definitions: Definitions): Piece[] {
  const pieces: Piece[] = []
  let swallow: Swallow | undefined
  for (const block of blocks) {
    let text = block.lines.join('\n')
    if (swallow) {
      if (swallow === 'all' || block.kind !== 'comment') continue
      const end = commentEnd(text, text.indexOf('<!--'))
      if (end < 0) continue
      swallow = undefined
      text = text.slice(end)
    }
    if (block.kind === 'code') {
      pieces.push({ code: true, text: stripInvisible(renderCode(block)) })
      continue
    }
    if (block.kind === 'blank') {
      pieces.push({ code: false, text: '' })
      continue
    }
    const markdown = block.kind === 'paragraph'
    const rendered = renderInline(text, {
      markdown,
      definitions,
      protectCode: markdown && !block.lines.some(mayBeTableDelimiter)
    })
    pieces.push({ code: false, text: stripInvisible(rendered.text) })
    swallow = rendered.swallow
  }
  return pieces
}

function mayBeTableDelimiter(line: string): boolean {
  const row = expandTabs(line).replace(QUOTE_MARKERS, '').trim()
  return row.includes('|') && TABLE_DELIMITER.test(row)
}

/**
 * Code blocks are shown as written, except the kinds GitHub renders as a picture: `%%` comments
 * of a mermaid diagram and \phantom{} in a math block are not part of the picture.
 */
function renderCode(block: Block): string {
  const [opener = '', ...rest] = block.lines
  if (block.info === 'math') return [opener, ...rest.map(removePhantoms)].join('\n')
  if (block.info === 'mermaid') return [opener, ...rest.filter(l => !/^\s*%%/.test(l))].join('\n')
  return block.lines.join('\n')
}

/** Outside code: one blank line at most in a row, and no blank space at line ends or either end. */
function tidy(pieces: readonly Piece[]): string {
  const lines: Piece[] = []
  for (const piece of pieces) {
    for (const line of piece.text.split('\n')) {
      const text = piece.code ? line : line.trimEnd()
      const last = lines[lines.length - 1]
      const blank = !piece.code && text === ''
      if (blank && (last === undefined || (!last.code && last.text === ''))) continue
      lines.push({ code: piece.code, text })
    }
  }
  while (
    lines.length > 0 &&
    !lines[lines.length - 1]?.code &&
    lines[lines.length - 1]?.text === ''
  ) {
    lines.pop()
  }
  const first = lines[0]
  if (first && !first.code) first.text = first.text.trimStart()
  return lines
    .map(line => line.text)
    .join('\n')
    .trimEnd()
}

// ---- inline ----

/** Elements the browser never shows. */
const ALWAYS_HIDDEN = new Set([
  'script',
  'style',
  'template',
  'title',
  'head',
  'datalist',
  'noembed',
  'noframes'
])
/** Elements whose content is text up to the first closing tag (no nesting). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'noembed', 'noframes', 'xmp'])
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])
/** Attributes kept on a tag: the addresses an agent may need to follow. */
const KEPT_ATTRIBUTES = ['href', 'src'] as const
const HIDING_STYLE =
  /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0*(?:\.0+)?\s*(?:[;!]|$)|font-size\s*:\s*0*(?:\.0+)?[a-z%]*\s*(?:[;!]|$))/i
const UNSAFE_URL = /^(?:data|javascript|vbscript):/i

const OPEN_TAG = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)((?:${ATTRIBUTE})*)\s*(\/?)>`, 'y')
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9-]*)\s*>/y
const ATTRIBUTES = /\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+>/y
const BOGUS_COMMENT = /<(?:\?|![A-Za-z[])/y
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y
const PHANTOM = /\\[hv]?phantom\s*\{/y
const ESCAPABLE = /[!-/:-@[-`{-~]/
/** cmark's limit on nested parentheses in a link destination. */
const MAX_DESTINATION_PARENS = 32

/** Named character references that stand for an invisible character. */
const INVISIBLE_ENTITIES = new Set([
  'shy',
  'zwj',
  'zwnj',
  'lrm',
  'rlm',
  'ZeroWidthSpace',
  'NegativeVeryThinSpace',
  'NegativeThinSpace',
  'NegativeMediumSpace',
  'NegativeThickSpace',
  'NoBreak',
  'ApplyFunction',
  'af',
  'InvisibleTimes',
  'it',
  'InvisibleComma',
  'ic'
])

interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  attributes: Map<string, string>
  end: number
}

interface Link {
  image: boolean
  /** Index of the `]` that ends the link text. */
  close: number
  /** Index just past the destination, title or reference. */
  end: number
  destination: string
}

interface InlineOptions {
  /** Markdown (a paragraph) rather than raw HTML (an HTML block). */
  markdown: boolean
  definitions: Definitions
  /** Whether code spans are kept as written. */
  protectCode: boolean
}

/** One block's text without its hidden parts. */
function renderInline(text: string, options: InlineOptions): { text: string; swallow?: Swallow } {
  const links = options.markdown ? findLinks(text, options) : new Map<number, Link>()
  const linkEnds = new Map<number, Link>()
  let out = ''
  let i = 0
  while (i < text.length) {
    const char = text.charAt(i)
    if (options.markdown) {
      const ending = linkEnds.get(i)
      if (ending) {
        out += `](${ending.destination})`
        i = ending.end
        continue
      }
      if (char === '\\') {
        const phantom = phantomEnd(text, i)
        if (phantom > 0) {
          i = phantom
          continue
        }
        if (ESCAPABLE.test(text.charAt(i + 1))) {
          out += text.slice(i, i + 2)
          i += 2
          continue
        }
      }
      if (char === '`') {
        const run = backtickRun(text, i)
        const end = options.protectCode ? codeSpanEnd(text, i, run) : -1
        out += end > 0 ? withoutComments(text.slice(i, end), run) : text.slice(i, i + run)
        i = end > 0 ? end : i + run
        continue
      }
      const link = links.get(i)
      if (link?.image) {
        out += `![](${link.destination})`
        i = link.end
        continue
      }
      if (link) {
        linkEnds.set(link.close, link)
        out += '['
        i += 1
        continue
      }
    }
    if (char === '<') {
      if (text.startsWith('<!--', i)) {
        const end = commentEnd(text, i)
        if (end < 0) return { text: out, swallow: 'comment' }
        i = end
        continue
      }
      BOGUS_COMMENT.lastIndex = i
      if (BOGUS_COMMENT.test(text)) {
        // Processing instructions, declarations and CDATA: the browser hides them up to the next `>`.
        const end = text.indexOf('>', i)
        if (end >= 0) {
          i = end + 1
          continue
        }
      }
      const tag = tagAt(text, i)
      if (tag && !tag.closing && hides(tag)) {
        if (tag.selfClosing || VOID.has(tag.name)) {
          i = tag.end
          continue
        }
        const end = closingTagEnd(text, tag)
        if (end >= 0) {
          i = end
          continue
        }
        // Left open: an element that always hides takes the rest of the text with it; one hidden
        // by its attributes takes the rest of its block.
        return ALWAYS_HIDDEN.has(tag.name) ? { text: out, swallow: 'all' } : { text: out }
      }
      if (tag) {
        out += rebuildTag(tag)
        i = tag.end
        continue
      }
      if (options.markdown) {
        AUTOLINK.lastIndex = i
        const autolink = AUTOLINK.exec(text)
        if (autolink) {
          out += autolink[0]
          i += autolink[0].length
          continue
        }
      }
    }
    if (char === '&') {
      ENTITY.lastIndex = i
      const entity = ENTITY.exec(text)
      if (entity) {
        if (!isInvisibleEntity(entity)) out += entity[0]
        i += entity[0].length
        continue
      }
    }
    out += char
    i += 1
  }
  return { text: out }
}

/** Index just past the `-->` that ends the comment opened at `start`, or -1 when it never ends. */
function commentEnd(text: string, start: number): number {
  // "<!-->" and "<!--->" are complete (empty) comments.
  const end = text.indexOf('-->', start + 2)
  return end < 0 ? -1 : end + 3
}

/** A code span with its HTML comments removed (a comment left open runs to the span's end). */
function withoutComments(span: string, run: number): string {
  const inner = span.slice(run, span.length - run)
  let out = ''
  let i = 0
  while (i < inner.length) {
    const start = inner.indexOf('<!--', i)
    if (start < 0) break
    out += inner.slice(i, start)
    const end = commentEnd(inner, start)
    i = end < 0 ? inner.length : end
  }
  out += inner.slice(i)
  const fence = span.slice(0, run)
  return fence + out + fence
}

function backtickRun(text: string, start: number): number {
  let end = start
  while (text.charAt(end) === '`') end++
  return end - start
}

/** Index just past the code span opened by the backtick run at `start`, or -1. */
function codeSpanEnd(text: string, start: number, run: number): number {
  let i = start + run
  while (i < text.length) {
    const next = text.indexOf('`', i)
    if (next < 0) return -1
    const length = backtickRun(text, next)
    if (length === run) return next + run
    i = next + length
  }
  return -1
}

function phantomEnd(text: string, start: number): number {
  PHANTOM.lastIndex = start
  const match = PHANTOM.exec(text)
  if (!match) return -1
  return braceEnd(text, start + match[0].length)
}

/** Index just past the `}` matching an already-open `{`, or -1. */
function braceEnd(text: string, from: number): number {
  let depth = 1
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i)
    if (char === '\\') i++
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i + 1
  }
  return -1
}

function removePhantoms(line: string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    const end = line.charAt(i) === '\\' ? phantomEnd(line, i) : -1
    if (end > 0) {
      i = end
    } else {
      out += line.charAt(i)
      i += 1
    }
  }
  return out
}

function tagAt(text: string, start: number): Tag | undefined {
  CLOSE_TAG.lastIndex = start
  const close = CLOSE_TAG.exec(text)
  if (close?.[1]) {
    const name = close[1].toLowerCase()
    return {
      name,
      closing: true,
      selfClosing: false,
      attributes: new Map(),
      end: CLOSE_TAG.lastIndex
    }
  }
  OPEN_TAG.lastIndex = start
  const open = OPEN_TAG.exec(text)
  if (!open?.[1]) return undefined
  const attributes = new Map<string, string>()
  for (const attribute of (open[2] ?? '').matchAll(ATTRIBUTES)) {
    const name = attribute[1]?.toLowerCase() ?? ''
    const value = (attribute[2] ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2')
    if (!attributes.has(name)) attributes.set(name, value)
  }
  return {
    name: open[1].toLowerCase(),
    closing: false,
    selfClosing: open[3] === '/',
    attributes,
    end: OPEN_TAG.lastIndex
  }
}

/**
 * Whether an element hides its content: always, or by a `hidden` attribute or a hiding style.
 * GitHub's own page may drop those attributes and show the text, but e-mail notifications and
 * other clients honour them, and text written to be hidden has no business in a prompt.
 */
function hides(tag: Tag): boolean {
  if (ALWAYS_HIDDEN.has(tag.name) || tag.attributes.has('hidden')) return true
  const style = tag.attributes.get('style')
  return style !== undefined && HIDING_STYLE.test(decodeNumericEntities(style))
}

/** Index just past the tag that closes `tag`'s element, or -1 when it is never closed. */
function closingTagEnd(text: string, tag: Tag): number {
  const pattern = new RegExp(`<(/?)${tag.name}(?=[\\s/>])[^>]*>`, 'gi')
  pattern.lastIndex = tag.end
  let depth = 1
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] === '/') {
      if (--depth === 0 || RAW_TEXT.has(tag.name)) return match.index + match[0].length
    } else if (!RAW_TEXT.has(tag.name) && !match[0].endsWith('/>')) {
      depth++
    }
  }
  return -1
}

/**
 * The tag without its attributes, which are never shown as text (alt text only when an image
 * fails, a title only on hover), except the addresses in href and src.
 */
function rebuildTag(tag: Tag): string {
  if (tag.closing) return `</${tag.name}>`
  let kept = ''
  for (const name of KEPT_ATTRIBUTES) {
    const value = tag.attributes.get(name)
    if (value !== undefined && isSafeUrl(value))
      kept += ` ${name}="${value.replace(/"/g, '&quot;')}"`
  }
  return `<${tag.name}${kept}${tag.selfClosing ? ' /' : ''}>`
}

/** Data and script URLs are dropped: a data: URL can carry a whole hidden text. */
function isSafeUrl(url: string): boolean {
  const bare = decodeNumericEntities(url.replace(/^<|>$/g, '')).replace(/[\s\p{Cc}]/gu, '')
  return !UNSAFE_URL.test(bare)
}

function decodeNumericEntities(text: string): string {
  return text.replace(/&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));?/g, (entity, decimal, hex) => {
    const code = decimal === undefined ? parseInt(String(hex), 16) : Number(decimal)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
}

function isInvisibleEntity(entity: RegExpExecArray): boolean {
  if (entity[3] !== undefined) return INVISIBLE_ENTITIES.has(entity[3])
  const code = entity[1] === undefined ? parseInt(entity[2] ?? '', 16) : Number(entity[1])
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return false
  const char = String.fromCodePoint(code)
  return char !== '\n' && char !== '\t' && INVISIBLE.test(char)
}

/**
 * The links and images of a paragraph, by the index where each starts. Brackets are matched as
 * CommonMark does: code spans, HTML and autolinks bind tighter than link text, so a `]` inside them
 * does not end it.
 */
function findLinks(text: string, options: InlineOptions): Map<number, Link> {
  const links = new Map<number, Link>()
  const opens: number[] = []
  let i = 0
  while (i < text.length) {
    const char = text.charAt(i)
    if (char === '\\') {
      i += 2
    } else if (char === '`') {
      const run = backtickRun(text, i)
      const end = options.protectCode ? codeSpanEnd(text, i, run) : -1
      i = end > 0 ? end : i + run
    } else if (char === '<') {
      i = skipInlineHtml(text, i)
    } else if (char === '[') {
      opens.push(i)
      i += 1
    } else if (char === ']') {
      const open = opens.pop()
      if (open !== undefined) {
        const link = linkAfter(text, open, i, options.definitions)
        if (link) links.set(link.image ? open - 1 : open, link)
      }
      i += 1
    } else {
      i += 1
    }
  }
  return links
}

function skipInlineHtml(text: string, start: number): number {
  if (text.startsWith('<!--', start)) {
    const end = commentEnd(text, start)
    return end < 0 ? text.length : end
  }
  const tag = tagAt(text, start)
  if (tag) return tag.end
  AUTOLINK.lastIndex = start
  return AUTOLINK.test(text) ? AUTOLINK.lastIndex : start + 1
}

/** What follows the link text `[...]`: an inline destination, a reference, or nothing usable. */
function linkAfter(
  text: string,
  open: number,
  close: number,
  definitions: Definitions
): Link | undefined {
  const image = open > 0 && text.charAt(open - 1) === '!' && text.charAt(open - 2) !== '\\'
  const make = (destination: string, end: number): Link => ({
    image,
    close,
    end,
    destination: isSafeUrl(destination) ? destination : ''
  })
  const next = text.charAt(close + 1)
  if (next === '(') {
    const inline = inlineDestination(text, close + 1)
    if (inline) return make(inline.destination, inline.end)
  }
  const inner = text.slice(open + 1, close)
  if (next === '[') {
    const labelEnd = text.indexOf(']', close + 2)
    const label = labelEnd < 0 ? '' : text.slice(close + 2, labelEnd)
    if (labelEnd < 0 || label.includes('[')) return undefined
    const destination = definitions.get(normalizeLabel(isBlank(label) ? inner : label))
    return destination === undefined ? undefined : make(destination, labelEnd + 1)
  }
  const destination = definitions.get(normalizeLabel(inner))
  return destination === undefined ? undefined : make(destination, close + 1)
}

/** `(destination "title")` starting at `open`: the destination, and the index past `)`. */
function inlineDestination(
  text: string,
  open: number
): { destination: string; end: number } | undefined {
  let i = skipSpace(text, open + 1)
  const start = i
  if (text.charAt(i) === '<') {
    i += 1
    while (i < text.length && !'<>\n'.includes(text.charAt(i))) i += text.charAt(i) === '\\' ? 2 : 1
    if (text.charAt(i) !== '>') return undefined
    i += 1
  } else {
    let depth = 0
    while (i < text.length) {
      const char = text.charAt(i)
      if (/[\s\p{Cc}]/u.test(char) || (char === ')' && depth === 0)) break
      if (char === '(' && ++depth > MAX_DESTINATION_PARENS) return undefined
      if (char === ')') depth--
      i += char === '\\' && ESCAPABLE.test(text.charAt(i + 1)) ? 2 : 1
    }
    if (depth !== 0) return undefined
  }
  const destination = text.slice(start, i)
  const afterDestination = i
  i = skipSpace(text, i)
  const quote = text.charAt(i)
  if (i > afterDestination && (quote === '"' || quote === "'" || quote === '(')) {
    const closing = quote === '(' ? ')' : quote
    // Without a closing mark anywhere after, no title can end: fail before scanning for one.
    if (text.lastIndexOf(closing) <= i) return undefined
    i += 1
    while (i < text.length && text.charAt(i) !== closing) i += text.charAt(i) === '\\' ? 2 : 1
    if (i >= text.length) return undefined
    i = skipSpace(text, i + 1)
  }
  if (text.charAt(i) !== ')') return undefined
  return { destination, end: i + 1 }
}

/** Spaces and tabs, with at most one line ending among them. */
function skipSpace(text: string, from: number): number {
  let i = from
  let newline = false
  for (; i < text.length; i++) {
    const char = text.charAt(i)
    if (char === '\n' && !newline) newline = true
    else if (char !== ' ' && char !== '\t') break
  }
  return i
}
