import { createInterface } from 'node:readline';

export interface LineReader {
  /** The next line, or null at the end of input. `prompt` is shown first on a terminal, echoed with the line otherwise. */
  next(prompt: string): Promise<string | null>;
  close(): void;
}

/**
 * One reader for commands and form fields alike, so a script piped to stdin answers form
 * prompts line by line, exactly as a person would type them.
 */
export function createLineReader(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): LineReader {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async next(prompt) {
      if (interactive) rl.setPrompt(prompt), rl.prompt();
      const { value, done } = await lines.next();
      if (done) return null;
      if (!interactive) output.write(`${prompt}${value}\n`);
      return value as string;
    },
    close: () => rl.close(),
  };
}
