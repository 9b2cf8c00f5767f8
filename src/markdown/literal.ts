// Untrusted text shown as written, inside the action's own Markdown: as plain text (a name, a
// reason, a table cell), as code, or inside the action's own HTML. Whatever the text holds, it is
// read as no markup, pings nobody, and cannot close what it sits in. No parser needed: CommonMark
// reads a backslash-escaped punctuation character as itself, so escaping each character that could
// start markup leaves none.
import { defuse, wellFormed } from './defuse.js'

/** The first `n` UTF-16 units of a text, never half a surrogate pair. */
export function headUnits(text: string, n: number): string {
  const code = text.charCodeAt(n - 1)
  const end = n > 0 && n < text.length && code >= 0xd800 && code <= 0xdbff ? n - 1 : n
  return text.slice(0, end)
}

/** The last `n` UTF-16 units of a text, never half a surrogate pair. */
export function tailUnits(text: string, n: number): string {
  if (n <= 0) return ''
  const start = Math.max(0, text.length - n)
  const code = text.charCodeAt(start)
  return text.slice(start > 0 && code >= 0xdc00 && code <= 0xdfff ? start + 1 : start)
}

/** A text of at most `max` UTF-16 units: cut, with an ellipsis, when longer. */
export function clipped(text: string, max: number): string {
  return text.length > max ? `${headUnits(text, max - 1)}…` : text
}

/** Text as the content of an HTML element the action writes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Untrusted text as the content of an HTML element (a `<summary>`): escaped and defused. */
export function htmlText(text: string): string {
  return escapeHtml(defuse(wellFormed(text)))
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * What can be markup anywhere in a line (emphasis, code, links and images, HTML, entities, table
 * cells, strikethrough, math); `_` between letters or digits cannot.
 */
const INLINE_MARKUP = /[\\`*[\]<>|~&$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g
/** What is markup only at the start of a line: a heading, a list item. */
const LINE_START = /^(?:[#+-]|(\d{1,9})(?=[.)]))/

/** Plain text on one line (a name, a reason, a table cell): no markup of its own, defused. */
export function plainLine(text: string): string {
  return defuse(collapse(wellFormed(text)))
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_START, (start: string, digits?: string) =>
      digits === undefined ? `\\${start}` : `${digits}\\`
    )
}

/** The longest run of backticks in the text. */
export function longestBackticks(text: string): number {
  if (!text.includes('`')) return 0
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return longest
}

/** A code fence longer than any run of backticks inside the text, so the text cannot close it. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBackticks(text) + 1))
}

/** A fenced code block the text cannot close; GitHub links nothing inside code. */
export function codeBlock(text: string, info = ''): string {
  const fence = fenceFor(text)
  return `${fence}${info}\n${text === '' || text.endsWith('\n') ? text : `${text}\n`}${fence}`
}

/** Text as an inline code span, on one line: code shows as written and the text cannot close it. */
export function codeSpan(text: string): string {
  const flat = collapse(wellFormed(text))
  const ticks = '`'.repeat(longestBackticks(flat) + 1)
  // A space on each side only where a backtick would otherwise touch the fence.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${flat}${pad}${ticks}`
}

/** The same as a table cell: GitHub splits cells at `|` even inside code, unless escaped. */
export function codeCell(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|')
}
