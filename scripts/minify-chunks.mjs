// ncc minifies each bundle's entry but leaves the chunks it loads lazily (Octokit, @actions/glob)
// as webpack wrote them. Minify those too: smaller files to read at each start that loads them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformSync } from 'esbuild'

for (const bundle of ['dist/main', 'dist/post']) {
  for (const name of readdirSync(bundle).filter(n => /^\d+\.index\.js$/.test(n))) {
    const path = join(bundle, name)
    const { code } = transformSync(readFileSync(path, 'utf8'), {
      minify: true,
      format: 'esm',
      target: 'node24',
      legalComments: 'none'
    })
    writeFileSync(path, code)
  }
}
