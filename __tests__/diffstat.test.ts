import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../__fixtures__/temp-dirs.js'
import {
  DiffStatCounter,
  diffLines,
  diffStatOfFile,
  diffStatOfText,
  pathOfHeader,
  type DiffLine
} from '../src/report/diffstat.js'

function fileOf(content: string | Buffer): string {
  const file = join(makeTempDir('diffstat-'), 'x.diff')
  writeFileSync(file, content)
  return file
}

async function linesOf(file: string, maxBytes: number, upTo = Infinity): Promise<DiffLine[]> {
  const out: DiffLine[] = []
  for await (const lines of diffLines(file, maxBytes)) {
    out.push(...lines)
    if (out.length >= upTo) break
  }
  return out
}

const DIFF = `diff --git a/src/header.ts b/src/header.ts
index 1111111..2222222 100644
--- a/src/header.ts
+++ b/src/header.ts
@@ -1,3 +1,4 @@
 import x from 'y'
-const dark = false
+const dark = true
+export const toggle = () => !dark
 export default x
@@ -10,2 +11,1 @@
--- this line starts with three dashes but is a deletion
 end
diff --git a/logo.png b/logo.png
new file mode 100644
index 0000000..3333333
GIT binary patch
literal 12
Tcmd;PPAWt

diff --git a/old name.md b/new name.md
similarity index 90%
rename from old name.md
rename to new name.md
`

describe('the diffstat', () => {
  it('counts files, additions and deletions, and marks binary files', () => {
    const stat = diffStatOfText(DIFF)
    expect(stat.files).toEqual([
      { path: 'src/header.ts', additions: 2, deletions: 2, binary: false },
      { path: 'logo.png', additions: 0, deletions: 0, binary: true },
      { path: 'new name.md', from: 'old name.md', additions: 0, deletions: 0, binary: false }
    ])
    expect(stat.additions).toBe(2)
    expect(stat.deletions).toBe(2)
  })

  it('reads paths with spaces and quotes from the header', () => {
    expect(pathOfHeader('diff --git a/a b.txt b/a b.txt')).toBe('a b.txt')
    expect(pathOfHeader('diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"')).toBe('café.md')
  })

  it('is the same fed a byte at a time', () => {
    const counter = new DiffStatCounter()
    const bytes = Buffer.from(DIFF)
    for (let i = 0; i < bytes.length; i++) counter.push(bytes.subarray(i, i + 1))
    expect(counter.end()).toEqual(diffStatOfText(DIFF))
  })

  it('is empty for an empty diff', () => {
    expect(diffStatOfText('')).toEqual({ files: [], additions: 0, deletions: 0 })
  })
})

describe('the lines of a diff file', () => {
  it('come without their line endings, with their bytes, the last one too', async () => {
    const lines = await linesOf(fileOf('a\r\n+é\n\nlast'), 100)
    expect(lines).toEqual([
      { text: 'a', bytes: 1, whole: true },
      { text: '+é', bytes: 3, whole: true },
      { text: '', bytes: 0, whole: true },
      { text: 'last', bytes: 4, whole: true }
    ])
  })

  it('a line longer than the most asked for comes cut, marked, and with its whole length', async () => {
    const long = 'y'.repeat(600_000)
    const lines = await linesOf(fileOf(`x\n${long}\nz\n`), 1000)
    expect(lines.map(l => [l.text.length, l.bytes, l.whole])).toEqual([
      [1, 1, true],
      [1000, 600_000, false],
      [1, 1, true]
    ])
  })

  it('lines across the reader’s chunks come whole', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `+line ${i} ${'é'.repeat(i % 50)}`)
    const lines = await linesOf(fileOf(`${text.join('\n')}\n`), 1000)
    expect(lines.map(l => l.text)).toEqual(text)
    expect(lines.every(l => l.bytes === Buffer.byteLength(l.text))).toBe(true)
  })

  it('are read no further than asked', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `+line ${i}`)
    const lines = await linesOf(fileOf(`${text.join('\n')}\n`), 1000, 1)
    // One chunk of the reader's, not the whole file.
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.length).toBeLessThan(text.length / 4)
    expect(lines.map(l => l.text)).toEqual(text.slice(0, lines.length))
  })

  it('give the same diffstat read from a file as from text', async () => {
    expect(await diffStatOfFile(fileOf(DIFF))).toEqual(diffStatOfText(DIFF))
  })
})
