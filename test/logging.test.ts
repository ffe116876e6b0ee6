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
  return { lines, logger: createLogger("info", stream) };
}

describe("log redaction", () => {
  it("never writes secrets or users' words, however deep they sit", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        apiKey: "sk-top",
        config: { openai: { apiKey: "sk-nested" }, slack: { signingSecret: "s1gn-s3cret", token: "xoxb-1" } },
        event: { text: "our HIPAA data is ...", user: "U1" },
        question: "what should we run?",
      },
      "answered",
    );
    const out = lines.join("");
    for (const secret of [
      "sk-top",
      "sk-nested",
      "s1gn-s3cret",
      "xoxb-1",
      "our HIPAA data",
      "what should we run",
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
    expect(out).toContain('"user":"U1"');
  });
});
