import { type Command, Option } from "commander";
import type { Env } from "../config.js";
import type { DigestFlags } from "./commands/digest.js";
import type { CliIo } from "./context.js";

/**
 * `digest run` and `digest preview` load Slack, Teams, the store and the chart renderer, which
 * take about a second and a half to import; every other command needs none of them. So the
 * commands are declared here, and their actions import commands/digest.ts only when they run.
 */
export function registerLazyDigestCommands(program: Command, io: CliIo, env: Env): void {
  const format = () =>
    new Option("-f, --format <format>", "output format")
      .choices(["text", "markdown", "json"])
      .default("text");
  const actions = () => import("./commands/digest.js");
  const digest = program
    .command("digest")
    .description("scheduled cost digests: run what is due at a time, or preview one without posting");
  digest
    .command("run")
    .description("post every digest due at --at (default: now), once; one line per subscription")
    .option("--at <ISO time>", "the instant to run at, e.g. 2026-11-23T08:00:00Z")
    .addOption(format())
    .action(async (flags: DigestFlags) => (await actions()).runCommand(io, env, flags));
  digest
    .command("preview")
    .description("print the digest a subscription would get, without posting or recording it")
    .argument("<id>", "the subscription id, or its first 6+ characters (digest list shows it)")
    .option("--at <ISO time>", "the instant to compose for (default: now)")
    .addOption(format())
    .action(async (id: string, flags: DigestFlags) => (await actions()).previewCommand(io, env, id, flags));
  for (const cmd of digest.commands) {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.out(s), writeErr: () => {}, outputError: () => {} });
  }
}
