// Files changed, additions and deletions of a unified (git) diff, read as a stream so that a
// 100 MB diff costs no more memory than a small one.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

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

/** Accumulates a diff's statistics one line at a time. */
export class DiffStatCounter {
  private readonly files: FileStat[] = []
  private current: FileStat | undefined
  private inHunk = false

  line(line: string): void {
    if (line.startsWith('diff --git ')) {
      this.current = { path: pathOfHeader(line), additions: 0, deletions: 0, binary: false }
      this.files.push(this.current)
      this.inHunk = false
      return
    }
    const file = this.current
    if (!file) return
    if (line.startsWith('@@')) {
      this.inHunk = true
    } else if (!this.inHunk) {
      if (
        line.startsWith('GIT binary patch') ||
        (line.startsWith('Binary files ') && line.endsWith(' differ'))
      ) {
        file.binary = true
      } else if (line.startsWith('+++ b/')) {
        file.path = line.slice('+++ b/'.length)
      }
    } else if (line.startsWith('+')) {
      file.additions++
    } else if (line.startsWith('-')) {
      file.deletions++
    }
  }

  result(): DiffStat {
    return {
      files: this.files,
      additions: this.files.reduce((sum, f) => sum + f.additions, 0),
      deletions: this.files.reduce((sum, f) => sum + f.deletions, 0)
    }
  }
}

/** Reads a diff file line by line and counts it. */
export async function diffStatOfFile(path: string): Promise<DiffStat> {
  const counter = new DiffStatCounter()
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  for await (const line of lines) counter.line(line)
  return counter.result()
}

export function diffStatOfText(text: string): DiffStat {
  const counter = new DiffStatCounter()
  for (const line of text.split('\n')) counter.line(line)
  return counter.result()
}
