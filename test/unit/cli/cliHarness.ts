import { Writable } from 'node:stream';
import { main } from '../../../electron/cli/mdm-migrate.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(args, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
  return { code, stdout, stderr };
}
