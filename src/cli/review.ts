/** `statements review` (the local review app) and `statements export-gold` (reviewed statements as gold JSONL). */
import type { Command } from "commander";
import { exportGold } from "../review/gold-export.js";
import { loadRun, ReviewUsageError } from "../review/run.js";
import { isLoopback, startReviewServer } from "../review/server.js";
import { UsageError } from "./extract.js";

function usage(err: unknown): never {
  if (err instanceof ReviewUsageError) throw new UsageError(err.message);
  throw err;
}

export interface ReviewCliOptions {
  inputs?: string[];
  port: string;
  host: string;
}

export async function runReview(target: string, opts: ReviewCliOptions): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: Expected 0-65535, got "${opts.port}"`);
  if (!isLoopback(opts.host)) {
    throw new UsageError(`--host: the review server binds to a loopback address only (127.0.0.1, ::1, localhost), got "${opts.host}"`);
  }
  const run = await loadRun(target, opts.inputs ? { inputs: opts.inputs } : {}).catch(usage);
  for (const w of run.warnings) process.stderr.write(`warning: ${w}\n`);
  const server = await startReviewServer({ run, port, host: opts.host }).catch(usage);
  for (const w of server.log.warnings) process.stderr.write(`warning: ${w}\n`);
  const statements = run.docs.reduce((n, d) => n + (d.text === null ? 0 : d.statements.length), 0);
  process.stderr.write(
    `${run.docs.length} document(s), ${statements} statement(s) to review, ${run.errors.length} error record(s) skipped; ` +
      `decisions go to ${run.reviewsPath}\nOpen this URL in a browser (Ctrl-C stops the server):\n`,
  );
  process.stdout.write(`${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void server.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export interface ExportGoldCliOptions {
  output?: string;
  inputs?: string[];
  includePartial?: boolean;
  includeUnreviewed?: boolean;
}

export async function runExportGold(target: string, opts: ExportGoldCliOptions): Promise<void> {
  const res = await exportGold(target, {
    ...(opts.inputs ? { inputs: opts.inputs } : {}),
    ...(opts.output ? { output: opts.output } : {}),
    includePartial: opts.includePartial === true,
    includeUnreviewed: opts.includeUnreviewed === true,
  }).catch(usage);
  if (!opts.output) process.stdout.write(res.jsonl);
  const unfinished = opts.includeUnreviewed
    ? ""
    : opts.includePartial
      ? `; ${res.unfinished} unfinished article(s) written with their decided statements`
      : `; ${res.unfinished} unfinished article(s) left out (--include-partial writes them)`;
  process.stderr.write(
    `${res.documents} document(s), ${res.attributions} gold attribution(s); left out: ${res.rejected} rejected, ` +
      `${res.unreviewed} undecided${opts.includeUnreviewed ? " (included, flagged)" : ""}${unfinished}` +
      `${res.withoutText ? `, ${res.withoutText} document(s) without text` : ""}${opts.output ? ` → ${opts.output}` : ""}\n`,
  );
}

export function registerReviewCommands(program: Command): void {
  program
    .command("review")
    .description("review a run in the browser: accept, reject or correct each statement; decisions go to reviews.jsonl")
    .argument("<run>", "a run folder (holding records.jsonl) or a records .jsonl file")
    .option("--inputs <paths...>", "the inputs given to extract (the records hold no text); default: the inputs in the run's manifest.json")
    .option("--port <n>", "port to listen on (0: any free port)", "0")
    .option("--host <address>", "loopback address to bind", "127.0.0.1")
    .addHelpText(
      "after",
      `
Prints a URL with a random token; requests without it get 403. Nothing is opened by itself.
Keys: A accept, X reject, E edit (select text, then 1 content, 2 source, 3 cue), S speaker,
U unsure + note, M add a missed statement, D article done, L articles, F filters, Z undo,
J/K next/previous, ? all keys. One server per run: a second one is refused with the first one's URL.

Examples:
  $ statements extract corpus/ -o output/run1 && statements review output/run1
  $ statements review records.jsonl --inputs articles.jsonl --port 8080`,
    )
    .action(async (run: string, opts: ReviewCliOptions) => {
      await runReview(run, opts);
    });

  program
    .command("export-gold")
    .description("the same as `export <run> --gold`: the reviewed statements as gold JSONL for ../shared/tools/score-statements.mjs")
    .argument("<run>", "a run folder (holding records.jsonl and reviews.jsonl) or a records .jsonl file")
    .option("-o, --output <file>", "write the gold JSONL to <file> instead of stdout")
    .option("--inputs <paths...>", "the inputs given to extract; default: the inputs in the run's manifest.json")
    .option("--include-partial", "also write articles not finished yet (their decided statements only)")
    .option("--include-unreviewed", 'write every article, undecided statements flagged "review": "unreviewed" (not gold)')
    .addHelpText(
      "after",
      `
Only finished articles are written: every statement decided, or the article marked done (D in the
review app), so that recall against the gold means something. Accepted, edited and added statements
go in (edited ones with the reviewer's spans and speaker); rejected ones are left out; in an article
marked done, the undecided statements go in as extracted ("review": "article-done"). Flags travel
with them ("unsure": true, "note"). --include-partial also writes unfinished articles that have a
decision, with their decided statements only.`,
    )
    .action(async (run: string, opts: ExportGoldCliOptions) => {
      await runExportGold(run, opts);
    });
}
