// The agent's Markdown (its result, its step titles) made safe to show inside the action's own:
// the job summary, the status comment. It is parsed as GitHub parses it (CommonMark and GFM, by
// micromark), changed as a tree, and written back by a serializer that escapes whatever would be
// markup, so what comes out is closed by construction: every fence, every quote and list ends
// where the agent's text ends. On the tree:
// - text (entities and escapes already decoded) is defused: `&#64;admin` pings nobody either;
// - images become links to them: nothing of the agent's loads in the reader's browser;
// - raw HTML is shown as text (entities as written, so none decodes into a mention), except the
//   tags of ALLOWED_BLOCK and ALLOWED_INLINE, which lose their attributes and are balanced: a
//   closer without its opener is text, and whatever is left open closes where its parent ends,
//   so no `<details>` or `<b>` reaches past the agent's text;
// - references are resolved to links and definitions dropped (a definition is global: the agent's
//   would apply to the action's own text too); footnotes are shown where they are written, since
//   GitHub moves them to the end of the page, below the action's own sections.
//
// Pure: text in, text out.
import type {
  Blockquote,
  Definition,
  Html,
  Link,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  Text
} from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import { gfm } from 'micromark-extension-gfm'
import { defuse, wellFormed } from './defuse.js'
import { collapse, headUnits, htmlText } from './literal.js'

/**
 * The agent's HTML that is kept. Collapsible sections (`details`, `summary`) and the inline
 * formatting Markdown has no syntax for (`kbd`, `sub`, `sup`, `br`) are what agents write in
 * reports; `b`, `i`, `em`, `strong`, `code` are as harmless and common. None can load anything,
 * link anywhere or position text, and without attributes (all are dropped) none can be styled
 * or start open. Anything else (a `table`, `div`, `img`, `a`, comments) is shown as text.
 */
const ALLOWED_BLOCK = new Set(['details', 'summary'])
const ALLOWED_INLINE = new Set(['b', 'i', 'em', 'strong', 'code', 'sub', 'sup', 'kbd', 'br'])
const VOID = new Set(['br'])

/** Parents whose children are blocks: their HTML is HTML blocks, balanced among the children. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

// A tag as CommonMark reads one (https://spec.commonmark.org/0.31.2/#raw-html).
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?`
const TAG = new RegExp(
  String.raw`<([A-Za-z][A-Za-z0-9-]*)(?:${ATTRIBUTE})*\s*\/?>|<\/([A-Za-z][A-Za-z0-9-]*)\s*>`,
  'g'
)

/** Markdown the serializer wrote, which escapes whatever would otherwise be markup. */
function serialize(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: '-' }).replace(/\n+$/, '')
}

/** The agent's Markdown as blocks, safe to place among the action's own. */
export function agentBlocks(text: string): string {
  return serialize({ type: 'root', children: safeTree(text).children })
}

/**
 * The same as a quote: every line starts with `>`, so nothing of it (not a heading, not a fence,
 * not an HTML block) can pass for what follows it. Follow it with a blank line.
 */
export function agentQuote(text: string): string {
  // The root's children are blocks: sanitize only puts blocks in place of blocks.
  const children = safeTree(text).children as Blockquote['children']
  if (children.length === 0) return ''
  return serialize({ type: 'root', children: [{ type: 'blockquote', children }] })
}

/**
 * A quote of GitHub's alert kind (`> [!CAUTION]`) around a message that holds text the action did
 * not write (Netlify's error, the agent's result): the message's Markdown is kept, made safe.
 */
export function alert(kind: 'NOTE' | 'CAUTION' | 'WARNING', text: string): string {
  const body = agentQuote(text)
  return `> [!${kind}]${body ? `\n${body}` : ''}`
}

/**
 * One line of the agent's inline Markdown (a step title): emphasis and code kept, no blocks, no
 * line breaks, so it stays one list item or table row. Text that is not one paragraph (a heading,
 * a list) shows as written.
 */
export function agentLine(text: string): string {
  return serialize({
    type: 'root',
    children: [{ type: 'paragraph', children: agentPhrasing(text) }]
  })
}

/** A numbered step: `n. **title**: message`, on one line whatever the title and message hold. */
export function agentStep(n: number, title: string, message?: string | null): string {
  const children: PhrasingContent[] = [
    { type: 'strong', children: agentPhrasing(title.trim() ? title : 'Step') }
  ]
  const said = agentPhrasing(message ?? '')
  if (said.length > 0) children.push({ type: 'text', value: ': ' }, ...said)
  return `${n}. ${serialize({ type: 'root', children: [{ type: 'paragraph', children }] })}`
}

/**
 * agentQuote of as much of the text as fits in `max` (as `size` measures it), cut with an
 * ellipsis when it does not all fit.
 */
export function agentQuoteWithin(
  text: string,
  max: number,
  size: (markdown: string) => number = markdown => markdown.length
): { markdown: string; cut: boolean } {
  // Rendering seldom shrinks text: more than `max` characters of it never fit.
  let n = Math.min(text.length, max)
  for (let attempt = 0; attempt < 20 && n > 0; attempt++) {
    const cut = n < text.length
    const markdown = agentQuote(cut ? `${headUnits(text, n)}…` : text)
    const used = size(markdown)
    if (used <= max) return { markdown, cut }
    n = Math.floor(n * Math.min(0.9, max / used))
  }
  return { markdown: '', cut: text.length > 0 }
}

/** The first `n` UTF-16 units, never half a surrogate pair. */
function agentPhrasing(text: string): PhrasingContent[] {
  const flat = collapse(text)
  if (!flat) return []
  const tree = safeTree(flat)
  const [first, ...rest] = tree.children
  if (first?.type === 'paragraph' && rest.length === 0) return first.children
  return [textNode(flat)]
}

/** The parsed, changed tree. */
function safeTree(text: string): Root {
  const tree = fromMarkdown(wellFormed(text), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()]
  })
  sanitize(tree, { definitions: definitionsOf(tree), inLink: false })
  return tree
}

interface Context {
  definitions: Map<string, Definition>
  inLink: boolean
}

function definitionsOf(tree: Root): Map<string, Definition> {
  const found = new Map<string, Definition>()
  const visit = (node: Nodes): void => {
    // The first definition of a label is the one that counts.
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node)
    if ('children' in node) node.children.forEach(visit)
  }
  visit(tree)
  return found
}

function textNode(value: string): Text {
  return { type: 'text', value: defuse(value) }
}

/** A link GitHub would make of a URL or an address as written: its text is the address. */
function isAutolink(node: Link): boolean {
  const [only, ...rest] = node.children
  return (
    rest.length === 0 &&
    only?.type === 'text' &&
    (only.value === node.url || `mailto:${only.value}` === node.url)
  )
}

function imageAsLink(alt: string | null | undefined, url: string, ctx: Context): Nodes {
  const label = textNode(`🖼️ ${alt?.trim() || 'image'}`)
  // A link cannot hold a link: inside one, the image is its label only.
  return ctx.inLink ? label : { type: 'link', url, title: null, children: [label] }
}

/** Rewrites a parent's children in place, and closes the HTML it leaves open. */
function sanitize(parent: Parents, ctx: Context): void {
  const flow = FLOW_PARENTS.has(parent.type)
  const open: string[] = []
  const out: Nodes[] = []
  for (const child of parent.children as Nodes[]) {
    switch (child.type) {
      case 'text':
        out.push(textNode(child.value))
        break
      case 'html':
        out.push(...(flow ? htmlBlock(child.value, open) : htmlInline(child.value, open)))
        break
      case 'image':
        out.push(imageAsLink(child.alt, child.url, ctx))
        break
      case 'imageReference':
        out.push(imageAsLink(child.alt, ctx.definitions.get(child.identifier)?.url ?? '', ctx))
        break
      case 'definition':
        break
      case 'footnoteReference':
        out.push(textNode(`[^${child.label ?? child.identifier}]`))
        break
      case 'footnoteDefinition': {
        sanitize(child, ctx)
        const label: Paragraph = {
          type: 'paragraph',
          children: [textNode(`[^${child.label ?? child.identifier}]:`)]
        }
        out.push(label, ...child.children)
        break
      }
      case 'linkReference': {
        const definition = ctx.definitions.get(child.identifier)
        const link: Link = {
          type: 'link',
          url: definition?.url ?? '',
          title: definition?.title ?? null,
          children: child.children
        }
        sanitize(link, { ...ctx, inLink: true })
        out.push(link)
        break
      }
      case 'link':
        // An autolink's text is its address, which GitHub never reads as a mention.
        if (!isAutolink(child)) sanitize(child, { ...ctx, inLink: true })
        out.push(child)
        break
      default:
        if ('children' in child) sanitize(child, ctx)
        out.push(child)
    }
  }
  for (const tag of open.reverse()) out.push(closer(tag))
  ;(parent as { children: Nodes[] }).children = out
}

function closer(tag: string): Html {
  // Alone, a closing tag is an HTML block of its own in a flow, and inline HTML in a paragraph.
  return { type: 'html', value: `</${tag}>` }
}

interface Token {
  /** The allowed tag, written without attributes; undefined for text. */
  tag?: string
  source: string
}

/**
 * The tags and text of raw HTML. Allowed tags balance against `open` (which is updated); every
 * other tag, and any closer that does not close the innermost open tag, is text.
 */
function tokens(html: string, allowed: (name: string) => boolean, open: string[]): Token[] {
  const out: Token[] = []
  let cursor = 0
  for (const match of html.matchAll(TAG)) {
    if (match.index > cursor) out.push({ source: html.slice(cursor, match.index) })
    cursor = match.index + match[0].length
    const opening = match[1]?.toLowerCase()
    const closing = match[2]?.toLowerCase()
    if (opening && allowed(opening)) {
      if (!VOID.has(opening)) open.push(opening)
      out.push({ tag: `<${opening}>`, source: match[0] })
    } else if (closing && allowed(closing) && open[open.length - 1] === closing) {
      open.pop()
      out.push({ tag: `</${closing}>`, source: match[0] })
    } else {
      out.push({ source: match[0] })
    }
  }
  if (cursor < html.length) out.push({ source: html.slice(cursor) })
  return out
}

const allowedInBlock = (name: string): boolean =>
  ALLOWED_BLOCK.has(name) || ALLOWED_INLINE.has(name)

/**
 * An HTML block: kept as HTML when it starts with an allowed tag (so it stays an HTML block,
 * which ends at the same blank line it did), with its other tags and its text escaped. A block
 * that starts any other way (a comment, a `<div>`) is text, all of it.
 */
function htmlBlock(html: string, open: string[]): Nodes[] {
  const trial = [...open]
  const parts = tokens(html, allowedInBlock, trial)
  if (parts.find(part => part.tag !== undefined || part.source.trim())?.tag === undefined)
    return [{ type: 'paragraph', children: [textNode(html)] }]
  open.splice(0, open.length, ...trial)
  const value = parts.map(part => part.tag ?? htmlText(part.source)).join('')
  return [{ type: 'html', value }]
}

/** Inline HTML is one tag (or comment): kept if it is an allowed inline tag that balances. */
function htmlInline(html: string, open: string[]): Nodes[] {
  const trial = [...open]
  const parts = tokens(html, name => ALLOWED_INLINE.has(name), trial)
  const [only, ...rest] = parts
  if (only?.tag === undefined || rest.length > 0) return [textNode(html)]
  open.splice(0, open.length, ...trial)
  return [{ type: 'html', value: only.tag }]
}
