#!/usr/bin/env node
/**
 * `npm run --silent otklik -- <command>`: the command line of the pure cores (DESIGN.md, "Contracts").
 * Every command writes JSON; errors go to stderr as one line and give a non-zero exit code.
 */
import { commands } from './cli/commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(
      `Неизвестная команда${name ? ` «${name}»` : ''}. Команды: ${Object.keys(commands).join(', ')}\n`,
    );
    return 2;
  }
  return command(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Ошибка: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
