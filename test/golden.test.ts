import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main.js";

/**
 * The rendered answers, pinned as golden files (STYLE 23). Figures are asserted by hand elsewhere;
 * these pin wording and layout. Regenerate after an intended change with `npm run golden:update`.
 */
async function render(args: string[]): Promise<string> {
  let out = "";
  const code = await run(
    [...args, "--today", "2026-11-21"],
    {
      out: (t) => {
        out += t;
      },
      err: () => {},
      now: () => new Date("2026-11-21T12:00:00Z"),
    },
    {},
  );
  expect(code).toBe(0);
  return out;
}

describe("golden answers", () => {
  it("HIPAA question, text", async () => {
    const out = await render([
      "500k requests/month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini today",
    ]);
    await expect(out).toMatchFileSnapshot("golden/hipaa.txt");
  });

  it("lifecycle control for a classifier, Markdown", async () => {
    const out = await render([
      "intent classification, 300k requests a month, pin model versions, small DevOps team, on gpt-4o-mini",
      "-f",
      "markdown",
    ]);
    await expect(out).toMatchFileSnapshot("golden/lifecycle.md");
  });

  it("002's voice pipeline, text", async () => {
    const out = await render([
      "voice",
      "--calls",
      "500",
      "--minutes",
      "3",
      "--nlu-model",
      "gpt-4",
      "--prices",
      "seed-002",
    ]);
    await expect(out).toMatchFileSnapshot("golden/voice-002.txt");
  });
});
