import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logging.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("debug", stream), out: () => lines.join("") };
}

/** `{ a: { a: … { leaf } } }`, `levels` objects deep. */
const nest = (levels: number, leaf: Record<string, unknown>): Record<string, unknown> =>
  levels === 0 ? leaf : { a: nest(levels - 1, leaf) };

describe("log redaction", () => {
  it("never writes secrets or users' words, at the top level or nested", () => {
    const { logger, out } = capture();
    logger.info(
      {
        apiKey: "sk-top",
        config: { openai: { apiKey: "sk-nested" }, slack: { signingSecret: "s1gn-s3cret", token: "xoxb-1" } },
        event: { text: "our HIPAA data is ...", user: "U1" },
        question: "what should we run?",
      },
      "answered",
    );
    for (const secret of [
      "sk-top",
      "sk-nested",
      "s1gn-s3cret",
      "xoxb-1",
      "our HIPAA data",
      "what should we run",
    ])
      expect(out()).not.toContain(secret);
    expect(out()).toContain("[redacted]");
    expect(out()).toContain('"user":"U1"');
  });

  it("censors Slack, Teams and OpenAI credentials by their field names", () => {
    const { logger, out } = capture();
    logger.info(
      {
        slack: { botToken: "xoxb-bot", appToken: "xapp-app" },
        teams: { clientSecret: "client-s3cret", appPassword: "app-passw0rd" },
        digest: { openAiCosts: { adminKey: "sk-admin-key" } },
        headers: { Authorization: "Bearer abc.def" },
      },
      "config",
    );
    for (const secret of ["xoxb-bot", "xapp-app", "client-s3cret", "app-passw0rd", "sk-admin-key", "abc.def"])
      expect(out()).not.toContain(secret);
  });

  it("censors what was sent to an LLM: the prompt and every message's content", () => {
    const { logger, out } = capture();
    logger.debug(
      {
        request: {
          model: "gpt-4o-mini",
          prompt: "phrase this: we handle HIPAA data",
          messages: [
            { role: "system", content: "You phrase answers." },
            { role: "user", content: "our patients' records" },
          ],
        },
      },
      "llm request",
    );
    for (const words of ["we handle HIPAA data", "You phrase answers.", "our patients' records"])
      expect(out()).not.toContain(words);
    // What is not the conversation stays readable.
    expect(out()).toContain('"model":"gpt-4o-mini"');
    expect(out()).toContain('"role":"user"');
  });

  it("takes the password out of database URLs, in a url field and inside an error's message", () => {
    const { logger, out } = capture();
    const error = new Error("connect ECONNREFUSED postgres://llm:hunter2@db:5432/llm");
    logger.error(
      { store: { url: "postgres://llm:pa55word@db.internal:5432/advisor" }, err: error },
      "store down",
    );
    expect(out()).not.toContain("pa55word");
    expect(out()).not.toContain("hunter2");
    // Where the database is stays in the line, for whoever reads it.
    expect(out()).toContain("db.internal:5432/advisor");
    expect(out()).toContain("postgres://llm:***@db:5432/llm");
  });

  it("censors sensitive fields however deep they sit, and cuts off absurdly deep values instead of writing them", () => {
    const { logger, out } = capture();
    // Eight levels down: pino's own redact paths would need a pattern for each depth.
    logger.info({ deep: nest(8, { token: "xoxb-deep", text: "deep user words", count: 3 }) }, "deep");
    expect(out()).not.toContain("xoxb-deep");
    expect(out()).not.toContain("deep user words");
    expect(out()).toContain('"count":3');
    const { logger: l2, out: out2 } = capture();
    // Forty levels: whatever sits down there is not written at all.
    l2.info({ deep: nest(40, { note: "bottom of the well" }) }, "very deep");
    expect(out2()).not.toContain("bottom of the well");
    expect(out2()).toContain("[too deep]");
  });

  it("does not change the object the caller logged", () => {
    const { logger } = capture();
    const fields = { slack: { botToken: "xoxb-keep" } };
    logger.info(fields, "config");
    expect(fields.slack.botToken).toBe("xoxb-keep");
  });
});
