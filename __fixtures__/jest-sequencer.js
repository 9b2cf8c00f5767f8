// The order jest starts test files in: its own (failed first, then slowest first by the last
// run's timings), except among files it has no timing for, as on a fresh clone, where it would go
// by size. There the files that start processes (the action, the fakes' CLIs, the scripts) come
// first: they mostly wait, so their waits overlap the CPU-bound unit tests instead of trailing them.
import Sequencer from '@jest/test-sequencer'
import { readFileSync } from 'node:fs'

const STARTS_PROCESSES = /node:child_process|\b(runAction|startAction|startFakeCli)\(/

const startsProcesses = test => STARTS_PROCESSES.test(readFileSync(test.path, 'utf8'))

export default class ProcessesFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const slots = sorted.flatMap((test, i) => (test.duration == null ? [i] : []))
    const untimed = slots.map(i => sorted[i])
    const reordered = [
      ...untimed.filter(startsProcesses),
      ...untimed.filter(t => !startsProcesses(t))
    ]
    slots.forEach((slot, k) => (sorted[slot] = reordered[k]))
    return sorted
  }
}
