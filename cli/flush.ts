/**
 * Resolve once everything written to `stream` so far has been handed to the OS. `process.exit`
 * right after a large `write` to a pipe would drop what is still queued (a `cli import --json`
 * cut off at 64 KiB): an empty write's callback runs only after the writes before it.
 *
 * @example
 * await flushStream(process.stdout);
 */
export function flushStream(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write("", () => resolve());
  });
}
