// Files changed, additions and deletions of a unified (git) diff. The file is scanned as bytes
// through one reused buffer, and only header lines become strings: a 100 MB diff costs no more
// memory, and makes no more garbage, than a small one.
import { open } from 'node:fs/promises'

export interface FileStat {
  path: string
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
const NEW_PATH = Buffer.from('+++ b/')
const GIT_BINARY = Buffer.from('GIT binary patch')
const BINARY_FILES = Buffer.from('Binary files ')
const DIFFER = Buffer.from(' differ')

function startsWith(line: Buffer, prefix: Buffer): boolean {
  return (
    line.length >= prefix.length && line.compare(prefix, 0, prefix.length, 0, prefix.length) === 0
  )
}

/** The path a `diff --git a/x b/y` header names (the new side, else the old). */
export function pathOfHeader(line: string): string {
  const rest = line.slice('diff --git '.length)
  const quoted = rest.match(/^"a\/(.*)" "b\/(.*)"$/)
  if (quoted?.[2]) return quoted[2]
  // Unquoted paths: "a/<p> b/<p>", where both sides are usually the same path.
  const half = (rest.length - 1) / 2
  if (
    Number.isInteger(half) &&
    rest.slice(0, half).replace(/^a\//, '') === rest.slice(half + 1).replace(/^b\//, '')
  ) {
    return rest.slice(half + 1).replace(/^b\//, '')
  }
  const b = rest.lastIndexOf(' b/')
  return b >= 0 ? rest.slice(b + 3) : rest
}

/** Whether a line says its file's content is binary. */
export function isBinaryMarker(line: string): boolean {
  return (
    line.startsWith('GIT binary patch') ||
    (line.startsWith('Binary files ') && line.endsWith(' differ'))
  )
}

/** Counts a diff fed to it in chunks of any size. */
export class DiffStatCounter {
  private readonly files: FileStat[] = []
  private current: FileStat | undefined
  private inHunk = false
  /** The head of a line that began in an earlier chunk. */
  private carry: Buffer | undefined

  /** Feeds bytes; the chunk may be reused by the caller once this returns. */
  push(chunk: Buffer): void {
    let start = 0
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start)
      if (end === -1) break
      if (this.carry) {
        this.line(
          Buffer.concat([this.carry, chunk.subarray(start, Math.min(end, start + LINE_HEAD))])
        )
        this.carry = undefined
      } else {
        this.line(chunk.subarray(start, end))
      }
      start = end + 1
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start, Math.min(chunk.length, start + LINE_HEAD))
      // Copied: the caller reuses `chunk`.
      this.carry = this.carry
        ? Buffer.concat([this.carry, rest]).subarray(0, LINE_HEAD)
        : Buffer.from(rest)
    }
  }

  end(): DiffStat {
    if (this.carry) this.line(this.carry)
    this.carry = undefined
    return {
      files: this.files,
      additions: this.files.reduce((sum, f) => sum + f.additions, 0),
      deletions: this.files.reduce((sum, f) => sum + f.deletions, 0)
    }
  }

  private line(raw: Buffer): void {
    const line = raw[raw.length - 1] === RETURN ? raw.subarray(0, -1) : raw
    if (startsWith(line, DIFF_GIT)) {
      this.current = {
        path: pathOfHeader(line.toString('utf8')),
        additions: 0,
        deletions: 0,
        binary: false
      }
      this.files.push(this.current)
      this.inHunk = false
      return
    }
    const file = this.current
    if (!file || line.length === 0) return
    const first = line[0]
    if (this.inHunk) {
      if (first === PLUS) file.additions++
      else if (first === MINUS) file.deletions++
      else if (startsWith(line, HUNK)) this.inHunk = true
    } else if (startsWith(line, HUNK)) {
      this.inHunk = true
    } else if (
      startsWith(line, GIT_BINARY) ||
      (startsWith(line, BINARY_FILES) && line.subarray(-DIFFER.length).equals(DIFFER))
    ) {
      file.binary = true
    } else if (startsWith(line, NEW_PATH)) {
      file.path = line.subarray(NEW_PATH.length).toString('utf8')
    }
  }
}

/** Scans a diff file through one reused buffer. */
export async function diffStatOfFile(path: string): Promise<DiffStat> {
  const counter = new DiffStatCounter()
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(CHUNK)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null)
      if (bytesRead === 0) break
      counter.push(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return counter.end()
}

export function diffStatOfText(text: string): DiffStat {
  const counter = new DiffStatCounter()
  counter.push(Buffer.from(text))
  return counter.end()
}
