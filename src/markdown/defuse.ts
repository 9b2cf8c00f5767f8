// What GitHub turns into a ping or a link in text it did not write: `@user` and `@org/team`
// mentions, `#123` and `owner/repo#123` references, `GH-123`, and the `[!NOTE]` that makes a quote
// look like the action's own alert. An invisible joiner after the `@`, `#`, `GH-` or `[!` keeps the
// text reading the same and links nothing. GitHub matches these on the text it shows, with entities
// already decoded, so this works on decoded text too: whoever builds Markdown from untrusted text
// decodes first (a Markdown parser does) or shows the text as written (escaping every `&`).
//
// Pure: text in, text out.

/** Invisible; between `@` and a name it breaks GitHub's mention pattern (and `#`'s, and `GH-`'s). */
export const ZWJ = '\u200d'

/**
 * GitHub's mention needs an ASCII non-word character (or nothing) before the `@` and a letter or
 * digit after it; a reference needs a digit after `#` or `GH-`; an alert is `[!WORD]`.
 */
const LINKED = /(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|#(?=[0-9])|\bgh-(?=[0-9])|\[!(?=[A-Za-z]+\])/gi

/** Text that mentions nobody, references nothing and opens no alert, and reads the same. */
export function defuse(text: string): string {
  return text.replace(LINKED, (match: string, before: string | undefined) =>
    before === undefined ? match + ZWJ : `${before}@${ZWJ}`
  )
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text made well-formed: one line ending, no control characters, no half surrogate pairs. */
export function wellFormed(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd')
}
