// Characters that render as nothing, or move other text around: a maintainer cannot see them, so
// they never reach the agent. Pure, and small: the cheap trigger check uses it before anything
// asks GitHub what it shows.

/**
 * Characters that render as nothing (or move other text around): controls, format characters such
 * as zero-width spaces and joiners, bidirectional controls, tag characters, variation selectors.
 * Unicode's Default_Ignorable_Code_Point names exactly the "render as nothing" set.
 */
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uFFF9-\uFFFB]/u
const SOME_INVISIBLE =
  /(?![\n\t])[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029\uFFF9-\uFFFB]/u
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
  // Most text has none: one scan says so, without splitting it into characters.
  if (!SOME_INVISIBLE.test(text)) return text
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

/**
 * A one-line text GitHub shows as plain text (an issue title): only invisible characters go, and
 * whitespace becomes single spaces. Markup in a title is visible, so it stays.
 */
export function plainLine(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim()
}
