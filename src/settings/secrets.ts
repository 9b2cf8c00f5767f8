// The tokens, each masked the moment it is read, before anything can be logged.
import { Input, type InputName } from './input-names.js'
import type { InputReader } from './input-reader.js'

/** A secret input (else its environment variable); '' if neither is set. */
function readSecret(inputs: InputReader, input: InputName, envVar: string): string {
  const secret = inputs.text(input) || (inputs.env[envVar] ?? '').trim()
  if (secret !== '') inputs.mask(secret)
  return secret
}

/** The Netlify token: `netlify-auth-token`, else NETLIFY_AUTH_TOKEN. */
export function readToken(inputs: InputReader): string {
  return readSecret(inputs, Input.NetlifyAuthToken, 'NETLIFY_AUTH_TOKEN')
}

/** The GitHub token: `github-token`, else GITHUB_TOKEN. */
export function readGitHubToken(inputs: InputReader): string {
  return readSecret(inputs, Input.GitHubToken, 'GITHUB_TOKEN')
}
