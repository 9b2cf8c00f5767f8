// The fake's stored state. Everything time-dependent is derived from these on read (see
// lifecycle.ts), so no timers run.
import type {
  AgentRunnerUser,
  SessionMode,
  UpdateRunnerBody,
  UpdateSessionBody
} from '../../src/netlify/types.js'
import type { Scenario } from './scenario.js'
import type { FakeSite } from './sites.js'

export interface SessionRecord {
  id: string
  runnerId: string
  createdAt: number
  prompt: string
  agent: string | null
  model: string | null
  mode: SessionMode
  sourceSessionId: string | null
  /** The scenario current when the session was created. */
  scenario: Scenario
  fileKeys: string[]
  user: AgentRunnerUser
  cancelledAt: number | null
  discarded: boolean
  /** Fields set through PATCH; they win over computed values. */
  patch: UpdateSessionBody
  patchedAt: number | null
}

export interface PullRequestRecord {
  requestedAt: number
  ms: number
  error: string | null
  number: number
  url: string
  branch: string
}

export interface CommitRecord {
  requestedAt: number
  ms: number
  error: string | null
  targetBranch: string
  sha: string
}

export interface RunnerRecord {
  id: string
  site: FakeSite
  createdAt: number
  updatedAt: number
  title: string
  branch: string
  parentId: string | null
  baseDeployId: string | null
  user: AgentRunnerUser
  archivedAt: number | null
  sessions: SessionRecord[]
  /** Every pull_request request, oldest first; the latest decides what the runner shows. */
  pullRequests: PullRequestRecord[]
  commits: CommitRecord[]
  /** Fields set through PATCH (the CLI also sends `title`). */
  patch: UpdateRunnerBody & { title?: string }
}

export const FAKE_USER: AgentRunnerUser = {
  id: '5f3c0ffee0000000000000a1',
  full_name: 'Fake User',
  email: 'fake.user@example.com',
  avatar_url: null
}
