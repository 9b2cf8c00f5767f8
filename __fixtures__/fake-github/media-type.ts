// GitHub's media types for Markdown bodies: `Accept: application/vnd.github.full+json` (or
// .raw, .text, .html, with or without .v3 and +json, as Octokit's `mediaType.format` sends it) chooses which of body, body_text and body_html an issue,
// pull request or comment carries. The HTML is rendered as GitHub renders it (../github-rendering.ts).
import { renderBodyHtml, shownText } from '../github-rendering.js'

export type BodyFormat = 'raw' | 'text' | 'html' | 'full'

/** The format an Accept header asks for; raw (the Markdown alone) unless it names another. */
export function bodyFormat(accept: string | undefined): BodyFormat {
  const format =
    /application\/vnd\.github(?:\.v3)?\.(raw|text|html|full)(?:\+json)?(?:[,;\s]|$)/i.exec(
      accept ?? ''
    )
  return (format?.[1]?.toLowerCase() as BodyFormat | undefined) ?? 'raw'
}

/** What GitHub says it answered with, in X-GitHub-Media-Type. */
export function mediaTypeHeader(format: BodyFormat): string {
  return format === 'raw' ? 'github.v3; format=json' : `github.v3; param=${format}; format=json`
}

/** The JSON with each resource's `body` in the format asked for (a list: each of its items). */
export function withBodies(json: unknown, format: BodyFormat, web: string): unknown {
  if (format === 'raw') return json
  if (Array.isArray(json)) return json.map(item => withBodies(item, format, web))
  if (typeof json !== 'object' || json === null || !('body' in json)) return json
  const { body, ...rest } = json as { body: unknown }
  const markdown = typeof body === 'string' ? body : null
  const html = markdown === null ? null : renderBodyHtml(markdown, web)
  const text = html === null ? null : shownText(html).replace(/\s+/g, ' ').trim()
  if (format === 'html') return { ...rest, body_html: html }
  if (format === 'text') return { ...rest, body_text: text }
  return { ...rest, body, body_text: text, body_html: html }
}
