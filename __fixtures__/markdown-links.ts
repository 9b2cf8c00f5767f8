// The relative links of Markdown pages, and which of them lead nowhere: a missing file, or an
// anchor that no heading of the target makes. Markdown is parsed as GitHub parses it (CommonMark
// and GFM, so a link in a table cell counts and one in a code block does not), and anchors are the
// ids GitHub gives headings (github-slugger, one slugger a page so that repeats get `-1`, `-2`).
import GithubSlugger from 'github-slugger'
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { toString } from 'mdast-util-to-string'
import { gfm } from 'micromark-extension-gfm'
import { posix } from 'node:path'

/** A page: its path from the repository root (`docs/security.md`) and its Markdown. */
export interface Page {
  path: string
  markdown: string
}

export interface Link {
  from: string
  url: string
}

function tree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

function visit(node: Nodes, each: (node: Nodes) => void): void {
  each(node)
  if ('children' in node) for (const child of node.children) visit(child, each)
}

/** The anchors GitHub makes of a page's headings. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  visit(tree(markdown), node => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)))
  })
  return anchors
}

/** Every link, image and link definition whose address has no scheme (`https:`, `mailto:`). */
export function relativeLinks(page: Page): Link[] {
  const links: Link[] = []
  visit(tree(page.markdown), node => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(node.url)) links.push({ from: page.path, url: node.url })
    }
  })
  return links
}

/**
 * The links of `pages` that do not resolve, each as `from: url (why)`. `exists` says whether a
 * path from the root is a file or folder. An anchor must lead into one of `pages`, which are the
 * pages whose headings are known.
 */
export function brokenLinks(pages: Page[], exists: (path: string) => boolean): string[] {
  const byPath = new Map(pages.map(page => [page.path, page]))
  const anchors = new Map<string, Set<string>>()
  const anchorsOf = (path: string): Set<string> => {
    const found = anchors.get(path) ?? headingAnchors(byPath.get(path)?.markdown ?? '')
    anchors.set(path, found)
    return found
  }
  const whyBroken = ({ from, url }: Link): string | undefined => {
    const hash = url.indexOf('#')
    const file = decodeURIComponent(hash === -1 ? url : url.slice(0, hash))
    const anchor = hash === -1 ? undefined : decodeURIComponent(url.slice(hash + 1))
    const target = file === '' ? from : posix.normalize(posix.join(posix.dirname(from), file))
    if (target.startsWith('../')) return 'outside the repository'
    if (!byPath.has(target) && !exists(target.replace(/\/$/, ''))) return 'no such file'
    if (anchor === undefined) return undefined
    if (!byPath.has(target)) return 'an anchor into a page that is not checked'
    return anchorsOf(target).has(anchor) ? undefined : 'no such heading'
  }
  return pages.flatMap(page =>
    relativeLinks(page).flatMap(link => {
      const why = whyBroken(link)
      return why ? [`${link.from}: ${link.url} (${why})`] : []
    })
  )
}
