// The growth of this process's resident memory over a stretch of work, for the tests that stream
// 100 MB through it. V8 frees the socket buffers such a stream leaves only once their external
// memory passes its own trigger, tens of MB on; in parallel workers that now and then put RSS past
// the tests' bounds though nothing was held. So garbage is collected (jest runs with --expose-gc,
// scripts/jest.sh) each time RSS has grown by COLLECT_EVERY since the last collection: the peak
// is then what the work holds, and a body held whole still shows its 100 MB.

const COLLECT_EVERY = 16 * 1024 * 1024

export class RssPeak {
  private readonly before: number
  private peak: number
  private collectedAt: number

  /** Starts from a collected heap, so that what earlier tests left does not count. */
  constructor() {
    global.gc?.()
    this.before = process.memoryUsage.rss()
    this.peak = this.before
    this.collectedAt = this.before
  }

  sample(): void {
    const rss = process.memoryUsage.rss()
    this.peak = Math.max(this.peak, rss)
    if (global.gc && rss - this.collectedAt >= COLLECT_EVERY) {
      global.gc()
      this.collectedAt = process.memoryUsage.rss()
    }
  }

  /** The highest RSS sampled, less RSS at the start, in bytes. */
  get growth(): number {
    this.sample()
    return this.peak - this.before
  }
}
