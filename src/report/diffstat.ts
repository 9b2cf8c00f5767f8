// Files changed, additions and deletions of a unified (git) diff, and its lines for the summary.
// The file is scanned as bytes through one reused buffer, and only what is used becomes strings:
// header lines for the diffstat, and for the summary only the lines it reads, no further than it
// reads: a 100 MB diff costs no more memory, and makes no more garbage, than a small one. Names
// are read as git writes them (./git-paths.ts): quoted ones unquoted, renames and copies with both
// names.
import { open, type FileHandle } from 'node:fs/promises'
import { headerPaths, labelPath, unquoteGitPath } from './git-paths.js'

export interface FileStat {
  /** The file's name after the change (its name before, for a file deleted). */
  path: string
  /** Its name before the change, when that differs: a rename or a copy. */
  from?: string
  additions: number
  deletions: number
  binary: boolean
}

export interface DiffStat {
  files: FileStat[]
  additions: number
  deletions: number
}

const PLUS = 0x2b
const MINUS = 0x2d
const NEWLINE = 0x0a
const RETURN = 0x0d
/** Only a line's beginning is ever read (prefixes, paths); a longer line is cut to this. */
const LINE_HEAD = 4096
const CHUNK = 256 * 1024

const DIFF_GIT = Buffer.from('diff --git ')
const HUNK = Buffer.from('@@')
const OLD_LABEL = Buffer.from('--- ')
const NEW_LABEL = Buffer.from('+++ ')
const RENAME_FROM = Buffer.from('rename from ')
const RENAME_TO = Buffer.from('rename to ')
const COPY_FROM = Buffer.from('copy from ')
const COPY_TO = Buffer.from('copy to ')
const GIT_BINARY = Buffer.from('GIT binary patch')
const BINARY_FILES = Buffer.from('Binary files ')
const DIFFER = Buffer.from(' differ')

/** Whether bytes[start, end) starts (or with `atEnd`, ends) with `part`. */
function has(bytes: Buffer, start: number, end: number, part: Buffer, atEnd = false): boolean {
  if (end - start < part.length) return false
  const from = atEnd ? end - part.length : start
  // The first byte rules out most lines, without compare()'s argument checks.
  return (
    bytes[from] === part[0] && bytes.compare(part, 0, part.length, from, from + part.length) === 0
  )
}

/** The path a `diff --git a/x b/y` header names (the new side). */
export function pathOfHeader(line: string): string {
  return headerPaths(line.slice('diff --git '.length)).new
}

/** Whether a line says its file's content is binary. */
export function isBinaryMarker(line: string): boolean {
  return (
    line.startsWith('GIT binary patch') ||
    (line.startsWith('Binary files ') && line.endsWith(' differ'))
  )
}

/**
 * Splits bytes fed in chunks of any size into lines. Each line reaches `onLine` as its first
 * `keep` bytes (`bytes[start, end)`, without the newline) and the length of the whole line: a
 * longer line is never held whole, and a line within one chunk costs no allocation.
 */
export class LineSplitter {
  /** The head of a line that began in an earlier chunk. */
  private carry: Buffer | undefined
  /** The bytes of that line so far, past its head too. */
  private carried = 0

  constructor(
    private readonly keep: number,
    private readonly onLine: (bytes: Buffer, start: number, end: number, length: number) => void
  ) {}

  /** Feeds bytes; the chunk may be reused by the caller once this returns. */
  push(chunk: Buffer): void {
    let start = 0
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start)
      if (end === -1) break
      if (this.carry) {
        const room = Math.max(0, this.keep - this.carry.length)
        const head = Buffer.concat([this.carry, chunk.subarray(start, Math.min(end, start + room))])
        const length = this.carried + end - start
        this.carry = undefined
        this.carried = 0
        this.onLine(head, 0, head.length, length)
      } else {
        this.onLine(chunk, start, Math.min(end, start + this.keep), end - start)
      }
      start = end + 1
    }
    if (start < chunk.length) {
      const room = Math.max(0, this.keep - (this.carry?.length ?? 0))
      const rest = chunk.subarray(start, Math.min(chunk.length, start + room))
      // Copied: the caller reuses `chunk`.
      this.carry = this.carry ? Buffer.concat([this.carry, rest]) : Buffer.from(rest)
      this.carried += chunk.length - start
    }
  }

  /** The last line, when the bytes did not end with a newline. */
  end(): void {
    if (this.carry) this.onLine(this.carry, 0, this.carry.length, this.carried)
    this.carry = undefined
    this.carried = 0
  }
}

/** Counts a diff fed to it in chunks of any size. */
export class DiffStatCounter {
  private readonly files: FileStat[] = []
  private current: FileStat | undefined
  /** The current file's name before the change, as its headers give it so far. */
  private oldPath: string | undefined
  private inHunk = false
  private readonly lines = new LineSplitter(LINE_HEAD, (bytes, start, end) =>
    this.line(bytes, start, end > start && bytes[end - 1] === RETURN ? end - 1 : end)
  )

  /** Feeds bytes; the chunk may be reused by the caller once this returns. */
  push(chunk: Buffer): void {
    this.lines.push(chunk)
  }

  end(): DiffStat {
    this.lines.end()
    this.finishFile()
    return {
      files: this.files,
      additions: this.files.reduce((sum, f) => sum + f.additions, 0),
      deletions: this.files.reduce((sum, f) => sum + f.deletions, 0)
    }
  }

  /** The line bytes[start, end), without its line ending. */
  private line(bytes: Buffer, start: number, end: number): void {
    if (has(bytes, start, end, DIFF_GIT)) {
      this.finishFile()
      const paths = headerPaths(bytes.toString('utf8', start + DIFF_GIT.length, end))
      this.current = { path: paths.new, additions: 0, deletions: 0, binary: false }
      this.oldPath = paths.old
      this.files.push(this.current)
      this.inHunk = false
      return
    }
    const file = this.current
    if (!file || end === start) return
    const first = bytes[start]
    if (this.inHunk) {
      if (first === PLUS) file.additions++
      else if (first === MINUS) file.deletions++
      else if (has(bytes, start, end, HUNK)) this.inHunk = true
    } else if (has(bytes, start, end, HUNK)) {
      this.inHunk = true
    } else if (
      has(bytes, start, end, GIT_BINARY) ||
      (has(bytes, start, end, BINARY_FILES) && has(bytes, start, end, DIFFER, true))
    ) {
      file.binary = true
    } else if (!file.binary) {
      this.name(bytes, start, end, file)
    }
  }

  /** The names of the lines between a file's `diff --git` and its first hunk. */
  private name(bytes: Buffer, start: number, end: number, file: FileStat): void {
    const is = (prefix: Buffer): boolean => has(bytes, start, end, prefix)
    const after = (prefix: Buffer): string => bytes.toString('utf8', start + prefix.length, end)
    if (is(OLD_LABEL)) {
      this.oldPath = labelPath(after(OLD_LABEL), 'a/') ?? this.oldPath
    } else if (is(NEW_LABEL)) {
      file.path = labelPath(after(NEW_LABEL), 'b/') ?? file.path
    } else if (is(RENAME_FROM)) {
      this.oldPath = unquoteGitPath(after(RENAME_FROM))
    } else if (is(RENAME_TO)) {
      file.path = unquoteGitPath(after(RENAME_TO))
    } else if (is(COPY_FROM)) {
      this.oldPath = unquoteGitPath(after(COPY_FROM))
    } else if (is(COPY_TO)) {
      file.path = unquoteGitPath(after(COPY_TO))
    }
  }

  private finishFile(): void {
    if (this.current && this.oldPath !== undefined && this.oldPath !== this.current.path) {
      this.current.from = this.oldPath
    }
    this.oldPath = undefined
  }
}

/** Every name the files have, the old one of a rename or copy too, each once, in order. */
export function changedPaths(files: FileStat[]): string[] {
  const paths = new Set<string>()
  for (const file of files) {
    if (file.from !== undefined) paths.add(file.from)
    paths.add(file.path)
  }
  return [...paths]
}

/** The chunks of a file, read in turn into one reused buffer: each is valid until the next. */
async function* chunksOf(handle: FileHandle): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(CHUNK)
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null)
    if (bytesRead === 0) return
    yield buffer.subarray(0, bytesRead)
  }
}

/** Scans a diff file through one reused buffer. */
export async function diffStatOfFile(path: string): Promise<DiffStat> {
  const counter = new DiffStatCounter()
  const handle = await open(path, 'r')
  try {
    for await (const chunk of chunksOf(handle)) counter.push(chunk)
  } finally {
    await handle.close()
  }
  return counter.end()
}

export interface DiffLine {
  /** The line without its line ending; only its first `maxBytes` bytes when it is longer. */
  text: string
  /** The UTF-8 bytes of the whole line, without its line ending. */
  bytes: number
  /** Whether `text` is the whole line. */
  whole: boolean
}

/**
 * The lines of a diff file, a chunk's worth at a time (one wait per chunk, not per line), read as
 * far as the caller iterates and no further. A line longer than `maxBytes` comes cut to that,
 * marked as not whole: it is never held whole.
 */
export async function* diffLines(path: string, maxBytes: number): AsyncGenerator<DiffLine[]> {
  const handle = await open(path, 'r')
  try {
    let pending: DiffLine[] = []
    const splitter = new LineSplitter(maxBytes, (bytes, start, end, length) => {
      const whole = end - start === length
      const cr = whole && end > start && bytes[end - 1] === RETURN ? 1 : 0
      pending.push({ text: bytes.toString('utf8', start, end - cr), bytes: length - cr, whole })
    })
    for await (const chunk of chunksOf(handle)) {
      splitter.push(chunk)
      const lines = pending
      pending = []
      if (lines.length > 0) yield lines
    }
    splitter.end()
    if (pending.length > 0) yield pending
  } finally {
    await handle.close()
  }
}

export function diffStatOfText(text: string): DiffStat {
  const counter = new DiffStatCounter()
  counter.push(Buffer.from(text))
  return counter.end()
}
