import { ErrorCode } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import {
  asSlackError,
  SlackInternalError,
  SlackStartupError,
  SlackWebApiError,
  webApiErrorCode,
} from "./errors.js";

describe("Slack edge errors", () => {
  it.each([
    [new SlackWebApiError("chat.postMessage", "not_in_channel"), "slack-web-api"],
    [new SlackInternalError("store down"), "slack-internal"],
  ] as const)("%s has its code and a short user message without internals", (e, code) => {
    expect(e.code).toBe(code);
    expect(e.userMessage.length).toBeLessThan(100);
    expect(e.userMessage).not.toMatch(/chat\.postMessage|store down|Error/);
  });

  it("a start-up failure has its code, and its user message is the one line it was given", () => {
    const line = "SLACK_BOT_TOKEN: Slack refused the token (auth.test: invalid_auth); set it to …";
    const e = new SlackStartupError(line);
    expect(e.code).toBe("slack-startup");
    expect(e.userMessage).toBe(line);
    expect(e.message).toBe(line);
  });

  it("wraps anything else, keeping ours (also inside Bolt's UnknownError) as they are", () => {
    const ours = new SlackWebApiError("views.open", "expired_trigger_id");
    expect(asSlackError(ours)).toBe(ours);
    expect(asSlackError({ code: "slack_bolt_unknown_error", original: ours })).toBe(ours);
    expect(asSlackError(new TypeError("x is undefined"))).toMatchObject({ code: "slack-internal" });
  });

  it("reads Slack's error code from each kind of Web API failure", () => {
    expect(webApiErrorCode({ code: ErrorCode.PlatformError, data: { error: "msg_too_long" } })).toBe(
      "msg_too_long",
    );
    expect(webApiErrorCode({ code: ErrorCode.RateLimitedError, retryAfter: 3 })).toBe("rate_limited");
    expect(webApiErrorCode({ code: ErrorCode.HTTPError, statusCode: 503 })).toBe("http_503");
    expect(webApiErrorCode({ code: ErrorCode.RequestError })).toBe("request_error");
    expect(webApiErrorCode(new Error("?"))).toBe("unknown_error");
  });
});
