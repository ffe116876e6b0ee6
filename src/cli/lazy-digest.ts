import { Command, Option } from "commander";
import type { Env } from "../config.js";
import type { CliIo } from "./context.js";

/**
 * `digest run` and `digest preview` load Slack, Teams, the store and the chart renderer, which
 * take about a second and a half to import; every other command needs none of them. So the
 * command tree gets an outline of `digest` (what --help and the README test read), and the real
 * commands from commands/digest.ts replace it only when `digest` is the command being run.
 */
export function registerLazyDigestCommands(program: Command, io: CliIo, env: Env): void {
  const format = () =>
    new Option("-f, --format <format>", "output format")
      .choices(["text", "markdown", "json"])
      .default("text");
  const digest = program
    .command("digest")
    .description("scheduled cost digests: run what is due at a time, or preview one without posting");
  digest
    .command("run")
    .description("post every digest due at --at (default: now), once; one line per subscription")
    .option("--at <ISO time>", "the instant to run at, e.g. 2026-11-23T08:00:00Z")
    .addOption(format());
  digest
    .command("preview")
    .description("print the digest a subscription would get, without posting or recording it")
    .argument("<id>", "the subscription id, or its first 6+ characters (digest list shows it)")
    .option("--at <ISO time>", "the instant to compose for (default: now)")
    .addOption(format());

  program.hook("preSubcommand", async (_program, sub) => {
    if (sub !== digest) return;
    const { registerDigestCommands } = await import("./commands/digest.js");
    const loaded = new Command("llm-advise");
    registerDigestCommands(loaded, io, env);
    const real = loaded.commands.find((c) => c.name() === "digest");
    if (!real) throw new Error("commands/digest.ts registered no digest command");
    (digest.commands as Command[]).splice(0);
    for (const c of [...real.commands]) digest.addCommand(c);
  });
}
