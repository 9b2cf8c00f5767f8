// Kept equal to package.json's version by a test; sent in the User-Agent.
export const ACTION_NAME = 'netlify-agent-runners-action'
export const ACTION_VERSION = '0.1.0'
