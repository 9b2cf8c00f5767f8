// The demo's log view shows a step's output the way GitHub's log viewer does.
import { describe, expect, it } from '@jest/globals'
import { LineSplitter, LogView } from '../scripts/demo/log-view.js'

function shown(log: string, options: ConstructorParameters<typeof LogView>[0] = {}): string[] {
  const view = new LogView(options)
  const splitter = new LineSplitter()
  return [...splitter.push(log), ...splitter.end()].flatMap(line => view.line(line))
}

describe('the demo log view', () => {
  it('folds a group to one ▸ line, and unfolds it on request', () => {
    const log = 'before\n::group::Starting an agent run\nSite: demo\n::endgroup::\nafter\n'
    expect(shown(log)).toEqual(['before', '▸ Starting an agent run', 'after'])
    expect(shown(log, { unfold: true })).toEqual([
      'before',
      '▾ Starting an agent run',
      '  Site: demo',
      'after'
    ])
  })

  it('hides ::add-mask:: and shows the masked value as *** from then on, titles included', () => {
    const log =
      'nfp_1 early\n::add-mask::nfp_1\n  ::add-mask::nfp_123\nuses nfp_123 and nfp_1\n::group::nfp_1\n'
    expect(shown(log)).toEqual(['nfp_1 early', 'uses *** and ***', '▸ ***'])
  })

  it('renders annotations as GitHub does, hides other commands, and shows debug only when asked', () => {
    const log = [
      '::warning::x',
      '::error title=Bad input::y%0Aline two',
      '::notice::z',
      '::set-output name=a::b',
      '::save-state name=c::d',
      '::debug::polling',
      '::not-a-command::stays'
    ].join('\n')
    expect(shown(log)).toEqual([
      'Warning: x',
      'Error: y',
      'line two',
      'Notice: z',
      '::not-a-command::stays'
    ])
    expect(shown(log, { debug: true })).toContain('Debug: polling')
  })

  it('folds and colours a shown ##[group] or ##[warning] line, even as plain text, unless invisibly marked', () => {
    const log = [
      '##[warning]legacy command',
      '::stop-commands::t0k3n',
      '##[warning]plain text',
      '\u200b##[group]plain, marked',
      '##[group]plain text',
      '::t0k3n::',
      'folded'
    ].join('\n')
    expect(shown(log)).toEqual([
      'Warning: legacy command',
      'Warning: plain text',
      '\u200b##[group]plain, marked',
      '▸ plain text'
    ])
  })

  it('shows a stop-commands block as plain text and hides its markers', () => {
    const log = [
      '::stop-commands::abc123',
      '::add-mask::succeeded',
      '::group::forged',
      '::warning::forged',
      '::abc123::',
      'succeeded'
    ].join('\r\n')
    expect(shown(log)).toEqual([
      '::add-mask::succeeded',
      '::group::forged',
      '::warning::forged',
      'succeeded'
    ])
  })

  it('reads lines as the runner does: at \\n, \\r\\n and a lone \\r, across chunks', () => {
    const splitter = new LineSplitter()
    expect(splitter.push('one\r')).toEqual([])
    expect(splitter.push('\ntwo\rthree')).toEqual(['one', 'two'])
    expect(splitter.push('\n')).toEqual(['three'])
    expect(splitter.push('tail\r')).toEqual([])
    expect(splitter.end()).toEqual(['tail'])
  })

  it('colours only when asked', () => {
    expect(shown('::warning::x', { color: true })[0]).toBe('\u001b[33mWarning:\u001b[39m x')
    expect(shown('::warning::x')[0]).toBe('Warning: x')
  })
})
