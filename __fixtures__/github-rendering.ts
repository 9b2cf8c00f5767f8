// A reference for what GitHub shows of an issue or a comment: GitHub's own Markdown parser
// (cmark-gfm, through its Node bindings) with the extensions GitHub turns on, raw HTML let
// through as GitHub lets it, then a sanitizer whose default schema follows GitHub's
// (hast-util-sanitize), then the touches GitHub adds to the sanitized HTML (mention links, images
// wrapped in links to their source, heading anchors, highlighted code blocks). The fake GitHub API
// serves this as `body_html`, and the differential test takes its text content as the truth of
// what a maintainer could see. Test-only: the native addon is never bundled.
import cmark from 'cmark-gfm'
import type { Element, ElementContent, Root, RootContent, Text } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'

const CMARK_OPTIONS = {
  unsafe: true,
  footnotes: true,
  extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true, tasklist: true }
} as const

/** The HTML GitHub's parser makes of this Markdown, before GitHub sanitizes it. */
export function cmarkHtml(markdown: string): string {
  return cmark.renderHtmlSync(markdown, CMARK_OPTIONS)
}

/** What GitHub's API answers as `body_html` for this Markdown. */
export function renderBodyHtml(markdown: string, web = 'https://github.com'): string {
  const parsed = fromHtml(cmarkHtml(markdown), { fragment: true })
  const tree = sanitize(parsed) as Root
  tree.children = tree.children.flatMap(node => decorate(node, web, false))
  return toHtml(tree)
}

/**
 * The text a reader can see in `html`: every text node, in order, ignoring attributes and
 * comments. What a <details> holds counts as seen: one click opens it.
 */
export function shownText(html: string): string {
  const text = (node: Root | RootContent): string => {
    if (node.type === 'text') return node.value
    if (node.type === 'element' || node.type === 'root') return node.children.map(text).join(' ')
    return ''
  }
  return text(fromHtml(html, { fragment: true }))
}

const MENTION =
  /(^|[^\p{L}\p{N}_`@/.-])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?)(?![\p{L}\p{N}_/-])/gu

function element(tagName: string, properties: Element['properties'], children: ElementContent[]) {
  return { type: 'element', tagName, properties, children } satisfies Element
}

/** GitHub's additions to sanitized HTML, as its API renders them. */
function decorate(node: RootContent, web: string, inLink: boolean): RootContent[] {
  if (node.type === 'text') return inLink ? [node] : mentions(node, web)
  if (node.type !== 'element') return [node]
  const { tagName } = node
  if (tagName === 'code' || tagName === 'pre') return [highlighted(node)]
  node.children = node.children.flatMap(
    child => decorate(child, web, inLink || tagName === 'a') as ElementContent[]
  )
  if (tagName === 'img' && !inLink) {
    const src = String(node.properties.src ?? '')
    node.properties = { ...node.properties, style: 'max-width: 100%;' }
    return [element('a', { target: '_blank', rel: ['noopener', 'noreferrer'], href: src }, [node])]
  }
  if (/^h[1-6]$/.test(tagName)) {
    const slug = textOf(node).toLowerCase().trim().replace(/\s+/g, '-')
    const icon = element('svg', { className: ['octicon', 'octicon-link'], ariaHidden: 'true' }, [
      element('path', { d: 'm7.775 3.275 1.25-1.25' }, [])
    ])
    const anchor = element(
      'a',
      {
        id: `user-content-${slug}`,
        className: ['anchor'],
        ariaLabel: `Permalink: ${textOf(node)}`,
        href: `#${slug}`
      },
      [icon]
    )
    node.properties = { ...node.properties, className: ['heading-element'] }
    return [element('div', { className: ['markdown-heading'], dir: 'auto' }, [node, anchor])]
  }
  return [node]
}

/** A code block as GitHub's API renders it: highlighted in a <div> named for its language. */
function highlighted(node: Element): Element {
  const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
  if (node.tagName !== 'pre' || !code) return node
  const language = (code.properties.className as string[] | undefined)
    ?.find(name => name.startsWith('language-'))
    ?.slice('language-'.length)
  if (language === undefined) return element('pre', { className: ['notranslate'] }, [code])
  return element(
    'div',
    { className: ['highlight', `highlight-source-${language}`, 'notranslate'], dir: 'auto' },
    [element('pre', {}, code.children)]
  )
}

function mentions(node: Text, web: string): ElementContent[] {
  const out: ElementContent[] = []
  let last = 0
  for (const match of node.value.matchAll(MENTION)) {
    const at = match.index + (match[1]?.length ?? 0)
    const login = match[2] ?? ''
    if (at > last) out.push({ type: 'text', value: node.value.slice(last, at) })
    out.push(
      element(
        'a',
        {
          className: ['user-mention', 'notranslate'],
          dataHovercardType: 'user',
          href: `${web}/${login}`
        },
        [{ type: 'text', value: `@${login}` }]
      )
    )
    last = at + 1 + login.length
  }
  if (last === 0) return [node]
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) })
  return out
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(textOf).join('') : ''
}
