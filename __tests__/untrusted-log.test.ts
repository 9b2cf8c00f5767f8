import { describe, expect, it } from '@jest/globals'
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
