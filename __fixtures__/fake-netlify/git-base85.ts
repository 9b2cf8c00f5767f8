// Git's flavour of base85 and the `GIT binary patch` literal encoding (see git's base85.c and
// diff.c), so generated binary hunks are ones `git apply` accepts.
import { deflateSync } from 'node:zlib'

const ALPHABET =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~'
const BYTES_PER_LINE = 52

function encode85(data: Buffer): string {
  let out = ''
  for (let offset = 0; offset < data.length; offset += 4) {
    let acc = 0
    for (let i = 0; i < 4; i++) acc = acc * 256 + (data[offset + i] ?? 0)
    const group: string[] = []
    for (let i = 0; i < 5; i++) {
      group.unshift(ALPHABET.charAt(acc % 85))
      acc = Math.floor(acc / 85)
    }
    out += group.join('')
  }
  return out
}

function lengthChar(bytes: number): string {
  return bytes <= 26
    ? String.fromCharCode(65 + bytes - 1) // 'A'..'Z'
    : String.fromCharCode(97 + bytes - 27) // 'a'..'z'
}

/** The `literal <size>` block for `content`, ending with the blank line git writes after it. */
export function binaryLiteral(content: Buffer): string {
  // Level 1 (Z_BEST_SPEED), as git uses for binary patches; empty content encodes exactly as git does.
  const deflated = deflateSync(content, { level: 1 })
  let out = `literal ${content.length}\n`
  for (let offset = 0; offset < deflated.length; offset += BYTES_PER_LINE) {
    const line = deflated.subarray(offset, offset + BYTES_PER_LINE)
    out += lengthChar(line.length) + encode85(line) + '\n'
  }
  return out + '\n'
}
