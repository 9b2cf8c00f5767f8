import { describe, expect, it } from '@jest/globals'
import { diffStatOfText, pathOfHeader } from '../src/report/diffstat.js'

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

  it('is empty for an empty diff', () => {
    expect(diffStatOfText('')).toEqual({ files: [], additions: 0, deletions: 0 })
  })
})
