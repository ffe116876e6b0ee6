import { describe, expect, it } from "vitest";
import { asTeamsError, logFields, TeamsError, type TeamsErrorCode } from "./errors.js";

describe("Teams errors", () => {
  it.each<TeamsErrorCode>(["connector", "no-conversation-reference", "internal"])(
    "%s has its code and a one-line message for people",
    (code) => {
      const e = new TeamsError(code, "technical detail");
      expect(e.code).toBe(code);
      expect(e.userMessage).not.toContain("technical detail");
      expect(e.userMessage).not.toContain("\n");
    },
  );

  it("wraps a Bot Connector error by its HTTP status, and anything else as internal", () => {
    const rest = Object.assign(new Error("Forbidden: token audience mismatch"), { statusCode: 403 });
    expect(asTeamsError(rest)).toMatchObject({
      code: "connector",
      message: "Bot Connector answered HTTP 403",
    });
    expect(asTeamsError(new TypeError("x is undefined"))).toMatchObject({ code: "internal" });
    const coded = new TeamsError("no-conversation-reference", "none");
    expect(asTeamsError(coded)).toBe(coded);
  });

  it("logs a connector failure by its status only: the SDK's error carries the bearer token", () => {
    const token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret";
    const rest = Object.assign(new Error("Unauthorized"), {
      statusCode: 401,
      request: { headers: { authorization: `Bearer ${token}` } },
    });
    expect(logFields(rest)).toEqual({ code: "connector", status: 401 });
    expect(asTeamsError(rest).cause).toBeUndefined();
    const bug = new TypeError("x is undefined");
    expect(logFields(bug)).toEqual({ code: "internal", err: bug });
  });
});
