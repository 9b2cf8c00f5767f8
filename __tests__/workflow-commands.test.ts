import { describe, expect, it } from '@jest/globals'
import { parseFileCommands } from '../__fixtures__/actions-runner.js'
import { escapeData, fileCommandEntry } from '../src/workflow-commands.js'

describe('the runner protocol', () => {
  it('escapes command messages so a newline cannot start a forged command', () => {
    expect(escapeData('50% done\r\n::set-env name=X::1')).toBe(
      '50%25 done%0D%0A::set-env name=X::1'
    )
  })

  it('writes outputs as delimited blocks that keep newlines and cannot forge another entry', () => {
    const entry = fileCommandEntry('result', 'line one\nsneaky=1\nline three', 'ghadelimiter_x')
    expect(entry).toBe('result<<ghadelimiter_x\nline one\nsneaky=1\nline three\nghadelimiter_x\n')
    expect(parseFileCommands(entry)).toEqual({ result: 'line one\nsneaky=1\nline three' })
  })

  it('refuses a value that contains its delimiter', () => {
    expect(() => fileCommandEntry('result', 'a\nghadelimiter_x\nb', 'ghadelimiter_x')).toThrow(
      /delimiter/
    )
  })

  it('uses a fresh random delimiter each time', () => {
    const a = fileCommandEntry('n', 'v').split('\n')[0]
    const b = fileCommandEntry('n', 'v').split('\n')[0]
    expect(a).toMatch(/^n<<ghadelimiter_[0-9a-f-]{36}$/)
    expect(a).not.toBe(b)
  })
})
