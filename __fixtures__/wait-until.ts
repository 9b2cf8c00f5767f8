// Waiting in a test for something another process does: a condition checked every 25 ms, never a
// fixed sleep.

/** Resolves once `condition` holds; rejects after `timeoutMs`, naming `what` it waited for. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() >= until) throw new Error(`waited ${timeoutMs} ms for ${what}, in vain`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}
