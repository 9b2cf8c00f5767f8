// The settings stage: the typed object, and the one call that builds it from the inputs.
export { getSettings, type ParsedSettings } from './input-helper.js'
export { actionsInputs, type InputReader } from './input-reader.js'
export { InputError } from './input-error.js'
export { Input, type InputName } from './input-names.js'
export { readGitHubToken, readToken } from './secrets.js'
export * from './settings.js'
