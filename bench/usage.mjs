// Preloaded with `node --import` by the benchmark: records the process's peak RSS (KiB) and the
// CPU time it used (user and system, µs) at exit, as JSON. On Linux the peak is VmHWM: getrusage's
// maxRSS also counts the memory of the process that spawned this one (the benchmark, with its
// fake and the 100 MB diffs it hashed), as the kernel carries it over from before the exec.
import { readFileSync, writeFileSync } from 'node:fs'

function peakKiB() {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // No /proc: not Linux.
  }
  return process.resourceUsage().maxRSS
}

process.on('exit', () => {
  const file = process.env.BENCH_USAGE_FILE
  if (!file) return
  const { userCPUTime, systemCPUTime } = process.resourceUsage()
  writeFileSync(file, JSON.stringify({ maxRSS: peakKiB(), userCPUTime, systemCPUTime }))
})
