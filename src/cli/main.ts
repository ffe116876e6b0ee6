import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { distance } from "fastest-levenshtein";
import { z } from "zod";
import type { Env } from "../config.js";
import { askCommand } from "./commands/ask.js";
import { type BreakevenFlags, breakevenCommand } from "./commands/breakeven.js";
import { catalogCommand } from "./commands/catalog.js";
import { type CostFlags, costCommand } from "./commands/cost.js";
import { type VoiceFlags, voiceCommand } from "./commands/voice.js";
import { type CliIo, type CommonOptions, makeContext } from "./context.js";
import { CliError, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from "./errors.js";
import { registerLazyDigestCommands } from "./lazy-digest.js";

/** The package's version, from the package.json beside src/ and dist/ alike. */
const VERSION = z
  .object({ version: z.string() })
  .parse(createRequire(import.meta.url)("../../package.json")).version;

const EXAMPLES = `
Examples:
  llm-advise "500k requests/month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini today"
  llm-advise "what does shadow mode mean?"
  llm-advise cost --model gpt-4o-mini --requests 100000 --input-tokens 500 --output-tokens 200
  llm-advise breakeven --model gpt-4o-mini --input-tokens 500 --output-tokens 200 --requests 1000000
  llm-advise voice --calls 500 --minutes 3 --sms 1 --nlu-model gpt-4 --prices seed-002
  llm-advise "2M requests a month, small DevOps team" --format json`;

const common = (cmd: Command): Command =>
  cmd
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .option("--today <YYYY-MM-DD>", "the day to advise for (retirement dates count from it; default: today)");

const tokens = (cmd: Command): Command =>
  cmd
    .option(
      "--input-tokens <n>",
      "input tokens per request, cached ones included (as in OpenAI's usage reports)",
    )
    .option("--cached-input-tokens <n>", "how many of the input tokens are prompt-cache hits", undefined)
    .option("--output-tokens <n>", "output tokens per request");

/** The whole command tree; exported so the README test can check every command it names exists. */
export function buildProgram(io: CliIo, env: Env): Command {
  const program = common(
    new Command("llm-advise")
      .description(
        "Which LLM to run, and where (API, self-hosted, private cloud, hybrid, local), and what it costs at your volume.",
      )
      .argument("[question...]", "a question in plain English (quote it)")
      .version(VERSION, "-V, --version", "print the version")
      .addHelpText("after", EXAMPLES),
  ).action(async (words: string[], opts: CommonOptions, cmd: Command) => {
    // Bare `llm-advise` and `llm-advise help` ask for help; an explicitly empty question is bad input.
    const only = words.length === 1 ? words[0]?.trim().toLowerCase() : undefined;
    if (words.length === 0 || only === "help") {
      io.out(cmd.helpInformation());
      io.out(`${EXAMPLES.trimStart()}\n`);
      return;
    }
    if (only === "version") {
      io.out(`${VERSION}\n`);
      return;
    }
    await askCommand(await makeContext(io, env, opts), words.join(" "));
  });

  tokens(
    common(program.command("cost").description("API cost per month for a model and a volume, as line items")),
  )
    .option("-m, --model <name>", "hosted model, e.g. gpt-4o-mini or anthropic:claude-haiku-4-5")
    .option("-r, --requests <n>", "requests a month (500000, 500k, 1.5M)")
    .option(
      "--requests-per-day <n>",
      "requests a day: prints daily, monthly (× 30) and yearly (× 365) as 003 does",
    )
    .option("--batch", "price with the provider's batch API discount")
    .action(async (flags: CostFlags & CommonOptions) =>
      costCommand(await makeContext(io, env, flags), flags),
    );

  tokens(
    common(program.command("breakeven").description("volume at which self-hosting costs what the API costs")),
  )
    .option("-m, --model <name>", "the API model to compare with")
    .option("-r, --requests <n>", "your volume a month, to compare both sides at")
    .option("--self-hosted <model>", "size an open-weight model on GPU instances (e.g. llama-3.1-8b)")
    .option(
      "--instance <id>",
      "with --self-hosted: one GPU instance id from `llm-advise catalog` (default: the cheapest that fits)",
    )
    .option("--cloud <cloud>", "with --self-hosted: aws, azure, gcp or on-prem (default aws)")
    .option(
      "--self-hosted-monthly <usd>",
      "a flat self-hosted cost a month instead (default: 003's $9,500 example)",
    )
    .action(async (flags: BreakevenFlags & CommonOptions) =>
      breakevenCommand(await makeContext(io, env, flags), flags),
    );

  tokens(
    common(
      program
        .command("voice")
        .description(
          "voice assistant pipeline per month (002): telephony + speech-to-text + NLU + SMS (+ TTS)",
        ),
    ),
  )
    .option("--calls <n>", "calls a month")
    .option("--minutes <n>", "minutes per call (default 3)")
    .option("--sms <n>", "SMS sent per call (default 1)")
    .option("--tts-characters <n>", "characters spoken by text-to-speech per call (default 0)")
    .option("--nlu-model <name>", "model for the NLU step (default gpt-4o-mini)")
    .option("--prices <set>", "unit prices: current (catalog) or seed-002 (002's own figures)", "current")
    .action(async (flags: VoiceFlags & CommonOptions) =>
      voiceCommand(await makeContext(io, env, flags), flags),
    );

  common(program.command("catalog").description("the catalog's entries, each with its date and source"))
    .option(
      "--section <name>",
      "one section: gpuInstances, openWeightModels, throughput, voicePrices, embeddings, lifecycle, privateCloud, defaults",
    )
    .action(async (flags: { section?: string } & CommonOptions) =>
      catalogCommand(await makeContext(io, env, flags), flags.section),
    );

  registerLazyDigestCommands(program, io, env);

  // Options after a subcommand's name belong to it (cost --format json), not to the question command.
  program.enablePositionalOptions();
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} });
  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} });
  }
  return program;
}

const COMMANDS = ["cost", "breakeven", "voice", "catalog", "digest"];

/** A command name one slip away from what was typed ("cots" → "cost"), if any. */
function nearCommand(word: string | undefined): string | undefined {
  if (!word || !/^[a-z-]{3,}$/i.test(word)) return undefined;
  const w = word.toLowerCase();
  const best = COMMANDS.map((c) => ({ c, d: distance(w, c) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d > 0 && best.d <= 2 ? best.c : undefined;
}

/** Commander's error in words that say what to do; one line, values clipped. */
function commanderMessage(e: CommanderError, argv: readonly string[]): string {
  const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
  if (e.code === "commander.unknownOption") {
    const option = /'([^']*)'/.exec(e.message)?.[1] ?? "";
    if (/^-\s*\d|\s/.test(option))
      return `a question starting with "-" needs -- before it: llm-advise -- "${clip(option)}" (a negative volume is refused anyway)`;
    const near = nearCommand(argv[0]);
    if (near)
      return `unknown command "${clip(argv[0] ?? "")}"; did you mean ${near}? (see llm-advise --help)`;
  }
  const said = e.message.replace(/^error: /, "").replace(/'([^']{61,})'/g, (_m, v: string) => `'${clip(v)}'`);
  return `${said} (see llm-advise --help)`;
}

/** Runs the CLI; returns the exit status: 0 done, 2 bad input (one line on stderr), 1 an internal failure. */
export async function run(argv: readonly string[], io: CliIo, env: Env): Promise<number> {
  try {
    await buildProgram(io, env).parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT_OK;
      io.err(`${commanderMessage(e, argv)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof CliError) {
      io.err(`${e.userMessage}\n`);
      return e.exitCode;
    }
    io.err("llm-advise failed unexpectedly; rerun with the same input and report it if it persists\n");
    return EXIT_INTERNAL;
  }
}
