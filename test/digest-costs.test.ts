import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composeDigest } from "../src/digest/compose.js";
import { NOT_CONFIGURED } from "../src/digest/compose-for.js";
import { digestText } from "../src/digest/digest-view.js";
import { type ActualSpend, createOpenAiCostsSdk, OpenAiCosts } from "../src/digest/openai-costs.js";
import { spendWindow } from "../src/digest/periods.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import { type CostsFake, startCostsFake } from "./fakes/openai-costs.js";

/** OpenAI's organization costs API, reached through the real SDK on a loopback fake (STYLE 24). */

const WEEKLY = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };
const MONDAY = new Date("2026-11-23T08:00:00Z");
// The week before Monday 2026-11-23: UTC days 2026-11-16 … 2026-11-22.
const WEEK = spendWindow(WEEKLY, MONDAY);

/** The costs client's clock: Monday noon UTC, so every day up to Sunday is over. */
const NOW = new Date("2026-11-23T12:00:00Z");

let fake: CostsFake;
const client = (key = fake.adminKey, url = `${fake.url}/v1`, projectIds: string[] = []) =>
  new OpenAiCosts(
    createOpenAiCostsSdk({ adminKey: key, baseUrl: url, timeoutMs: 5000 }),
    projectIds,
    () => NOW,
  );

beforeAll(async () => {
  fake = await startCostsFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
  fake.pageSize = 180;
  fake.days = [
    { day: "2026-11-15", usd: 1000 }, // before the window: not counted
    { day: "2026-11-16", usd: 10.5 },
    { day: "2026-11-17", usd: 12.25 },
    { day: "2026-11-17", usd: 0.75 }, // a second result in the same bucket (another line item)
    { day: "2026-11-20", usd: "30.1" },
    { day: "2026-11-22", usd: 31.6 },
    { day: "2026-11-23", usd: 1000 }, // the run's own day: not counted
  ];
});

/** The digest a spend result gives: the spend line, or a note and no spend line. */
const digestWith = (spend: ActualSpend) =>
  digestText(
    composeDigest({
      subscriptionId: "sub-1",
      profile: {
        requestsPerMonth: 2_000_000,
        inputTokensPerRequest: 500,
        outputTokensPerRequest: 200,
        currentModel: "gpt-4o-mini",
      },
      catalog: buildCatalog({ pricesAt: MONDAY }),
      run: { at: MONDAY, periodKey: MONDAY.toISOString() },
      timezone: "Europe/Berlin",
      scheduleLabel: "every Monday at 09:00 (Europe/Berlin)",
      previous: null,
      spend,
    }).model,
  );

describe("OpenAI organization costs", () => {
  it("sums the previous period's daily buckets, following next_page across pages", async () => {
    fake.pageSize = 3;
    const spend = await client().spend(WEEK);
    // 10.50 + 12.25 + 0.75 + 30.10 + 31.60 = 85.20 over 7 daily buckets, read 3 a page.
    expect(spend).toEqual({
      ok: true,
      from: "2026-11-16",
      to: "2026-11-22",
      days: 7,
      amountUsd: 85.2,
      buckets: 7,
      note: null,
    });
    const queries = fake.queries();
    expect(queries.map((q) => q.get("page"))).toEqual([null, "page_3", "page_6"]);
    expect(queries[0]?.get("start_time")).toBe(String(Date.parse("2026-11-16T00:00:00Z") / 1000));
    expect(queries[0]?.get("end_time")).toBe(String(Date.parse("2026-11-23T00:00:00Z") / 1000));
    expect(queries[0]?.get("bucket_width")).toBe("1d");
    expect(queries[0]?.get("limit")).toBe("7");
    expect(fake.received[0]?.headers.authorization).toBe(`Bearer ${fake.adminKey}`);
    expect(digestWith(spend)).toContain("OpenAI spend 2026-11-16 to 2026-11-22 (7 days): $85.20 actual");
  });

  it("gives a digest without the spend and a note when no admin key is set", () => {
    const text = digestWith(NOT_CONFIGURED);
    expect(text).toContain("Actual spend is not shown: OPENAI_ADMIN_KEY is not set");
    expect(text).not.toContain("OpenAI spend 20");
  });

  it("turns a refused key (401) into a note, not a failure", async () => {
    const spend = await client("sk-admin-wrong-key-000000");
    expect(await spend.spend(WEEK)).toEqual({
      ok: false,
      code: "unauthorized",
      note: "OpenAI refused OPENAI_ADMIN_KEY (HTTP 401); it must be an organization admin key",
    });
    expect(digestWith(await spend.spend(WEEK))).toContain(
      "Actual spend is not shown: OpenAI refused OPENAI_ADMIN_KEY",
    );
  });

  it.each([
    ["a body of the wrong shape", '{"object":"page","data":"oops","has_more":false,"next_page":null}'],
    ["a body that is not JSON", "<html>502 Bad Gateway</html>"],
    [
      "an amount that is not a number",
      '{"object":"page","data":[{"object":"bucket","start_time":0,"end_time":1,"results":[{"amount":{"value":"lots","currency":"usd"}}]}],"has_more":false,"next_page":null}',
    ],
    ["more pages but no cursor", '{"object":"page","data":[],"has_more":true,"next_page":null}'],
  ])("turns %s into a note", async (_what, body) => {
    fake.queue({ kind: "text", text: body });
    const spend = await client().spend(WEEK);
    expect(spend).toMatchObject({ ok: false, code: "malformed" });
    expect(digestWith(spend)).toMatch(
      /Actual spend is not shown: OpenAI's costs API (returned a body I could not read|said there were more pages)/,
    );
  });

  it("notes server errors, missing data, other currencies and an unreachable API", async () => {
    fake.queue({ kind: "error", status: 500 }, { kind: "error", status: 500 });
    expect(await client().spend(WEEK)).toMatchObject({
      ok: false,
      code: "http-error",
      note: "OpenAI's costs API answered HTTP 500",
    });
    fake.queue({ kind: "text", text: '{"object":"page","data":[],"has_more":false,"next_page":null}' });
    expect(await client().spend(WEEK)).toMatchObject({ ok: false, code: "no-data" });
    fake.days = [{ day: "2026-11-16", usd: 3, currency: "eur" }];
    expect(await client().spend(WEEK)).toMatchObject({
      ok: false,
      code: "currency",
      note: "OpenAI reported costs in eur, not USD",
    });
    expect(await client(fake.adminKey, "http://127.0.0.1:1/v1").spend(WEEK)).toMatchObject({
      ok: false,
      code: "unreachable",
    });
  });

  it("reads a window longer than one page's 180 buckets", async () => {
    fake.days = [
      { day: "2026-01-05", usd: 1 },
      { day: "2026-08-20", usd: 2 },
    ];
    // 2026-01-01 to 2026-10-31: 31+28+31+30+31+30+31+31+30+31 = 304 days, all over by NOW.
    const year = {
      start: new Date("2026-01-01T00:00:00Z"),
      end: new Date("2026-11-01T00:00:00Z"),
      days: 304,
    };
    expect(await client().spend(year)).toMatchObject({ ok: true, amountUsd: 3, days: 304, buckets: 304 });
    expect(fake.queries().map((q) => q.get("limit"))).toEqual(["180", "180"]);
  });

  it("counts only the days OpenAI reported, and says so", async () => {
    // Two of the week's seven buckets (2026-11-18 and 2026-11-19) are missing from the answer.
    const bucket = (d: string, usd: number) => ({
      object: "bucket",
      start_time: Date.parse(`${d}T00:00:00Z`) / 1000,
      end_time: Date.parse(`${d}T00:00:00Z`) / 1000 + 86_400,
      results: [{ object: "organization.costs.result", amount: { value: usd, currency: "usd" } }],
    });
    fake.queue({
      kind: "text",
      text: JSON.stringify({
        object: "page",
        data: [
          bucket("2026-11-16", 10),
          bucket("2026-11-17", 10),
          bucket("2026-11-20", 10),
          bucket("2026-11-21", 10),
          bucket("2026-11-22", 10),
        ],
        has_more: false,
        next_page: null,
      }),
    });
    const spend = await client().spend(WEEK);
    // 5 days × $10 = $50; the projection is pro-rated to 5 days, not 7: $390 × 5 / 30 = $65.
    expect(spend).toEqual({
      ok: true,
      from: "2026-11-16",
      to: "2026-11-22",
      days: 5,
      amountUsd: 50,
      buckets: 5,
      note: "OpenAI reported 5 of the 7 days from 2026-11-16 to 2026-11-22; the projection covers the 5 reported days",
    });
    const text = digestWith(spend);
    expect(text).toContain("OpenAI spend 2026-11-16 to 2026-11-22 (5 days): $50.00 actual; $65.00 projected");
    expect(text).toContain(
      "Actual spend: OpenAI reported 5 of the 7 days from 2026-11-16 to 2026-11-22; the projection covers the 5 reported days.",
    );
  });

  it("leaves out a UTC day that is not over yet", async () => {
    // A window reaching into Monday 2026-11-23, read at noon that day: Monday's costs are still coming in.
    const window = {
      start: new Date("2026-11-20T00:00:00Z"),
      end: new Date("2026-11-24T00:00:00Z"),
      days: 4,
    };
    // 2026-11-20 $30.10 + 2026-11-22 $31.60 = $61.70 over the three days that are over.
    expect(await client().spend(window)).toEqual({
      ok: true,
      from: "2026-11-20",
      to: "2026-11-22",
      days: 3,
      amountUsd: 61.7,
      buckets: 3,
      note: "2026-11-23 left out: the UTC day is not over yet; the projection covers the 3 reported days",
    });
  });

  it("asks for the configured projects only, and the fake answers with theirs", async () => {
    fake.days = [
      { day: "2026-11-16", usd: 5, projectId: "proj_a" },
      { day: "2026-11-16", usd: 7, projectId: "proj_b" },
      { day: "2026-11-17", usd: 11, projectId: "proj_c" },
    ];
    // proj_a $5 + proj_b $7 = $12; proj_c is not asked for.
    expect(await client(fake.adminKey, `${fake.url}/v1`, ["proj_a", "proj_b"]).spend(WEEK)).toMatchObject({
      ok: true,
      amountUsd: 12,
    });
    expect(fake.queries()[0]?.getAll("project_ids[]")).toEqual(["proj_a", "proj_b"]);
    // The whole organization when no project is configured: $5 + $7 + $11 = $23.
    expect(await client().spend(WEEK)).toMatchObject({ ok: true, amountUsd: 23 });
  });
});
