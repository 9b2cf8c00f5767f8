// The runner emulation itself: the rules that end-to-end tests rely on to judge the action's log.
import { describe, expect, it } from '@jest/globals'
import { FORGED_LINES, forgedText } from '../__fixtures__/forged-commands.js'
import { parseLegacy, parseV2, runnerView, splitLines } from '../__fixtures__/runner-commands.js'

const ALL = new Set(['warning', 'add-mask', 'set-output'])

describe('the runner reads lines', () => {
  it('ending at \\n, \\r\\n and a lone \\r, with no extra line after a final break', () => {
    expect(splitLines('a\nb\r\nc\rd\n')).toEqual(['a', 'b', 'c', 'd'])
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b'])
    expect(splitLines('')).toEqual([])
  })
})

describe('the runner parses commands', () => {
  it('after leading whitespace, with case-insensitive names and unescaped properties and data', () => {
    expect(parseV2(' \t::WARNING file=a%2Cb.ts,line=1::x%0Ay%25', ALL)).toEqual({
      name: 'warning',
      properties: { file: 'a,b.ts', line: '1' },
      data: 'x\ny%',
      form: 'v2'
    })
  })

  it('not after other text, and not an unregistered name', () => {
    expect(parseV2('text ::warning::x', ALL)).toBeUndefined()
    expect(parseV2('::frobnicate::x', ALL)).toBeUndefined()
    expect(parseV2('::warning', ALL)).toBeUndefined()
  })

  it('in the legacy form anywhere in a line', () => {
    expect(parseLegacy('some words ##[set-output name=a;x=%5D]v%3B', ALL)).toEqual({
      name: 'set-output',
      properties: { name: 'a', x: ']' },
      data: 'v;',
      form: 'legacy'
    })
  })

  it('ignores properties without a key or a value', () => {
    expect(parseV2('::warning =a,b=,c=d::m', ALL)?.properties).toEqual({ c: 'd' })
  })
})

describe('the runner carries out commands', () => {
  it('and shows neither the command nor, once masked, the secret', () => {
    const view = runnerView('::add-mask::hunter2\nmy password is hunter2\n::warning::hunter2!\n')
    expect(view.masks).toEqual(['hunter2'])
    expect(view.shown).toEqual(['my password is ***'])
    expect(view.annotations).toEqual([{ kind: 'warning', message: '***!', properties: {} }])
  })

  it('a line after a lone carriage return is a line of its own', () => {
    const view = runnerView('progress 50%\r::save-state name=id::9001\n')
    expect(view.state).toEqual({ id: '9001' })
    expect(view.shown).toEqual(['progress 50%'])
  })

  it('groups show as ##[group] lines that the viewer folds', () => {
    const view = runnerView('::group::Result\ninside\n::endgroup::\n')
    expect(view.shown).toEqual(['##[group]Result', 'inside', '##[endgroup]'])
    expect(view.groups).toEqual(['Result'])
  })

  it('outputs and state need a name; set-env and add-path are disabled and fail the step', () => {
    const refused = runnerView('::set-output::x\n')
    expect(refused.outputs).toEqual({})
    expect(refused.failed).toBe(true)
    const disabled = runnerView('::set-env name=A::1\n::add-path::/x\n')
    expect(disabled.env).toEqual({})
    expect(disabled.paths).toEqual([])
    expect(disabled.failed).toBe(true)
    const allowed = runnerView('::set-env name=A::1\n::add-path::/x\n', {
      allowUnsecureCommands: true
    })
    expect(allowed.env).toEqual({ A: '1' })
    expect(allowed.paths).toEqual(['/x'])
  })

  it('echo on shows the commands it carries out, but not masks or annotations', () => {
    const view = runnerView('::echo::on\n::set-output name=a::1\n::warning::w\n')
    expect(view.shown).toEqual(['::set-output name=a::1'])
  })

  it('every forged line does what it says when printed as it is', () => {
    const view = runnerView(`${FORGED_LINES.join('\n')}\n::warning::later\n`, {
      allowUnsecureCommands: true
    })
    expect(view.masks).toEqual(['succeeded', 'uppercase', 'legacy-secret'])
    expect(view.annotations.map(a => a.message)).toEqual([
      'Reviewed: safe to merge',
      'forged error',
      'forged notice',
      'legacy warning'
    ])
    expect(view.state).toEqual({ 'status-comment-id': '9001' })
    expect(view.outputs).toEqual({
      outcome: 'success',
      'pull-request-url': 'https://evil.example mid-line'
    })
    expect(view.env).toEqual({ NODE_OPTIONS: '--require=/tmp/evil.js' })
    expect(view.paths).toEqual(['/tmp/evil'])
    expect(view.matchers).toEqual({ added: ['/tmp/evil-matcher.json'], removed: ['tsc'] })
    // `::echo::on` came first, so the legacy group's own line shows too, and folds as well.
    expect(view.groups).toEqual(['Forged group', 'Legacy group', 'Legacy group'])
    // The forged stop-commands silences what comes after it.
    expect(view.shown).toContain('::warning::later')
  })
})

describe('stop-commands', () => {
  it('turns every line into text until its token comes, in either form', () => {
    for (const resume of ['::tok123::', '##[TOK123]']) {
      const view = runnerView(
        `::stop-commands::tok123\n${forgedText('x')}\n${resume}\n::set-output name=a::1\n`
      )
      expect(view.commands.map(c => c.name)).toEqual(['stop-commands', 'tok123', 'set-output'])
      expect(view.outputs).toEqual({ a: '1' })
      expect(view.masks).toEqual([])
      expect(view.annotations).toEqual([])
      expect(view.shown[0]).toBe('::stop-commands::tok123')
      expect(view.shown).toContain(resume)
      expect(view.shown).toContain('::add-mask::succeeded')
    }
  })

  it('an empty token never resumes', () => {
    const view = runnerView('::stop-commands::\n::::\n::warning::w\n')
    expect(view.annotations).toEqual([])
  })

  it('a shown ##[group] line is folded even while commands are stopped', () => {
    const view = runnerView('::stop-commands::t\n##[group]Fake\n::t::\n')
    expect(view.groups).toEqual(['Fake'])
  })
})
