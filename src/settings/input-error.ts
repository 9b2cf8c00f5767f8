/** A bad input. Its message names the input, what was wrong, and what is allowed. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
  }
}
