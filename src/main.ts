import * as core from '@actions/core'

// The foundation ships the Netlify client and the fake API; the run itself comes next.
core.setFailed('This action does not run agents yet.')
