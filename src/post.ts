import { cleanup } from './cleanup.js'
import { warning } from '@actions/core'

// The post step never fails the job: whatever goes wrong becomes a warning.
cleanup().catch((err: unknown) =>
  warning(`Post step: ${err instanceof Error ? err.message : String(err)}`)
)
