import { describe, expect, it } from '@jest/globals'
import { encodedForms, redactor } from '../src/redact.js'

const NETLIFY = 'nfp_Zx9QwErTy7uIoP3aSdF5gHjKl'
const GITHUB = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'
const redact = redactor([NETLIFY, GITHUB])

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url')
const hex = (s: string) => Buffer.from(s).toString('hex')

describe('redaction', () => {
  it('hides both tokens as they are', () => {
    expect(redact(`a ${NETLIFY} b ${GITHUB} c`)).toBe('a *** b *** c')
  })

  it.each([NETLIFY, GITHUB])('hides %s in base64, both alphabets, padded or not', token => {
    for (const form of [b64(token), b64(token).replace(/=+$/, ''), b64url(token)]) {
      expect(redact(`x ${form} y`)).toBe('x *** y')
    }
  })

  it('hides base64 of a token inside a longer encoded text, at any byte alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'Authorization: Bearer ']) {
      for (const encode of [b64, b64url]) {
        const text = encode(`${prefix}${NETLIFY} and more`)
        const out = redact(text)
        expect(out).toContain('***')
        // At most the few characters that also carry the neighbours' bits are left.
        expect(out.length).toBeLessThan(text.length - b64(NETLIFY).length + 10)
      }
    }
  })

  it('hides hex in either case, and URL encoding, of both tokens', () => {
    for (const token of [NETLIFY, GITHUB]) {
      const percent = hex(token).replace(/../g, '%$&')
      for (const form of [
        hex(token),
        hex(token).toUpperCase(),
        encodeURIComponent(token),
        percent,
        percent.toUpperCase()
      ]) {
        expect(redact(`<${form}>`)).toBe('<***>')
      }
    }
    const spaced = 'tok en/with+chars'
    expect(redactor([spaced])(`q=${encodeURIComponent(spaced)}`)).toBe('q=***')
  })

  it('hides a token split by invisible characters, and leaves those elsewhere alone', () => {
    const split = [...NETLIFY].join('\u200b').replace('Q', '\u00adQ\u2060').replace('9', '\ufeff9')
    expect(redact(`\u200dkey: ${split}\u200c.`)).toBe('\u200dkey: ***\u200c.')
    const hexSplit = hex(GITHUB).replace(/(.{5})/g, '$1\u200c')
    expect(redact(hexSplit)).toBe('***\u200c')
  })

  it('leaves short secrets and ordinary text alone', () => {
    expect(redactor(['abc'])('abc abc')).toBe('abc abc')
    expect(redactor([undefined, ''])('text')).toBe('text')
    expect(redact('nothing secret here')).toBe('nothing secret here')
  })

  it('does not list encodings short enough to match ordinary words', () => {
    expect(encodedForms('abcd').every(form => form === 'abcd' || form.length >= 8)).toBe(true)
  })

  it('takes linear time on a megabyte of text, invisible characters or not', () => {
    const plain = 'lorem ipsum dolor sit amet, '.repeat(40_000) + NETLIFY
    const invisible = 'lorem\u200b ipsum\u00ad '.repeat(60_000) + NETLIFY
    for (const text of [plain, invisible]) {
      const started = performance.now()
      const out = redact(text)
      expect(performance.now() - started).toBeLessThan(1_000)
      expect(out.endsWith('***')).toBe(true)
    }
  })
})
