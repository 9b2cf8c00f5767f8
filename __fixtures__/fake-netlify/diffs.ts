// Deterministic unified diffs that are generated while they stream, so a 100 MB diff never
// exists in memory. Every generated diff adds new files only, which keeps the concatenation of
// several sessions' diffs a valid cumulative diff that `git apply` accepts.
import { createHash } from 'node:crypto'
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

/** One file's section of a diff that someone supplied as text (a PATCH or an upload). */
export interface LiteralFile {
  kind: 'literal'
  text: string
}

export type DiffFile = GeneratedTextFile | BinaryFile | LiteralFile

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
  binary: boolean
}

/** The files of a diff of at least (and about) `bytes` bytes, in files of at most ~1 MB. */
export function planDiff(options: DiffPlanOptions): DiffFile[] {
  const files: DiffFile[] = []
  if (options.bytes > 0) {
    const count = Math.ceil(options.bytes / MAX_FILE_BYTES)
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

function textHeader(path: string, lines: number): string {
  const range = lines === 1 ? '+1' : `+1,${lines}`
  return (
    `diff --git a/${path} b/${path}\n` +
    'new file mode 100644\n' +
    `index 0000000..${derivedHex(7, path)}\n` +
    '--- /dev/null\n' +
    `+++ b/${path}\n` +
    `@@ -0,0 ${range} @@\n`
  )
}

function* textFile(file: GeneratedTextFile): Generator<string> {
  yield textHeader(file.path, file.lines)
  yield '+' + fit(`# ${file.heading}`) + '\n'
  const pool = linePool(file.seed)
  for (let n = 2; n <= file.lines; n++) {
    // Pool entries are all ASCII and exactly LINE_WIDTH - 9 long, so every line has the same size.
    yield `+${n.toString().padStart(8, '0')} ${pool[n % POOL_SIZE]}\n`
  }
}

function linePool(seed: string): string[] {
  const pool: string[] = []
  for (let i = 0; i < POOL_SIZE; i++) {
    const digest = createHash('sha1').update(`${seed}:${i}`).digest()
    const words = Array.from(digest, byte => WORDS[byte % WORDS.length])
    pool.push(fit(words.join(' '), LINE_WIDTH - 9))
  }
  return pool
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
