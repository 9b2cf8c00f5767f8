// Secrets must not leave through outputs, the summary or error messages even when the API echoes
// them back or the agent writes them into its result. The runner's masking only covers the log,
// and only the secret as it is: here its common encodings count too (base64 in either alphabet,
// hex, URL encoding), and so does a secret broken up by characters a reader never sees.

export type Redact = (text: string) => string

/** Characters that show as nothing: a secret split by them still reads, and copies, whole. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/

function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff
}
/** Encodings shorter than this would match ordinary text. */
const MIN_ENCODED = 8

const toUrlAlphabet = (base64: string): string => base64.replace(/\+/g, '-').replace(/\//g, '_')

/**
 * Base64 of the secret wherever it starts in a longer encoded text: at each of the three byte
 * alignments, the characters that depend on the secret's bytes alone; and the whole encoding, with
 * and without its padding.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    const start = Math.ceil((shift * 8) / 6)
    const end = Math.floor(((shift + bytes.length) * 8) / 6)
    forms.push(encoded.slice(start, end))
    if (shift === 0) forms.push(encoded, encoded.replace(/=+$/, ''))
  }
  return forms.flatMap(form => [form, toUrlAlphabet(form)])
}

/** The secret and the forms it takes when encoded. */
export function encodedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const hex = bytes.toString('hex')
  const percent = hex.replace(/../g, '%$&')
  const encoded = [
    ...base64Forms(bytes),
    hex,
    hex.toUpperCase(),
    encodeURIComponent(secret),
    percent,
    percent.toUpperCase()
  ].filter(form => form.length >= MIN_ENCODED && form !== secret)
  return [...new Set([secret, ...encoded])]
}

/**
 * `text` with every match of `pattern` replaced by `***`, matched as if the invisible characters
 * were not there (those inside a match go with it; the others stay).
 */
function replaceSeen(text: string, pattern: RegExp): string {
  if (!INVISIBLE.test(text)) return text.replace(pattern, '***')
  // Where each visible character sits in the text: one pass, one array.
  const at = new Int32Array(text.length)
  let seen = ''
  let n = 0
  let run = 0
  for (let i = 0; i < text.length; i++) {
    if (isInvisible(text.charCodeAt(i))) {
      if (i > run) seen += text.slice(run, i)
      run = i + 1
    } else {
      at[n++] = i
    }
  }
  seen += text.slice(run)
  let out = ''
  let cursor = 0
  for (const match of seen.matchAll(pattern)) {
    const start = at[match.index] ?? 0
    const end = (at[match.index + match[0].length - 1] ?? 0) + 1
    out += `${text.slice(cursor, start)}***`
    cursor = end
  }
  return out + text.slice(cursor)
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A function that replaces every occurrence of the given secrets, in any of their forms, with `***`. */
export function redactor(secrets: readonly (string | undefined)[]): Redact {
  // Very short values would blank out ordinary words; the runner's own mask has the same floor.
  const live = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4)
  if (live.length === 0) return text => text
  // One pass for all of them; the longest first, so that a form wins over a secret inside it.
  const forms = [...new Set(live.flatMap(encodedForms))].sort((a, b) => b.length - a.length)
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g')
  return text => replaceSeen(text, pattern)
}
