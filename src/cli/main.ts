#!/usr/bin/env node
/** The `statements` command line: thin; parses flags and calls the library. */
import { Command, CommanderError } from "commander";
import { packageVersion } from "../package-info.js";
import { runExtract, UsageError } from "./extract.js";

const program = new Command();
program
  .name("statements")
  .description("Who said what, and how many: statements, speakers and numbers from news articles, as JSON records.")
  .version(packageVersion())
  .exitOverride()
  .showHelpAfterError("(run with --help for usage)");

program
  .command("extract")
  .description("extract statements, speakers and numbers; one JSON record per document (JSONL)")
  .argument("<inputs...>", ".txt files, .jsonl files (one {id, text, date?} a line), directories, or - for JSONL on stdin")
  .option("-o, --output <dir>", "write <dir>/records.jsonl and <dir>/summary.json instead of stdout")
  .option("--date <YYYY-MM-DD>", "document date for documents that give none (header or jsonl field)")
  .option("--pipeline <name>", "pipeline config: a name in pipelines/ or a path to a .json file", "default")
  .option("--pretty", "indent the JSON records (no longer one per line)")
  .addHelpText(
    "after",
    `
Examples:
  $ statements extract corpus/ -o output/            every .txt/.jsonl under corpus/ → output/records.jsonl
  $ statements extract article.txt --date 2025-07-24 one article, JSONL on stdout
  $ cat docs.jsonl | statements extract -             JSONL on stdin
  $ statements extract corpus/seed.txt --pretty      read one record

Exit status: 0 all documents processed, 1 some became error records, 2 usage error.`,
  )
  .action(async (inputs: string[], opts: { output?: string; date?: string; pipeline: string; pretty?: boolean }) => {
    process.exitCode = await runExtract(inputs, opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError) {
    process.stderr.write(`statements: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`statements: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}
