// Deterministic unified diffs that are generated while they stream, so a 100 MB diff never
// exists in memory. Every generated diff adds new files only, which keeps the concatenation of
// several sessions' diffs a valid cumulative diff that `git apply` accepts.
import { createHash, hash } from 'node:crypto'
import { Readable } from 'node:stream'
import { binaryLiteral } from './git-base85.js'
import { derivedHex } from './ids.js'

/** A new text file whose lines are derived from `seed`. */
export interface GeneratedTextFile {
  kind: 'text'
  path: string
  seed: string
  heading: string
  lines: number
}

/** A new binary file, small enough to hold. */
export interface BinaryFile {
  kind: 'binary'
  path: string
  content: Buffer
}

/** A file renamed as it is, content and all (100% similar). */
export interface RenamedFile {
  kind: 'rename'
  from: string
  to: string
}

/** One file's section of a diff that someone supplied as text (a PATCH or an upload). */
export interface LiteralFile {
  kind: 'literal'
  text: string
}

export type DiffFile = GeneratedTextFile | BinaryFile | RenamedFile | LiteralFile

/** A file a diff changes, named by a test: a path is a new text file, `{ from, to }` a rename. */
export type DiffPath = string | { from: string; to: string }

const LINE_WIDTH = 72
const MAX_FILE_BYTES = 1_000_000
const CHUNK_BYTES = 64 * 1024
const POOL_SIZE = 97
const WORDS = ['agent', 'netlify', 'deploy', 'preview', 'runner', 'session', 'change', 'update']

// A 1x1 PNG, so the binary hunk decodes to a real image.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)

export interface DiffPlanOptions {
  /** Makes the content unique and repeatable, e.g. the session id. */
  seed: string
  /** Folder the new files go in. */
  dir: string
  /** Used for the first line of each file. */
  heading: string
  bytes: number
  /** How many text files share the bytes; by default as few as fit in ~1 MB each. */
  files?: number | null
  binary: boolean
  /** These files instead of the generated ones (`bytes` is then not used). */
  paths?: DiffPath[] | null
}

/**
 * The files of a diff of at least (and about) `bytes` bytes: `files` of them, or files of at most
 * ~1 MB; or of `paths`, a few lines each.
 */
export function planDiff(options: DiffPlanOptions): DiffFile[] {
  const files: DiffFile[] = []
  if (options.paths) {
    options.paths.forEach((path, i) =>
      files.push(
        typeof path === 'string'
          ? {
              kind: 'text',
              path,
              seed: `${options.seed}:${i}`,
              heading: options.heading,
              lines: 3
            }
          : { kind: 'rename', ...path }
      )
    )
  } else if (options.bytes > 0) {
    const count = Math.max(1, options.files ?? Math.ceil(options.bytes / MAX_FILE_BYTES))
    const perFile = options.bytes / count
    for (let i = 1; i <= count; i++) {
      const path = `${options.dir}/notes-${i}.md`
      const overhead = textHeader(path, 1).length
      // Rounded up, so a diff is never smaller than asked for.
      const lines = Math.max(1, Math.ceil((perFile - overhead) / (LINE_WIDTH + 2)))
      files.push({
        kind: 'text',
        path,
        seed: `${options.seed}:${i}`,
        heading: options.heading,
        lines
      })
    }
  }
  if (options.binary)
    files.push({ kind: 'binary', path: `${options.dir}/preview.png`, content: PNG_1X1 })
  return files
}

/** Splits a diff given as text into one entry per `diff --git` section. */
export function literalDiffFiles(text: string): DiffFile[] {
  return text
    .split(/^(?=diff --git )/m)
    .filter(section => section.length > 0)
    .map(section => ({ kind: 'literal', text: section }))
}

/** Streams the diff of `files`; with `stripBinary`, binary hunks become git's "Binary files ... differ". */
export function streamDiff(files: DiffFile[], options: { stripBinary: boolean }): Readable {
  return Readable.from(chunked(diffText(files, options.stripBinary)), { objectMode: false })
}

function* diffText(files: DiffFile[], stripBinary: boolean): Generator<string> {
  for (const file of files) {
    if (file.kind === 'text') yield* textFile(file)
    else if (file.kind === 'binary') yield binaryFile(file, stripBinary)
    else if (file.kind === 'rename') yield renamedFile(file)
    else yield stripBinary ? stripLiteralBinary(file.text) : file.text
  }
}

function* chunked(parts: Iterable<string>): Generator<Buffer> {
  let pending: string[] = []
  let size = 0
  for (const part of parts) {
    pending.push(part)
    size += part.length
    if (size >= CHUNK_BYTES) {
      yield Buffer.from(pending.join(''))
      pending = []
      size = 0
    }
  }
  if (size > 0) yield Buffer.from(pending.join(''))
}

const GIT_ESCAPES: Record<number, string> = {
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x22: '"',
  0x5c: '\\'
}

/**
 * A name as git writes it (core.quotePath on, its default): C-quoted when it holds a control
 * character, a quote, a backslash or a byte outside ASCII, which is written in octal.
 */
export function gitQuote(name: string): string {
  const bytes = Buffer.from(name, 'utf8')
  if (!bytes.some(b => b < 0x20 || b === 0x22 || b === 0x5c || b >= 0x7f)) return name
  let out = '"'
  for (const b of bytes) {
    const escape = GIT_ESCAPES[b]
    if (escape) out += `\\${escape}`
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`
    else out += String.fromCharCode(b)
  }
  return `${out}"`
}

/** A `---` / `+++` line's name: git ends it with a tab when the name holds a space. */
function label(name: string): string {
  return name.includes(' ') ? `${name}\t` : name
}

function textHeader(path: string, lines: number): string {
  const range = lines === 1 ? '+1' : `+1,${lines}`
  const [a, b] = [gitQuote(`a/${path}`), gitQuote(`b/${path}`)]
  return (
    `diff --git ${a} ${b}\n` +
    'new file mode 100644\n' +
    `index 0000000..${derivedHex(7, path)}\n` +
    '--- /dev/null\n' +
    `+++ ${label(b)}\n` +
    `@@ -0,0 ${range} @@\n`
  )
}

function renamedFile(file: RenamedFile): string {
  return (
    `diff --git ${gitQuote(`a/${file.from}`)} ${gitQuote(`b/${file.to}`)}\n` +
    'similarity index 100%\n' +
    `rename from ${gitQuote(file.from)}\n` +
    `rename to ${gitQuote(file.to)}\n`
  )
}

function* textFile(file: GeneratedTextFile): Generator<string> {
  yield textHeader(file.path, file.lines)
  yield '+' + fit(`# ${file.heading}`) + '\n'
  // Entries are made as lines first need them: a small file (a diff of many) needs few of them.
  const pool: string[] = []
  for (let n = 2; n <= file.lines; n++) {
    const i = n % POOL_SIZE
    pool[i] ??= poolLine(file.seed, i)
    // Pool entries are all ASCII and exactly LINE_WIDTH - 9 long, so every line has the same size.
    yield `+${n.toString().padStart(8, '0')} ${pool[i]}\n`
  }
}

function poolLine(seed: string, i: number): string {
  const digest = hash('sha1', `${seed}:${i}`, 'buffer')
  // A word per byte, but only as many as fill the entry: fit() keeps no more.
  let text = WORDS[digest[0]! % WORDS.length]!
  for (let b = 1; b < digest.length && text.length < LINE_WIDTH - 9; b++)
    text += ` ${WORDS[digest[b]! % WORDS.length]}`
  return fit(text, LINE_WIDTH - 9)
}

/** Exactly `width` printable ASCII characters, ending in a non-space so git sees no trailing whitespace. */
function fit(text: string, width = LINE_WIDTH): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?')
  const sized = ascii.length >= width ? ascii.slice(0, width) : `${ascii} `.padEnd(width, '.')
  return sized.endsWith(' ') ? `${sized.slice(0, -1)}.` : sized
}

function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

function binaryFile(file: BinaryFile, stripBinary: boolean): string {
  // git apply checks the full postimage id of a binary patch, so it must be the real blob sha.
  const header =
    `diff --git a/${file.path} b/${file.path}\n` +
    'new file mode 100644\n' +
    `index ${'0'.repeat(40)}..${gitBlobSha(file.content)}\n`
  if (stripBinary) return header + `Binary files /dev/null and b/${file.path} differ\n`
  return (
    header + 'GIT binary patch\n' + binaryLiteral(file.content) + binaryLiteral(Buffer.alloc(0))
  )
}

function stripLiteralBinary(section: string): string {
  const marker = section.indexOf('\nGIT binary patch\n')
  if (marker === -1) return section
  const path = /^diff --git a\/\S+ b\/(\S+)/.exec(section)?.[1] ?? 'file'
  const before = /^new file mode /m.test(section) ? '/dev/null' : `a/${path}`
  return section.slice(0, marker + 1) + `Binary files ${before} and b/${path} differ\n`
}
