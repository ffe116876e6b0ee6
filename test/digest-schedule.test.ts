import { describe, expect, it } from "vitest";
import { latestRun, localDay, nextRun, previousRun, spendWindow } from "../src/digest/periods.js";
import { describeSchedule, parseSchedule, scheduleProblem } from "../src/digest/schedule.js";

/** Fixed instants only (STYLE 22): Europe/Berlin moves to CEST on 2026-03-29 and back on 2026-10-25. */
const at = (iso: string) => new Date(iso);
const runs = (schedule: { cron: string; timezone: string }, from: string, n: number) => {
  const out: string[] = [];
  let t = at(from);
  for (let i = 0; i < n; i++) {
    const next = nextRun(schedule, t);
    if (!next) break;
    out.push(next.toISOString());
    t = next;
  }
  return out;
};

describe("digest schedule grammar", () => {
  it.each([
    ["daily 09:00 Europe/Berlin", "0 9 * * *", "every day at 09:00 (Europe/Berlin)"],
    ["weekdays 7:30 UTC", "30 7 * * 1-5", "every weekday at 07:30 (UTC)"],
    ["weekly mon 09:00 Europe/Berlin", "0 9 * * 1", "every Monday at 09:00 (Europe/Berlin)"],
    ["Weekly Friday 5pm america/new_york", "0 17 * * 5", "every Friday at 17:00 (America/New_York)"],
    ["monthly 15 08:00 Asia/Tokyo", "0 8 15 * *", "on day 15 of every month at 08:00 (Asia/Tokyo)"],
    [
      "monthly last 18:00 Europe/Berlin",
      "0 18 L * *",
      "on the last day of every month at 18:00 (Europe/Berlin)",
    ],
    [
      "monthly 31 18:00 Europe/Berlin",
      "0 18 L * *",
      "on the last day of every month at 18:00 (Europe/Berlin)",
    ],
    ["0 9 * * 1 Europe/Berlin", "0 9 * * 1", "every Monday at 09:00 (Europe/Berlin)"],
    ["cron 15 6 1,15 * * UTC", "15 6 1,15 * *", 'on cron "15 6 1,15 * *" (UTC)'],
  ])("reads %s", (text, cron, description) => {
    const r = parseSchedule(text);
    expect(r).toMatchObject({ ok: true, schedule: { cron }, description, question: null });
  });

  it("keeps the question after the schedule", () => {
    expect(parseSchedule("weekly mon 09:00 Europe/Berlin for 2M requests a month on gpt-4o")).toMatchObject({
      ok: true,
      schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
      question: "2M requests a month on gpt-4o",
    });
  });

  it("uses the caller's time zone when the text names none", () => {
    expect(parseSchedule("daily 09:00 for 1M requests", { defaultTimezone: "Europe/Paris" })).toMatchObject({
      ok: true,
      schedule: { timezone: "Europe/Paris" },
      question: "1M requests",
    });
  });

  it.each([
    ["weekly 09:00 UTC", /weekly needs a day, mon to sun/],
    ["daily 25:00 UTC", /needs a time such as 09:00/],
    ["monthly 30 09:00 UTC", /monthly 30 would skip February; say "monthly last"/],
    ["monthly 0 09:00 UTC", /1 to 31 or "last"/],
    ["daily 09:00 Mars/Olympus", /unknown time zone "Mars\/Olympus"/],
    ["daily 09:00", /add a time zone/],
    ["daily 09:00 UTC hello", /put "for" and a question/],
    ["* * * * * UTC", /more than once an hour/],
    ["0 0 30 2 * UTC", /never runs/],
    ["0 25 * * * UTC", /not a valid cron/],
    ["sometimes", /"sometimes" is not a schedule; try daily 09:00/],
  ])("refuses %s with a clear message", (text, message) => {
    const r = parseSchedule(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("checks stored schedules too", () => {
    expect(scheduleProblem({ cron: "0 9 * * 1", timezone: "Europe/Berlin" })).toBeNull();
    expect(scheduleProblem({ cron: "0 9 * * 1", timezone: "Europe/Nowhere" })).toMatch(/unknown time zone/);
    expect(describeSchedule({ cron: "0 9 L * *", timezone: "UTC" })).toBe(
      "on the last day of every month at 09:00 (UTC)",
    );
  });
});

describe("digest periods (croner, fixed instants)", () => {
  const weekly = { cron: "0 9 * * 1", timezone: "Europe/Berlin" };

  it("fires a weekly Monday 09:00 digest at 09:00 local across the March change (08:00Z, then 07:00Z)", () => {
    // CET is UTC+1 until Sunday 2026-03-29 02:00, CEST UTC+2 after.
    expect(runs(weekly, "2026-03-16T12:00:00Z", 3)).toEqual([
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
  });

  it("fires at 09:00 local across the October change (07:00Z, then 08:00Z)", () => {
    expect(runs(weekly, "2026-10-12T12:00:00Z", 3)).toEqual([
      "2026-10-19T07:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
      "2026-11-02T08:00:00.000Z",
    ]);
  });

  it("runs a daily 02:30 once on both change days: after the gap in March, the first 02:30 in October", () => {
    const daily = { cron: "30 2 * * *", timezone: "Europe/Berlin" };
    // 2026-03-29 02:30 does not exist: the first valid minute after the gap is 03:00 CEST (01:00Z).
    expect(runs(daily, "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
    // 2026-10-25 02:30 happens twice (CEST, then CET): the digest runs once, at the first.
    expect(runs(daily, "2026-10-24T00:00:00Z", 3)).toEqual([
      "2026-10-24T00:30:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });

  it("fires a monthly digest on the last day of each month, February and leap years included", () => {
    const monthEnd = { cron: "0 18 L * *", timezone: "Europe/Berlin" };
    expect(runs(monthEnd, "2026-01-15T00:00:00Z", 4)).toEqual([
      "2026-01-31T17:00:00.000Z",
      "2026-02-28T17:00:00.000Z",
      "2026-03-31T16:00:00.000Z",
      "2026-04-30T16:00:00.000Z",
    ]);
    expect(runs(monthEnd, "2028-02-01T00:00:00Z", 1)).toEqual(["2028-02-29T17:00:00.000Z"]);
  });

  it("names the period by the run's UTC instant, due from that instant on, not a millisecond before", () => {
    expect(latestRun(weekly, at("2026-03-30T06:59:59.999Z"))?.periodKey).toBe("2026-03-23T08:00:00.000Z");
    expect(latestRun(weekly, at("2026-03-30T07:00:00.000Z"))?.periodKey).toBe("2026-03-30T07:00:00.000Z");
    expect(latestRun(weekly, at("2026-04-02T12:00:00Z"))?.periodKey).toBe("2026-03-30T07:00:00.000Z");
  });

  it("collapses missed periods into the most recent one: three missed Mondays are one catch-up", () => {
    // Down from Sunday 2026-11-01 to Tuesday 2026-11-24: 11-02, 11-09, 11-16 and 11-23 were all missed.
    const run = latestRun(weekly, at("2026-11-24T10:00:00Z"), at("2026-11-01T12:00:00Z"));
    expect(run?.periodKey).toBe("2026-11-23T08:00:00.000Z");
  });

  it("owes nothing for runs before the subscription was made", () => {
    // Subscribed on Tuesday: Monday's run is not owed; next Monday's is.
    expect(latestRun(weekly, at("2026-11-24T12:00:00Z"), at("2026-11-24T09:00:00Z"))).toBeNull();
    expect(latestRun(weekly, at("2026-11-30T08:00:00Z"), at("2026-11-24T09:00:00Z"))?.periodKey).toBe(
      "2026-11-30T08:00:00.000Z",
    );
  });

  it("looks back on whole UTC days since the previous run, for the spend comparison", () => {
    expect(previousRun(weekly, at("2026-03-30T07:00:00Z"))?.toISOString()).toBe("2026-03-23T08:00:00.000Z");
    expect(spendWindow(weekly, at("2026-03-30T07:00:00Z"))).toEqual({
      start: at("2026-03-23T00:00:00Z"),
      end: at("2026-03-30T00:00:00Z"),
      days: 7,
    });
    const hourly = { cron: "0 * * * *", timezone: "UTC" };
    expect(spendWindow(hourly, at("2026-03-30T07:00:00Z")).days).toBe(1);
    expect(localDay(at("2026-03-29T23:30:00Z"), "Europe/Berlin")).toBe("2026-03-30");
  });
});
