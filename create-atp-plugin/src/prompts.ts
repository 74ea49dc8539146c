import { createInterface, type Interface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';

/** Thrown when the user cancels a prompt (Ctrl-C, end of input). */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelled';
  }
}

/** Questions asked on a terminal; every one has a command-line flag that skips it. */
export interface Prompter {
  /** Ask for text; `check` returns a problem to re-ask with, or undefined when the answer is fine. */
  text(question: string, options?: { default?: string; check?: (answer: string) => string | undefined }): Promise<string>;
  /** Ask to pick one of `choices` by number or name. */
  select<T extends string>(question: string, choices: ReadonlyArray<{ value: T; label: string }>): Promise<T>;
  /** Ask yes or no. */
  confirm(question: string, defaultYes: boolean): Promise<boolean>;
  close(): void;
}

/** A prompter reading answers from `input` line by line and writing questions to `output`. */
export function createPrompter(input: Readable, output: Writable): Prompter {
  const rl: Interface = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  let closed = false;
  // Buffer lines ourselves: readline drops lines that arrive while no question is pending (piped input).
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    closed = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  rl.on('SIGINT', () => rl.close());

  const ask = async (question: string): Promise<string> => {
    output.write(question);
    const line = lines.length ? lines.shift() : closed ? undefined : await new Promise<string | undefined>((resolve) => waiting.push(resolve));
    if (line === undefined) {
      output.write('\n');
      throw new PromptCancelled();
    }
    return line.trim();
  };

  return {
    async text(question, options = {}) {
      for (;;) {
        const answer = (await ask(`${question}${options.default ? ` (${options.default})` : ''}: `)) || options.default || '';
        const problem = options.check?.(answer);
        if (!problem) return answer;
        output.write(`  ${problem}\n`);
      }
    },
    async select(question, choices) {
      output.write(`${question}\n${choices.map((c, i) => `  ${i + 1}) ${c.value} — ${c.label}`).join('\n')}\n`);
      for (;;) {
        const answer = await ask(`Choose 1-${choices.length} or a name: `);
        const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
        const chosen = byNumber ?? choices.find((c) => c.value === answer.toLowerCase());
        if (chosen) return chosen.value;
        output.write(`  "${answer}" is not one of the choices\n`);
      }
    },
    async confirm(question, defaultYes) {
      for (;;) {
        const answer = (await ask(`${question} (${defaultYes ? 'Y/n' : 'y/N'}): `)).toLowerCase();
        if (!answer) return defaultYes;
        if (['y', 'yes'].includes(answer)) return true;
        if (['n', 'no'].includes(answer)) return false;
        output.write('  answer y or n\n');
      }
    },
    close() {
      rl.close();
    },
  };
}
