import { describe, expect, it } from '@jest/globals'
import { createHmac } from 'node:crypto'
import {
  formatMarker,
  MARKER_PREFIX,
  markerKey,
  parseMarker,
  type MarkerSeal
} from '../src/github/status-marker.js'

const TOKEN = 'nfp_marker_test_token'
const SEAL: MarkerSeal = { key: markerKey(TOKEN), repository: 'acme/site', issueNumber: 12 }
const IDS = { runnerId: 'abc-1_Z', sessionId: 'def' }

describe('the status comment marker', () => {
  it('round-trips the runner and the session, with a 128-bit MAC', () => {
    const marker = formatMarker(IDS, SEAL)
    expect(marker).toMatch(
      new RegExp(`^<!-- ${MARKER_PREFIX} runner=abc-1_Z session=def mac=[A-Za-z0-9_-]{22} -->$`)
    )
    expect(parseMarker(`Some text\n\n${marker}`, SEAL)).toEqual(IDS)
  })

  it('records what a detached run still owes its thread, under the same MAC', () => {
    const owing = { ...IDS, owes: 'pull-request' as const }
    const marker = formatMarker(owing, SEAL)
    expect(marker).toMatch(/ session=def owes=pull-request mac=[A-Za-z0-9_-]{22} -->$/)
    expect(parseMarker(marker, SEAL)).toEqual(owing)
    expect(parseMarker(marker.replace('owes=pull-request', 'owes=commit'), SEAL)).toBeUndefined()
    expect(parseMarker(marker.replace(' owes=pull-request', ''), SEAL)).toBeUndefined()
    expect(parseMarker(marker.replace('owes=pull-request', 'owes=anything'), SEAL)).toBeUndefined()
  })

  it('round-trips a runner without a session', () => {
    const ids = { runnerId: 'abc', sessionId: undefined }
    expect(parseMarker(formatMarker(ids, SEAL), SEAL)).toEqual(ids)
  })

  it('names who stopped the session from the thread, under the same MAC', () => {
    const stopped = { ...IDS, stoppedBy: 'alice' }
    const marker = formatMarker(stopped, SEAL)
    expect(marker).toMatch(/ session=def stopped-by=alice mac=[A-Za-z0-9_-]{22} -->$/)
    expect(parseMarker(marker, SEAL)).toEqual(stopped)
    expect(parseMarker(formatMarker({ ...IDS, stoppedBy: 'dependabot[bot]' }, SEAL), SEAL)).toEqual(
      {
        ...IDS,
        stoppedBy: 'dependabot[bot]'
      }
    )
    // Nobody can add, change or take away the stopper without the key.
    expect(
      parseMarker(marker.replace('stopped-by=alice', 'stopped-by=mallory'), SEAL)
    ).toBeUndefined()
    expect(parseMarker(marker.replace(' stopped-by=alice', ''), SEAL)).toBeUndefined()
    const plain = formatMarker(IDS, SEAL)
    expect(parseMarker(plain.replace(' mac=', ' stopped-by=alice mac='), SEAL)).toBeUndefined()
  })

  it('refuses a stopper that is not a GitHub login', () => {
    for (const stoppedBy of ['@alice', 'a b', 'x -->', '-alice', 'a'.repeat(40)]) {
      expect(() => formatMarker({ ...IDS, stoppedBy }, SEAL)).toThrow(/GitHub logins only/)
    }
  })

  it('is keyed by HMAC-SHA256 of the Netlify token with a fixed label, not the token', () => {
    const expected = createHmac('sha256', TOKEN)
      .update('netlify-agent-runners-action/status-marker/v1')
      .digest()
    expect(markerKey(TOKEN).equals(expected)).toBe(true)
    expect(formatMarker(IDS, SEAL)).not.toContain(TOKEN)
  })

  it('copied to another issue or pull request, it names nothing', () => {
    const marker = formatMarker(IDS, SEAL)
    expect(parseMarker(marker, { ...SEAL, issueNumber: 13 })).toBeUndefined()
    expect(parseMarker(marker, { ...SEAL, repository: 'acme/other' })).toBeUndefined()
    // GitHub's names are case-insensitive: the same repository is the same thread.
    expect(parseMarker(marker, { ...SEAL, repository: 'ACME/Site' })).toEqual(IDS)
  })

  it('with its runner or session changed, it names nothing', () => {
    const marker = formatMarker(IDS, SEAL)
    expect(parseMarker(marker.replace('runner=abc-1_Z', 'runner=abc-1_Y'), SEAL)).toBeUndefined()
    expect(parseMarker(marker.replace('session=def', 'session=deg'), SEAL)).toBeUndefined()
    expect(parseMarker(marker.replace(' session=def', ''), SEAL)).toBeUndefined()
  })

  it('made with another Netlify token, it names nothing', () => {
    const other = formatMarker(IDS, { ...SEAL, key: markerKey('nfp_someone_else') })
    expect(parseMarker(other, SEAL)).toBeUndefined()
  })

  it('refuses to write ids it could not read back', () => {
    expect(() => formatMarker({ runnerId: 'a -->', sessionId: undefined }, SEAL)).toThrow(
      /runner ids/
    )
    expect(() => formatMarker({ runnerId: 'a', sessionId: 'b c' }, SEAL)).toThrow(/session ids/)
    expect(() => formatMarker({ runnerId: '', sessionId: undefined }, SEAL)).toThrow()
  })

  const mac = formatMarker(IDS, SEAL).match(/mac=(\S+)/)?.[1] ?? ''
  it.each([
    ['no MAC', `<!-- ${MARKER_PREFIX} runner=abc-1_Z session=def -->`],
    ['a MAC cut short', `<!-- ${MARKER_PREFIX} runner=abc-1_Z session=def mac=${mac.slice(1)} -->`],
    [
      'other characters in the runner id',
      `<!-- ${MARKER_PREFIX} runner=abc"><img> session=def mac=${mac} -->`
    ],
    ['an id that is too long', `<!-- ${MARKER_PREFIX} runner=${'a'.repeat(129)} mac=${mac} -->`],
    ['an extra field', `<!-- ${MARKER_PREFIX} runner=abc-1_Z session=def mac=${mac} x=y -->`],
    ['no comment opening', `${MARKER_PREFIX} runner=abc-1_Z session=def mac=${mac} -->`],
    ['no comment closing', `<!-- ${MARKER_PREFIX} runner=abc-1_Z session=def mac=${mac}`],
    [
      'a forged marker after a good one',
      `${formatMarker(IDS, SEAL)}\n<!-- ${MARKER_PREFIX} runner=evil mac=${mac} -->`
    ],
    ['no marker at all', 'Just a comment about netlify agents.']
  ])('a body with %s names nothing', (_, body) => {
    expect(parseMarker(body, SEAL)).toBeUndefined()
  })
})
