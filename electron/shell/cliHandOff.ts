/**
 * The arguments of `"MDM Migration Assistant" --cli <command> …`, or null for a normal start.
 * Everything after `--cli` belongs to the CLI, so its own flags (`--db`, `--json`, `--help`)
 * never reach the window code. Searched for rather than read at a fixed place: a development
 * start (`electron . --cli …`) has the app folder in front of it.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}
