// Files changed, additions and deletions of a unified (git) diff. The file is scanned as bytes
// through one reused buffer, and only header lines become strings: a 100 MB diff costs no more
// memory, and makes no more garbage, than a small one. Names are read as git writes them
// (./git-paths.ts): quoted ones unquoted, renames and copies with both names.
import { open } from 'node:fs/promises'
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

function startsWith(line: Buffer, prefix: Buffer): boolean {
  return (
    line.length >= prefix.length && line.compare(prefix, 0, prefix.length, 0, prefix.length) === 0
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

/** Counts a diff fed to it in chunks of any size. */
export class DiffStatCounter {
  private readonly files: FileStat[] = []
  private current: FileStat | undefined
  /** The current file's name before the change, as its headers give it so far. */
  private oldPath: string | undefined
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
    this.finishFile()
    return {
      files: this.files,
      additions: this.files.reduce((sum, f) => sum + f.additions, 0),
      deletions: this.files.reduce((sum, f) => sum + f.deletions, 0)
    }
  }

  private line(raw: Buffer): void {
    const line = raw[raw.length - 1] === RETURN ? raw.subarray(0, -1) : raw
    if (startsWith(line, DIFF_GIT)) {
      this.finishFile()
      const paths = headerPaths(line.subarray(DIFF_GIT.length).toString('utf8'))
      this.current = { path: paths.new, additions: 0, deletions: 0, binary: false }
      this.oldPath = paths.old
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
    } else if (!file.binary) {
      this.name(line, file)
    }
  }

  /** The names of the lines between a file's `diff --git` and its first hunk. */
  private name(line: Buffer, file: FileStat): void {
    const after = (prefix: Buffer): string => line.subarray(prefix.length).toString('utf8')
    if (startsWith(line, OLD_LABEL)) {
      this.oldPath = labelPath(after(OLD_LABEL), 'a/') ?? this.oldPath
    } else if (startsWith(line, NEW_LABEL)) {
      file.path = labelPath(after(NEW_LABEL), 'b/') ?? file.path
    } else if (startsWith(line, RENAME_FROM)) {
      this.oldPath = unquoteGitPath(after(RENAME_FROM))
    } else if (startsWith(line, RENAME_TO)) {
      file.path = unquoteGitPath(after(RENAME_TO))
    } else if (startsWith(line, COPY_FROM)) {
      this.oldPath = unquoteGitPath(after(COPY_FROM))
    } else if (startsWith(line, COPY_TO)) {
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
