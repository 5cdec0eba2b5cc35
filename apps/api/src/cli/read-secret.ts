import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/** Reads a secret: typed at a hidden prompt on a terminal, else the first line of stdin. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.split(/\r?\n/)[0] ?? '';
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(prompt);
    muted = true;
    const secret = await answer;
    process.stdout.write('\n');
    return secret;
  } finally {
    rl.close();
  }
}
