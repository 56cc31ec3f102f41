/** A mistake in how the CLI was called or configured: exit code 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError'
}
