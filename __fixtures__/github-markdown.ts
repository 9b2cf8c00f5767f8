// The page GitHub makes of the action's own Markdown (a job summary, a comment), as a tree to
// query: the reference rendering (./github-rendering.ts: cmark-gfm with GitHub's extensions, raw
// HTML let through) parsed as a browser would, and, where a test asks, sanitized with
// hast-util-sanitize's default schema (which follows GitHub's). Tests assert on what a reader
// sees, not on the Markdown's spelling.
import type { Element, ElementContent, Nodes, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize } from 'hast-util-sanitize'
import { cmarkHtml } from './github-rendering.js'

/** The rendered page as a tree; `sanitized` drops what GitHub's sanitizer would (comments too). */
export function githubTree(markdown: string, options: { sanitized?: boolean } = {}): Root {
  const tree = fromHtml(cmarkHtml(markdown), { fragment: true })
  return options.sanitized ? (sanitize(tree) as Root) : tree
}

/** Every element of the tag, in document order. */
export function elements(node: Nodes, tagName: string): Element[] {
  const found: Element[] = []
  const visit = (n: Nodes): void => {
    if (n.type === 'element' && n.tagName === tagName) found.push(n)
    if ('children' in n) n.children.forEach(visit)
  }
  visit(node)
  return found
}

/** The top-level elements of the page, in order. */
export function blocks(tree: Root): Element[] {
  return tree.children.filter((n): n is Element => n.type === 'element')
}

export function textOf(node: Nodes | ElementContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}

/** GitHub links no mention or reference inside these. */
const IGNORED = new Set(['a', 'code', 'pre', 'style', 'script'])

/** Each run of text GitHub scans for mentions and references (text nodes outside IGNORED). */
export function scannedText(node: Nodes): string[] {
  const out: string[] = []
  const visit = (n: Nodes): void => {
    if (n.type === 'text') out.push(n.value)
    else if (n.type === 'element' && IGNORED.has(n.tagName)) return
    if ('children' in n) n.children.forEach(visit)
  }
  visit(node)
  return out
}

/**
 * What GitHub would turn into a ping or a link: `@user`, `@org/team` (its user pattern: an ASCII
 * non-word character or nothing before `@`, a letter or digit after), `#123` and `owner/repo#123`,
 * `GH-123`, and an alert's `[!NOTE]`.
 */
export const LINKABLE = /(?:^|[^A-Za-z0-9_])@[A-Za-z0-9]|#[0-9]|\bGH-[0-9]|\[![A-Za-z]+\]/i

/** The scanned text that GitHub would link or ping from. */
export function linkable(markdown: string): string[] {
  return scannedText(githubTree(markdown)).filter(text => LINKABLE.test(text))
}
