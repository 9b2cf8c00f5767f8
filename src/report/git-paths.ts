// The file names of git's diff headers, as git writes them: a name with a control character, a
// double quote, a backslash or (by default) a byte outside ASCII is C-quoted ("caf\303\251.md");
// any other name is written as it is, spaces included. The names are what the checks of a
// delivery match against, so a name must read exactly as it is in the repository.

const ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  t: 0x09,
  n: 0x0a,
  v: 0x0b,
  f: 0x0c,
  r: 0x0d,
  '"': 0x22,
  '\\': 0x5c
}

/**
 * A C-quoted name that starts at `text[start]` (the opening quote): its value, and the index just
 * past its closing quote. Undefined when it is not one (no closing quote, an unknown escape).
 */
export function readQuoted(text: string, start = 0): { value: string; end: number } | undefined {
  if (text[start] !== '"') return undefined
  const bytes: number[] = []
  for (let i = start + 1; i < text.length; i++) {
    const c = String.fromCodePoint(text.codePointAt(i) ?? 0)
    if (c === '"') return { value: Buffer.from(bytes).toString('utf8'), end: i + 1 }
    if (c !== '\\') {
      // Whole code points: a name written unquoted-style in UTF-8 (core.quotePath off).
      bytes.push(...Buffer.from(c, 'utf8'))
      i += c.length - 1
      continue
    }
    const next = text[++i] ?? ''
    const octal = /^[0-3][0-7]{2}/.exec(text.slice(i, i + 3))?.[0]
    if (octal) {
      // Octal escapes are bytes: several make one UTF-8 character.
      bytes.push(parseInt(octal, 8))
      i += 2
    } else if (next in ESCAPES) {
      bytes.push(ESCAPES[next] ?? 0)
    } else {
      return undefined
    }
  }
  return undefined
}

/** A name as git writes it on its own (`rename from`, `copy to`): quoted or as it is. */
export function unquoteGitPath(text: string): string {
  const quoted = readQuoted(text)
  return quoted && quoted.end === text.length ? quoted.value : text
}

function withoutPrefix(path: string, prefix: 'a/' | 'b/'): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path
}

/**
 * The name of a `--- a/x` or `+++ b/x` line (given without the `--- `), or undefined for
 * /dev/null. Git ends the line with a tab when the name holds a space.
 */
export function labelPath(label: string, prefix: 'a/' | 'b/'): string | undefined {
  const quoted = readQuoted(label)
  const name = quoted ? quoted.value : label.replace(/\t$/, '')
  if (!quoted && name === '/dev/null') return undefined
  return withoutPrefix(name, prefix)
}

/**
 * The two names of a `diff --git a/x b/y` header (given without `diff --git `). Either side may
 * be quoted. Two unquoted names are split where the halves agree (the usual case: the same file),
 * else at the last ` b/`; a rename's exact names come from its `rename` lines anyway.
 */
export function headerPaths(rest: string): { old: string; new: string } {
  if (rest.startsWith('"')) {
    const a = readQuoted(rest)
    if (a && rest[a.end] === ' ') {
      return {
        old: withoutPrefix(a.value, 'a/'),
        new: withoutPrefix(unquoteGitPath(rest.slice(a.end + 1)), 'b/')
      }
    }
  }
  if (rest.endsWith('"')) {
    // An unquoted old name, then a quoted new one: the quoted one starts at some ` "`.
    for (let at = rest.indexOf(' "'); at !== -1; at = rest.indexOf(' "', at + 1)) {
      const b = readQuoted(rest, at + 1)
      if (b?.end === rest.length) {
        return { old: withoutPrefix(rest.slice(0, at), 'a/'), new: withoutPrefix(b.value, 'b/') }
      }
    }
  }
  const half = (rest.length - 1) / 2
  const [left, right] = [rest.slice(0, half), rest.slice(half + 1)]
  if (
    Number.isInteger(half) &&
    rest[half] === ' ' &&
    withoutPrefix(left, 'a/') === withoutPrefix(right, 'b/')
  ) {
    const path = withoutPrefix(right, 'b/')
    return { old: path, new: path }
  }
  const b = rest.lastIndexOf(' b/')
  if (b < 0) return { old: rest, new: rest }
  return { old: withoutPrefix(rest.slice(0, b), 'a/'), new: rest.slice(b + 3) }
}
