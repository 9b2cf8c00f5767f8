// The job summary as a web page, close to how GitHub shows it: GFM rendered by marked, in GitHub's
// own Markdown styles (github-markdown-css, light or dark as the browser prefers), with the lines
// of diff blocks coloured. The page runs no script: its Content-Security-Policy allows none, so a
// summary from a real run cannot act in the browser, where GitHub would have sanitized it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Marked, type Tokens } from 'marked'
import { escapeHtml } from '../../src/markdown/literal.js'

const require = createRequire(import.meta.url)
const GITHUB_CSS = readFileSync(require.resolve('github-markdown-css/github-markdown.css'), 'utf8')

const LINE_CLASSES: Array<[RegExp, string]> = [
  [/^(\+\+\+|---) /, 'meta'],
  [/^@@/, 'hunk'],
  [/^\+/, 'added'],
  [/^-/, 'deleted'],
  [/^(diff --git|index |new file mode|deleted file mode|similarity|rename )/, 'meta']
]

function diffBlock(text: string): string {
  const lines = text.split('\n').map(line => {
    const kind = LINE_CLASSES.find(([pattern]) => pattern.test(line))?.[1]
    const html = escapeHtml(line)
    return kind ? `<span class="diff-${kind}">${html}</span>` : html
  })
  return `<pre><code class="language-diff">${lines.join('\n')}\n</code></pre>\n`
}

const markdown = new Marked({
  gfm: true,
  renderer: {
    code(token: Tokens.Code): string | false {
      return token.lang === 'diff' ? diffBlock(token.text) : false
    }
  }
})

const PAGE_CSS = `
body { margin: 0; background: var(--bgColor-default, #fff); }
.markdown-body { box-sizing: border-box; max-width: 980px; margin: 0 auto; padding: 32px 45px; }
.demo-note { color: #59636e; font: 12px/1.5 -apple-system, "Segoe UI", sans-serif; margin-bottom: 16px; }
.diff-added { color: #116329; background: #dafbe1; display: inline-block; min-width: 100%; }
.diff-deleted { color: #82071e; background: #ffebe9; display: inline-block; min-width: 100%; }
.diff-hunk { color: #8250df; }
.diff-meta { color: #59636e; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  body { background: #0d1117; }
  .diff-added { color: #aff5b4; background: #033a16; }
  .diff-deleted { color: #ffdcd7; background: #67060c; }
  .diff-hunk { color: #d2a8ff; }
  .diff-meta { color: #9198a1; }
}
`

/** A whole HTML page for the summary's Markdown. */
export function summaryPage(summaryMarkdown: string, title: string): string {
  const body = markdown.parse(summaryMarkdown, { async: false })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${GITHUB_CSS}${PAGE_CSS}</style>
</head>
<body>
<article class="markdown-body">
<p class="demo-note">${escapeHtml(title)}: the job summary the step wrote, rendered as GitHub Flavored Markdown.</p>
${body}
</article>
</body>
</html>
`
}
