import * as core from '@actions/core'
import { describe, expect, it } from '@jest/globals'
import { forgedText } from '../__fixtures__/forged-commands.js'
import { runnerView } from '../__fixtures__/runner-commands.js'
import { printUntrusted } from '../src/untrusted-log.js'

function printed(text: string): string {
  let out = ''
  printUntrusted(text, chunk => {
    out += chunk
  })
  return out
}

describe('printing text the action did not write', () => {
  it('wraps it in a stop-commands block with a 128-bit token that ends it', () => {
    const lines = printed('::add-mask::succeeded').split('\n')
    const token = lines[0]?.match(/^::stop-commands::([0-9a-f]{32})$/)?.[1]
    expect(token).toBeDefined()
    expect(lines.slice(1)).toEqual(['::add-mask::succeeded', `::${token}::`, ''])
  })

  it('uses a new token for every block', () => {
    const first = printed('a').split('\n')[0]
    const second = printed('a').split('\n')[0]
    expect(first).not.toBe(second)
  })

  it('keeps a lone carriage return inside the block, as a line break', () => {
    const lines = printed('step one\r::warning::forged\r\n::error::too').split('\n')
    expect(lines.slice(1, 4)).toEqual(['step one', '::warning::forged', '::error::too'])
    expect(printed('x\ry')).not.toContain('\r')
  })
})

describe('what the runner makes of printed text', () => {
  it('carries out none of the commands in it, in any form, and shows all of it', () => {
    const text = forgedText('agent says')
    const view = runnerView(printed(text))
    expect(view.commands.map(c => c.name)).toHaveLength(2)
    expect(view.commands[0]?.name).toBe('stop-commands')
    expect(view.commands[1]?.name).toBe(view.commands[0]?.data)
    expect(view.masks).toEqual([])
    expect(view.annotations).toEqual([])
    expect([view.state, view.outputs, view.env]).toEqual([{}, {}, {}])
    expect(view.paths).toEqual([])
    expect(view.matchers).toEqual({ added: [], removed: [] })
    expect(view.groups).toEqual([])
    expect(view.failed).toBe(false)
    // Every line shows, as written (a `##[` line behind an invisible space).
    const shown = view.shown.slice(1, -1).map(line => line.replace('\u200b##[', '##['))
    expect(shown).toEqual(text.split(/\r|\n/))
  })

  it("leaves the action's own commands after it working, inside a group too", () => {
    let log = '::group::Result\n'
    printUntrusted(forgedText('x'), chunk => (log += chunk))
    log += '::endgroup::\n::set-output name=outcome::success\n::error::The run failed\n'
    const view = runnerView(log)
    expect(view.groups).toEqual(['Result'])
    expect(view.shown.at(-1)).toBe('##[endgroup]')
    expect(view.outputs).toEqual({ outcome: 'success' })
    expect(view.annotations).toEqual([{ kind: 'error', message: 'The run failed', properties: {} }])
  })

  it('a block that quotes an earlier block’s token still cannot end its own', () => {
    const first = printed('one')
    const token = /::stop-commands::(\w+)/.exec(first)?.[1] ?? ''
    const view = runnerView(first + printed(`::${token}::\n::add-mask::succeeded`))
    expect(view.masks).toEqual([])
  })
})

describe("foreign text as the data of the action's own commands", () => {
  /** What @actions/core writes to stdout while `act` runs. */
  function stdoutOf(act: () => void): string {
    let out = ''
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => {
      out += chunk
      return true
    }) as typeof process.stdout.write
    try {
      act()
    } finally {
      process.stdout.write = write
    }
    return out
  }

  it('is escaped by @actions/core: one annotation, its message the whole text', () => {
    const text = `${forgedText('escaped')}\r\n50% done %0A`
    const exitCode = process.exitCode
    const log = stdoutOf(() => {
      core.warning(text)
      core.setFailed(text)
    })
    process.exitCode = exitCode
    const view = runnerView(log)
    expect(view.commands.map(c => c.name)).toEqual(['warning', 'error'])
    expect(view.annotations.map(a => a.message)).toEqual([text, text])
    expect(view.masks).toEqual([])
  })

  it('is escaped in properties too', () => {
    const view = runnerView(
      stdoutOf(() => core.warning('w', { file: 'a.ts,line=1::x\r::add-mask::y', title: '%0A' }))
    )
    expect(view.annotations).toEqual([
      {
        kind: 'warning',
        message: 'w',
        properties: { file: 'a.ts,line=1::x\r::add-mask::y', title: '%0A' }
      }
    ])
  })
})
