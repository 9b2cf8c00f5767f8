// The reactions that tell, on the trigger itself (the comment, or the issue for a label), how its
// run goes: 👀 once the run is taken up, then in its place 🚀 when it succeeded, 👍 when it was
// stopped from the thread as someone asked, or 😕 when it failed, was cancelled or timed out. A
// courtesy, like the status comment: GitHub failing here is a warning. Only the action's own 👀
// is taken back: by the id GitHub gave for it, else found by the action's own login.
import { saveReaction, saveReactionFinal } from '../state.js'
import * as core from '@actions/core'
import { ownLogin, type GitHubClient, type ReactionContent } from './client.js'
import type { TextSource } from './event.js'

/** How a run ended, as its trigger is told. */
export type RunEnd = 'success' | 'stopped' | 'failure'

const END_CONTENT: Record<RunEnd, ReactionContent> = {
  success: 'rocket',
  stopped: '+1',
  failure: 'confused'
}
const ENDS = Object.values(END_CONTENT)

function describe(target: TextSource): string {
  return target.kind === 'issue' ? `issue #${target.number}` : `comment ${target.id}`
}

export class TriggerReactions {
  private eyesId: number | undefined
  private ended = false

  constructor(
    private readonly github: GitHubClient,
    readonly target: TextSource,
    eyesId?: number
  ) {
    this.eyesId = eyesId
  }

  /** 👀: the run is taken up. An issue labeled again loses the end its earlier run left. */
  async seen(): Promise<void> {
    await this.courtesy('add 👀 to', async () => {
      if (this.target.kind === 'issue') await this.takeBack(ENDS)
      this.eyesId = await this.github.react(this.target, 'eyes')
      saveReaction(this.target, this.eyesId)
    })
  }

  /** The end in place of the 👀; once. */
  async end(end: RunEnd): Promise<void> {
    if (this.ended) return
    this.ended = true
    await this.courtesy('tell the end on', async () => {
      // The end first: should taking the 👀 back fail, the trigger still says how it went.
      await this.github.react(this.target, END_CONTENT[end])
      if (this.eyesId === undefined) await this.takeBack(['eyes'])
      else await this.github.unreact(this.target, this.eyesId)
      saveReactionFinal()
    })
  }

  /** The 👀 stays until a sweep tells the end: the post step must leave it. */
  handOver(): void {
    this.ended = true
    saveReactionFinal()
  }

  /** Takes back the action's own reactions of these contents, never anyone else's. */
  private async takeBack(contents: ReactionContent[]): Promise<void> {
    const login = await ownLogin(this.github)
    // One content is asked for by name; several, by one list of them all.
    const only = contents.length === 1 ? contents[0] : undefined
    const mine = (await this.github.reactions(this.target, only)).filter(
      r => r.userLogin.toLowerCase() === login && contents.includes(r.content as ReactionContent)
    )
    for (const reaction of mine) await this.github.unreact(this.target, reaction.id)
  }

  private async courtesy(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work()
    } catch (err) {
      core.warning(
        `Could not ${what} ${describe(this.target)}: ${(err as Error).message}. The run goes on.`
      )
    }
  }
}
