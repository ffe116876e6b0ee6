import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DigestCommand,
  type DigestCommandDeps,
  handleDigestCommand,
  pickProblem,
  pickSubscription,
  subscribeToAnswer,
} from "../src/digest/commands.js";
import { digestReplyText } from "../src/digest/reply-text.js";
import { buildCatalog } from "../src/domain/catalog/catalog.js";
import {
  answerFor,
  FIRST_PROFILE,
  manualClock,
  newThread,
  pgliteHarness,
  type StoreHarness,
} from "../src/store/contract/harness.js";
import type { ChannelKey, Store, ThreadKey } from "../src/store/index.js";

/** The chat grammar against a real store (PGlite), at a fixed instant: Monday 2026-11-23 12:00 UTC. */

let h: StoreHarness;
let store: Store;
let deps: DigestCommandDeps;
const clock = manualClock("2026-11-23T12:00:00Z");

beforeAll(async () => {
  h = await pgliteHarness();
  store = await h.open({ clock: clock.now });
  deps = { store, catalog: buildCatalog({ pricesAt: clock.now() }), now: clock.now, defaultTimezone: "UTC" };
});
afterAll(() => h.dispose());

const channelOf = (t: ThreadKey): ChannelKey => ({
  platform: t.platform,
  workspaceId: t.workspaceId,
  channelId: t.channelId,
});
const ada = { userId: "U0ADA", isChannelMember: true };
const command = (channel: ChannelKey, text: string, extra: Partial<DigestCommand> = {}): DigestCommand => ({
  channel,
  actor: ada,
  text,
  ...extra,
});
async function answered(thread: ThreadKey, profile = FIRST_PROFILE, userId = ada.userId) {
  return store.threads.saveAnswer({ thread, userId, profile, advice: answerFor(profile) });
}

describe("digest commands", () => {
  it("subscribes the channel to a question given after the schedule", async () => {
    const channel = channelOf(newThread());
    const reply = await handleDigestCommand(
      deps,
      command(channel, "weekly mon 09:00 Europe/Berlin for 2M requests a month on gpt-4o"),
    );
    expect(reply).toMatchObject({
      kind: "subscribed",
      created: true,
      from: "question",
      subscription: {
        active: true,
        schedule: "every Monday at 09:00 (Europe/Berlin)",
        // Monday 2026-11-23 09:00 Berlin has passed at 12:00 UTC: the first digest is next Monday's.
        nextRunAt: "2026-11-30T08:00:00.000Z",
        profile: "2M requests a month, on gpt-4o",
        lastPostedAt: null,
      },
    });
    if (reply.kind !== "subscribed") throw new Error(reply.kind);
    const stored = await store.subscriptions.get(reply.subscription.id);
    expect(stored).toMatchObject({
      channel,
      schedule: { cron: "0 9 * * 1", timezone: "Europe/Berlin" },
      profile: { requestsPerMonth: 2_000_000, currentModel: "gpt-4o" },
      createdBy: ada.userId,
      answerId: null,
    });
    expect(digestReplyText(reply)).toBe(
      `Subscribed this channel to the question you gave (2M requests a month, on gpt-4o), every Monday at 09:00 (Europe/Berlin). First digest: 2026-11-30 08:00 UTC. Stop it with: digest off ${reply.subscription.id}`,
    );
  });

  it("follows the channel's latest answer, whoever asked it, when no question is given", async () => {
    const thread = newThread();
    const elsewhere = newThread();
    await answered(thread, { ...FIRST_PROFILE, requestsPerMonth: 500_000 });
    clock.advance(1000);
    // Bob's answer in another thread of the same channel is the newest here; Ada's elsewhere is newer still.
    const here = await answered(
      { ...thread, threadId: "1732353600.bob" },
      { ...FIRST_PROFILE, requestsPerMonth: 750_000 },
      "U0BOB",
    );
    clock.advance(1000);
    await answered(
      { ...elsewhere, workspaceId: thread.workspaceId },
      { ...FIRST_PROFILE, requestsPerMonth: 9_000_000 },
    );
    const reply = await handleDigestCommand(
      deps,
      command(channelOf(thread), "monthly last 18:00 Europe/Berlin"),
    );
    expect(reply).toMatchObject({
      kind: "subscribed",
      from: "latest-answer",
      subscription: {
        schedule: "on the last day of every month at 18:00 (Europe/Berlin)",
        nextRunAt: "2026-11-30T17:00:00.000Z",
      },
    });
    if (reply.kind !== "subscribed") throw new Error(reply.kind);
    expect(await store.subscriptions.get(reply.subscription.id)).toMatchObject({
      answerId: here.id,
      profile: { requestsPerMonth: 750_000 },
    });
  });

  it("uses the thread's answer when typed in a thread, and the user's own time zone when none is named", async () => {
    const thread = newThread();
    await answered(thread, { ...FIRST_PROFILE, requestsPerMonth: 123_000 });
    const reply = await handleDigestCommand(
      deps,
      command(channelOf(thread), "daily 07:30", {
        thread,
        actor: { ...ada, userId: "U0BOB", timezone: "Asia/Tokyo" },
      }),
    );
    expect(reply).toMatchObject({
      kind: "subscribed",
      from: "thread",
      subscription: {
        schedule: "every day at 07:30 (Asia/Tokyo)",
        profile: expect.stringContaining("123K requests"),
      },
    });
  });

  it("refuses clearly: no answer to follow, a bad schedule, a question it cannot read", async () => {
    const channel = channelOf(newThread());
    expect(await handleDigestCommand(deps, command(channel, "weekly mon 09:00 UTC"))).toMatchObject({
      kind: "refused",
      code: "no-profile",
    });
    expect(await handleDigestCommand(deps, command(channel, "fortnightly 09:00 UTC"))).toMatchObject({
      kind: "refused",
      code: "bad-schedule",
      message: expect.stringContaining('"fortnightly" is not a schedule'),
    });
    expect(
      await handleDigestCommand(deps, command(channel, "daily 09:00 UTC for 0 input and 0 output tokens")),
    ).toMatchObject({ kind: "refused", code: "bad-question" });
    expect(await store.subscriptions.list({ ...channel })).toEqual([]);
  });

  it("lets only members of the channel change its digests", async () => {
    const thread = newThread();
    await answered(thread);
    const channel = channelOf(thread);
    const outsider = { userId: "U0EVE", isChannelMember: false };
    const refused = await handleDigestCommand(deps, command(channel, "daily 09:00 UTC", { actor: outsider }));
    expect(refused).toEqual({
      kind: "refused",
      code: "not-a-member",
      message: "Only members of this channel can change its digests.",
    });
    const made = await handleDigestCommand(deps, command(channel, "daily 09:00 UTC"));
    if (made.kind !== "subscribed") throw new Error(made.kind);
    expect(
      await handleDigestCommand(deps, command(channel, `off ${made.subscription.id}`, { actor: outsider })),
    ).toMatchObject({
      code: "not-a-member",
    });
    expect(
      await subscribeToAnswer(deps, { channel, actor: outsider, answerId: made.subscription.id }),
    ).toMatchObject({ code: "not-a-member" });
    // Reading the list changes nothing, so anyone who can type in the channel may.
    expect(await handleDigestCommand(deps, command(channel, "list", { actor: outsider }))).toMatchObject({
      kind: "list",
      subscriptions: [{ id: made.subscription.id, active: true }],
    });
    expect((await store.subscriptions.get(made.subscription.id))?.active).toBe(true);
  });

  it("lists the channel's digests and stops one by its id or a unique prefix", async () => {
    const thread = newThread();
    await answered(thread);
    const channel = channelOf(thread);
    const a = await handleDigestCommand(deps, command(channel, "daily 09:00 UTC"));
    clock.advance(1000); // the list is oldest first
    const b = await handleDigestCommand(
      deps,
      command(channel, "weekly fri 17:00 Europe/London for 1M requests"),
    );
    if (a.kind !== "subscribed" || b.kind !== "subscribed") throw new Error("not subscribed");
    const list = await handleDigestCommand(deps, command(channel, "list"));
    expect(list).toMatchObject({
      kind: "list",
      subscriptions: [
        {
          id: a.subscription.id,
          schedule: "every day at 09:00 (UTC)",
          nextRunAt: "2026-11-24T09:00:00.000Z",
        },
        {
          id: b.subscription.id,
          schedule: "every Friday at 17:00 (Europe/London)",
          nextRunAt: "2026-11-27T17:00:00.000Z",
        },
      ],
    });
    expect(digestReplyText(list)).toContain(`- ${a.subscription.id}: every day at 09:00 (UTC), for`);

    const other = channelOf(newThread());
    expect(await handleDigestCommand(deps, command(other, `off ${a.subscription.id}`))).toMatchObject({
      kind: "refused",
      code: "not-found",
    });
    const stopped = await handleDigestCommand(deps, command(channel, `off ${a.subscription.id.slice(0, 8)}`));
    expect(stopped).toMatchObject({
      kind: "stopped",
      subscription: { id: a.subscription.id, active: false, nextRunAt: null },
    });
    expect(digestReplyText(stopped)).toMatch(/^Stopped digest /);
    expect((await store.subscriptions.listActive()).map((s) => s.id)).not.toContain(a.subscription.id);
  });

  it("subscribes from an answer's button, weekly on Monday 09:00 in the user's zone, once however often pressed", async () => {
    const thread = newThread();
    const answer = await answered(thread, { ...FIRST_PROFILE, requestsPerMonth: 42_000 });
    const channel = channelOf(thread);
    const press = () =>
      subscribeToAnswer(deps, {
        channel,
        actor: { ...ada, timezone: "America/New_York" },
        answerId: answer.id,
      });
    const first = await press();
    expect(first).toMatchObject({
      kind: "subscribed",
      created: true,
      from: "answer",
      subscription: {
        schedule: "every Monday at 09:00 (America/New_York)",
        profile: expect.stringContaining("42K"),
      },
    });
    const again = await press();
    expect(again).toMatchObject({ kind: "subscribed", created: false });
    expect(await store.subscriptions.list({ ...channel })).toHaveLength(1);
    expect(await subscribeToAnswer(deps, { channel, actor: ada, answerId: "no-such-answer" })).toMatchObject({
      code: "no-profile",
    });
  });

  it("picks a digest by its whole id or a unique start of 6+ characters, and says why not otherwise", () => {
    const subs = [{ id: "abc123-one" }, { id: "abc123-two" }, { id: "def456-three" }];
    expect(pickSubscription(subs, "abc123-two")).toEqual({ ok: true, value: { id: "abc123-two" } });
    expect(pickSubscription(subs, "def456")).toEqual({ ok: true, value: { id: "def456-three" } });
    const ambiguous = pickSubscription(subs, "abc123");
    expect(ambiguous).toEqual({ ok: false, reason: "ambiguous", matches: 2 });
    if (!ambiguous.ok)
      expect(pickProblem("abc123", ambiguous, "in this channel")).toBe(
        '"abc123" matches 2 digests in this channel; give more of the id',
      );
    expect(pickSubscription(subs, "def")).toEqual({ ok: false, reason: "too-short", matches: 1 });
    expect(pickSubscription(subs, "zzz999")).toEqual({ ok: false, reason: "not-found", matches: 0 });
  });

  it("answers help with the grammar", async () => {
    const reply = await handleDigestCommand(deps, command(channelOf(newThread()), "help"));
    expect(reply.kind).toBe("help");
    expect(digestReplyText(reply)).toContain("digest weekly mon 09:00 Europe/Berlin");
  });
});
