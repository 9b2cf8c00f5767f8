// The names of a diff's files, read as git writes them: every name a delivery carries, exactly.
import { describe, expect, it } from '@jest/globals'
import { changedPaths, diffStatOfText, DiffStatCounter } from '../src/report/diffstat.js'
import { headerPaths, labelPath, unquoteGitPath } from '../src/report/git-paths.js'

// What git 2.39 wrote (`git diff --cached -M`) for a rename into .github/workflows, a new file with
// a name outside ASCII, a renamed and edited file whose names hold a quote and a space, a new file
// whose name holds a space, and a deleted file whose name holds a tab.
const GIT_DIFF = [
  'diff --git a/old.yml b/.github/workflows/deploy.yml',
  'similarity index 100%',
  'rename from old.yml',
  'rename to .github/workflows/deploy.yml',
  'diff --git "a/docs/caf\\303\\251.md" "b/docs/caf\\303\\251.md"',
  'new file mode 100644',
  'index 0000000..f2ad6c7',
  '--- /dev/null',
  '+++ "b/docs/caf\\303\\251.md"',
  '@@ -0,0 +1 @@',
  '+c',
  'diff --git "a/docs/q\\"uote.md" "b/docs/moved q\\"uote.md"',
  'similarity index 50%',
  'rename from "docs/q\\"uote.md"',
  'rename to "docs/moved q\\"uote.md"',
  'index 975fbec..2795c87 100644',
  '--- "a/docs/q\\"uote.md"',
  '+++ "b/docs/moved q\\"uote.md"\t',
  '@@ -1 +1,2 @@',
  ' y',
  '+z',
  'diff --git a/docs/my notes.md b/docs/my notes.md',
  'new file mode 100644',
  'index 0000000..8ba3a16',
  '--- /dev/null',
  '+++ b/docs/my notes.md\t',
  '@@ -0,0 +1 @@',
  '+n',
  'diff --git "a/docs/tab\\tname.md" "b/docs/tab\\tname.md"',
  'deleted file mode 100644',
  'index 587be6b..0000000',
  '--- "a/docs/tab\\tname.md"',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-x',
  ''
].join('\n')

describe("git's quoted names", () => {
  it('unquote C escapes, and octal escapes as the bytes of UTF-8 characters', () => {
    expect(unquoteGitPath('"caf\\303\\251.md"')).toBe('café.md')
    expect(unquoteGitPath('"a\\"b\\\\c\\td\\n"')).toBe('a"b\\c\td\n')
    expect(unquoteGitPath('"\\360\\237\\230\\200.md"')).toBe('😀.md')
    expect(unquoteGitPath('"\\a\\b\\f\\v\\r"')).toBe('\x07\b\f\v\r')
  })

  it('leave an unquoted name as it is, spaces and all', () => {
    expect(unquoteGitPath('docs/my notes.md')).toBe('docs/my notes.md')
    expect(unquoteGitPath('docs/café.md')).toBe('docs/café.md')
    // Not a whole quoted name: taken as written.
    expect(unquoteGitPath('"unterminated')).toBe('"unterminated')
    expect(unquoteGitPath('"bad \\q escape"')).toBe('"bad \\q escape"')
  })
})

describe('the names of a diff header', () => {
  it('split two unquoted names where the halves agree, spaces included', () => {
    expect(headerPaths('a/docs/a b/c.md b/docs/a b/c.md')).toEqual({
      old: 'docs/a b/c.md',
      new: 'docs/a b/c.md'
    })
  })

  it('read quoted names on either side', () => {
    expect(headerPaths('"a/caf\\303\\251.md" "b/caf\\303\\251.md"')).toEqual({
      old: 'café.md',
      new: 'café.md'
    })
    expect(headerPaths('a/plain.md "b/caf\\303\\251.md"')).toEqual({
      old: 'plain.md',
      new: 'café.md'
    })
    expect(headerPaths('"a/caf\\303\\251.md" b/plain.md')).toEqual({
      old: 'café.md',
      new: 'plain.md'
    })
  })

  it('split a rename at its last " b/"', () => {
    expect(headerPaths('a/old.yml b/.github/workflows/deploy.yml')).toEqual({
      old: 'old.yml',
      new: '.github/workflows/deploy.yml'
    })
  })

  it('read ---/+++ names: /dev/null is none, and the tab after a name with a space goes', () => {
    expect(labelPath('/dev/null', 'a/')).toBeUndefined()
    expect(labelPath('b/docs/my notes.md\t', 'b/')).toBe('docs/my notes.md')
    expect(labelPath('"b/docs/moved q\\"uote.md"\t', 'b/')).toBe('docs/moved q"uote.md')
    // A quoted /dev/null is a file of that name, not the absence of one.
    expect(labelPath('"b/dev/null"', 'b/')).toBe('dev/null')
  })
})

describe("the files of git's own diff", () => {
  it('have their names as they are in the repository, both names of a rename', () => {
    expect(diffStatOfText(GIT_DIFF).files).toEqual([
      {
        path: '.github/workflows/deploy.yml',
        from: 'old.yml',
        additions: 0,
        deletions: 0,
        binary: false
      },
      { path: 'docs/café.md', additions: 1, deletions: 0, binary: false },
      {
        path: 'docs/moved q"uote.md',
        from: 'docs/q"uote.md',
        additions: 1,
        deletions: 0,
        binary: false
      },
      { path: 'docs/my notes.md', additions: 1, deletions: 0, binary: false },
      { path: 'docs/tab\tname.md', additions: 0, deletions: 1, binary: false }
    ])
  })

  it('are every name a delivery carries, each once', () => {
    expect(changedPaths(diffStatOfText(GIT_DIFF).files)).toEqual([
      'old.yml',
      '.github/workflows/deploy.yml',
      'docs/café.md',
      'docs/q"uote.md',
      'docs/moved q"uote.md',
      'docs/my notes.md',
      'docs/tab\tname.md'
    ])
  })

  it('read the same whatever the chunks the diff arrives in', () => {
    const bytes = Buffer.from(GIT_DIFF)
    for (const size of [1, 7, 64]) {
      const counter = new DiffStatCounter()
      for (let at = 0; at < bytes.length; at += size) counter.push(bytes.subarray(at, at + size))
      expect(counter.end().files).toEqual(diffStatOfText(GIT_DIFF).files)
    }
  })

  it('are not fooled by a changed line that looks like a header', () => {
    const diff = [
      'diff --git a/notes.md b/notes.md',
      '--- a/notes.md',
      '+++ b/notes.md',
      '@@ -1,2 +1,2 @@',
      '--- a/.github/workflows/deploy.yml',
      '+++ b/.github/workflows/deploy.yml',
      '+rename to .github/workflows/deploy.yml',
      ''
    ].join('\n')
    expect(changedPaths(diffStatOfText(diff).files)).toEqual(['notes.md'])
  })
})
