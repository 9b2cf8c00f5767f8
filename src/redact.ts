// Secrets must not leave through outputs, the summary or error messages even when the API echoes
// them back or the agent writes them into its result. The runner's masking only covers the log.

export type Redact = (text: string) => string

/** A function that replaces every occurrence of the given secrets with `***`. */
export function redactor(secrets: readonly (string | undefined)[]): Redact {
  // Very short values would blank out ordinary words; the runner's own mask has the same floor.
  const live = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4)
  return text => live.reduce((out, secret) => out.split(secret).join('***'), text)
}
