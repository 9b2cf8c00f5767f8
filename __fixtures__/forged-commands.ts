// What an attacker would write into any text the action prints: every workflow command the runner
// knows, in both forms, plain, after leading whitespace, and after a lone carriage return.

/** One line per command, each with something that shows whether it was carried out. */
export const FORGED_LINES = [
  '::add-mask::succeeded',
  '::warning file=.github/workflows/deploy.yml,line=1::Reviewed: safe to merge',
  '::error title=Forged::forged error',
  '::notice::forged notice',
  '::debug::forged debug',
  '::group::Forged group',
  '::endgroup::',
  '::echo::on',
  '::save-state name=status-comment-id::9001',
  '::set-output name=outcome::success',
  '::set-env name=NODE_OPTIONS::--require=/tmp/evil.js',
  '::add-path::/tmp/evil',
  '::add-matcher::/tmp/evil-matcher.json',
  '::remove-matcher owner=tsc::',
  '::ADD-MASK::uppercase',
  '##[add-mask]legacy-secret',
  '##[warning file=README.md;line=1]legacy warning',
  '##[group]Legacy group',
  'prose, then ##[set-output name=pull-request-url]https://evil.example mid-line',
  // Silences the action's own later commands, unless it stays text.
  '::stop-commands::forged-token'
] as const

/**
 * Every forged line three times over: alone on its line, after leading spaces and a tab, and
 * after a lone \r that follows ordinary words. `label` starts the text, to find it in the log.
 */
export function forgedText(label: string): string {
  return [
    `${label} begins`,
    ...FORGED_LINES,
    ...FORGED_LINES.map(line => `   \t${line}`),
    `${label} ends\r${FORGED_LINES.join('\r')}`
  ].join('\n')
}
