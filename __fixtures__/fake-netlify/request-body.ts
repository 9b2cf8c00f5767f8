// Reading typed fields out of a JSON request body, answering 400 when a field has the wrong type.
import { ApiError } from './http-io.js'

export type BodyObject = Record<string, unknown>

/** The body as an object; a missing body counts as `{}`. */
export function objectBody(body: unknown): BodyObject {
  if (body === undefined) return {}
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'Request body must be a JSON object')
  }
  return body as BodyObject
}

function typed<T>(
  body: BodyObject,
  key: string,
  check: (value: unknown) => value is T,
  kind: string
): T | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (!check(value)) throw new ApiError(400, `${key} must be ${kind}`)
  return value
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString)

export const optionalString = (body: BodyObject, key: string) =>
  typed(body, key, isString, 'a string')
export const optionalBoolean = (body: BodyObject, key: string) =>
  typed(body, key, isBoolean, 'a boolean')
export const optionalNumber = (body: BodyObject, key: string) =>
  typed(body, key, isNumber, 'a number')
export const optionalStrings = (body: BodyObject, key: string) =>
  typed(body, key, isStringArray, 'an array of strings')

/** A string field that must be present and not blank. */
export function requiredString(
  body: BodyObject,
  key: string,
  message = `${key} is required`
): string {
  const value = optionalString(body, key)
  if (value === undefined || value.trim() === '') throw new ApiError(400, message)
  return value
}
