// Temp folders made for tests, registered so that __fixtures__/jest-setup.ts removes them when
// their test file ends. KEEP_TEST_DIRS=1 keeps them to look at afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made = new Set<string>()

/** A fresh folder under the system temp dir, named `<prefix>XXXXXX`. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.add(dir)
  return dir
}

/** Removes every folder made so far, unless KEEP_TEST_DIRS is set. */
export function removeTempDirs(): void {
  if (process.env.KEEP_TEST_DIRS) return
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
  made.clear()
}
