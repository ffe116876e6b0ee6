import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../logging.js";
import { boltLogger, withoutPayload } from "./bolt-logger.js";

describe("the Slack SDKs' log lines", () => {
  it("keep what happened and drop the bodies the SDKs print at debug level", () => {
    // The shapes @slack/web-api, @slack/socket-mode and Bolt's receivers print.
    expect(withoutPayload('http request body: {"text":"our HIPAA data"}')).toBe(
      "http request body: (omitted)",
    );
    expect(withoutPayload('Received a message on the WebSocket: {"payload":{}}')).toBe(
      "Received a message on the WebSocket: (omitted)",
    );
    expect(withoutPayload('ack() call begins (body: {"text":"hi"})')).toBe(
      "ack() call begins (body omitted)",
    );
    expect(withoutPayload("apiCall('chat.postMessage') start")).toBe("apiCall('chat.postMessage') start");
  });

  it("never write a user's words at LOG_LEVEL=debug", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const sdk = boltLogger(createLogger("debug", stream));
    sdk.debug(`http request body: ${JSON.stringify({ channel: "C1", text: "ZEBRAWORD 50k requests" })}`);
    const out = lines.join("");
    expect(out).toContain("http request body: (omitted)");
    expect(out).not.toContain("ZEBRAWORD");
  });
});
