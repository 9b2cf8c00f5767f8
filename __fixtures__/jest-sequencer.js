// The order jest starts test files in: its own (failed first, then slowest, then largest), except
// that the end-to-end files come first. They mostly wait on the action's processes and the
// fakes' timers, so their waits overlap the CPU-bound unit tests instead of trailing them; on a
// fresh clone, with no timings yet, jest would start them by size, after most unit files.
import Sequencer from '@jest/test-sequencer'

const isEndToEnd = test => test.path.endsWith('.e2e.test.ts')

export default class EndToEndFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    return [...sorted.filter(isEndToEnd), ...sorted.filter(test => !isEndToEnd(test))]
  }
}
