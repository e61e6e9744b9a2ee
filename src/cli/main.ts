#!/usr/bin/env node
/** The `statements` command line: thin; parses flags and calls the library. */
import { Command, CommanderError, Option } from "commander";
import { packageVersion } from "../package-info.js";
import { type ExportCliOptions, runExport } from "./export.js";
import { type ExtractCliOptions, runExtract, UsageError } from "./extract.js";
import { registerParseCommand } from "./parse.js";
import { registerQueueCommands } from "./queue.js";
import { registerReviewCommands, runExportGold } from "./review.js";

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
  .option("-o, --output <dir>", "write <dir>/records.jsonl, errors.jsonl and manifest.json instead of stdout")
  .option("--date <YYYY-MM-DD>", "document date for documents that give none (header or jsonl field)")
  .option("--pipeline <name>", "pipeline config: a name in pipelines/ or a path to a .json file", "default")
  .option("--pretty", "indent the JSON records (no longer one per line)")
  .option("-w, --workers <n>", "documents processed in parallel by n worker threads; 1 runs in-process (default: cores)")
  .option("--resume", "continue the interrupted run in -o <dir> where it stopped")
  .option("-q, --quiet", "no progress or summary on stderr")
  .option("--max-chars <n>", "longer documents become error records (too-large); 0 for no limit", "1000000")
  .option("--queue <redis-url>", "process the documents on `statements worker` processes through a Redis queue (needs -o)")
  .option("--queue-window <n>", "with --queue: unfinished jobs in Redis at most (default 256)")
  .option("--queue-batch <n>", "with --queue: documents per job (default 16)")
  .addOption(new Option("--queue-batch-chars <n>", "with --queue: text size that closes a job early").hideHelp())
  .addOption(new Option("--part-size <n>", "documents per committed part of -o runs").hideHelp())
  .addOption(new Option("--part-seconds <s>", "commit a part at least this often").hideHelp())
  .addOption(new Option("--progress-interval <s>", "seconds between progress lines when stderr is not a terminal").hideHelp())
  .addHelpText(
    "after",
    `
Examples:
  $ statements extract corpus/ -o output/            every .txt/.jsonl under corpus/ → output/records.jsonl
  $ statements extract article.txt --date 2025-07-24 one article, JSONL on stdout
  $ cat docs.jsonl | statements extract -             JSONL on stdin
  $ statements extract corpus/seed-2025-07-24-istanbul-talks.txt --pretty
                                                     read one record
  $ statements extract big.jsonl.gz -o run/ -w 4     4 worker threads; Ctrl-C stops cleanly
  $ statements extract big.jsonl.gz -o run/ --resume continue run/ where it stopped
  $ statements extract big.jsonl.gz -o run/ --queue redis://qhost:6379/0
                                                     through Redis; workers: statements worker --queue …

Output folder (-o): records.jsonl (one line per input document, error records included),
errors.jsonl (one line per failed document), manifest.json (inputs, counts, pipeline, durations).
Progress goes to stderr (a bar on a terminal, a line every 5 s otherwise; --quiet for none).

Exit status: 0 all documents processed, 1 some became error records, 2 usage error,
130 interrupted (the manifest is marked incomplete; --resume continues).`,
  )
  .action(async (inputs: string[], opts: ExtractCliOptions) => {
    process.exitCode = await runExtract(inputs, opts);
  });

registerReviewCommands(program);
registerQueueCommands(program);
registerParseCommand(program);

program
  .command("export")
  .description("turn the records of a run into CSV, parquet, brat standoff, Label Studio pre-annotations, or reviewed gold")
  .argument("<run>", "a run folder (extract -o) or a records .jsonl file")
  .option("--to <format>", "csv | parquet | brat | label-studio")
  .option("--gold", "the reviewed statements (statements review) as gold JSONL for ../shared/tools/score-statements.mjs")
  .option("--include-partial", "with --gold: also write articles not finished yet (their decided statements only)")
  .option("--include-unreviewed", 'with --gold: also write unreviewed statements, flagged "review": "unreviewed"')
  .option("-o, --output <path>", "output file (csv, parquet, label-studio) or folder (brat); csv and label-studio default to stdout")
  .option(
    "--inputs <paths...>",
    "the inputs given to extract, for the article texts: needed by brat and label-studio; with --gold, default: the inputs in the run's manifest.json",
  )
  .option("-q, --quiet", "no summary on stderr")
  .addHelpText(
    "after",
    `
Examples:
  $ statements export output/ --to csv > statements.csv              one row per statement
  $ statements export output/ --to parquet -o statements.parquet
  $ statements export output/ --to brat -o brat/ --inputs corpus/    .txt + .ann per article (PolNeAR's shape)
  $ statements export output/records.jsonl --to label-studio -o tasks.json --inputs corpus/
  $ statements export output/ --gold -o reviewed-gold.jsonl          after statements review output/

Offsets: csv and parquet keep the records' UTF-16 offsets; brat and Label Studio count code points.
Exit status: 0 done, 1 some records had no matching text in --inputs, 2 usage error.`,
  )
  .action(async (run: string, opts: ExportCliOptions & { gold?: boolean; includePartial?: boolean; includeUnreviewed?: boolean }) => {
    if (opts.gold) {
      if (opts.to) throw new UsageError("--gold and --to: choose one");
      await runExportGold(run, {
        ...(opts.output ? { output: opts.output } : {}),
        ...(opts.inputs ? { inputs: opts.inputs } : {}),
        ...(opts.includePartial ? { includePartial: true } : {}),
        ...(opts.includeUnreviewed ? { includeUnreviewed: true } : {}),
      });
      return;
    }
    if (!opts.to) throw new UsageError("export: --to <csv|parquet|brat|label-studio> or --gold is required");
    process.exitCode = await runExport(run, opts);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError) {
    process.stderr.write(`statements: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === "string") {
    // the system refused a file operation (a full disk, a permission): what and where, in one line
    process.stderr.write(`statements: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`statements: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}
