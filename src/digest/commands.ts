import { advise } from "../domain/advise.js";
import type { Catalog } from "../domain/catalog/catalog.js";
import { formatCompact, formatCount } from "../domain/format.js";
import type { Profile } from "../domain/profile.js";
import type { ChannelKey, Store, Subscription, ThreadKey } from "../store/index.js";
import { understand } from "../understanding/index.js";
import { followedProfile } from "./compose-for.js";
import { localDay, nextRun } from "./periods.js";
import { describeSchedule, parseSchedule } from "./schedule.js";

/**
 * `digest …` from chat, the same words on every surface: subscribe the channel (`digest weekly mon
 * 09:00 Europe/Berlin [for <question>]`), `digest list`, `digest off <id>`, and the Subscribe button.
 * Surfaces translate their payloads into a `DigestCommand` and render the `DigestReply`; whether the
 * actor belongs to the channel is the surface's to find out and this module's to enforce.
 */

export interface DigestCommandDeps {
  store: Pick<Store, "subscriptions" | "threads" | "deliveries">;
  catalog: Catalog;
  now: () => Date;
  /** Used when the command names no time zone and the surface knows none for the user. */
  defaultTimezone?: string;
}

export interface DigestActor {
  userId: string;
  /** Only members of a channel may change its digests. */
  isChannelMember: boolean;
  /** The user's own time zone when the platform tells it (Slack's users.info `tz`). */
  timezone?: string | null;
}

export interface DigestCommand {
  channel: ChannelKey;
  actor: DigestActor;
  /** The words after "digest". */
  text: string;
  /** The thread the command was typed in, when it has one: its answer's Profile is the default. */
  thread?: ThreadKey | null;
}

export interface SubscriptionLine {
  id: string;
  active: boolean;
  schedule: string;
  /** ISO instant of the next digest; null when the schedule never runs again or it is off. */
  nextRunAt: string | null;
  profile: string;
  lastPostedAt: string | null;
}

export type RefusalCode = "not-a-member" | "bad-schedule" | "no-profile" | "bad-question" | "not-found";

export type DigestReply =
  | {
      kind: "subscribed";
      /** False when the same answer was already subscribed here: its schedule was replaced. */
      created: boolean;
      from: "question" | "answer" | "thread" | "latest-answer";
      subscription: SubscriptionLine;
    }
  | { kind: "list"; subscriptions: SubscriptionLine[] }
  | { kind: "stopped"; subscription: SubscriptionLine }
  | { kind: "help"; text: string }
  | { kind: "refused"; code: RefusalCode; message: string };

export const DIGEST_HELP = [
  "Digests post this channel's LLM costs on a schedule:",
  "  digest weekly mon 09:00 Europe/Berlin        (also daily, weekdays, monthly 1-31 or last, or a cron: 0 9 * * 1 Europe/Berlin)",
  "  digest weekly mon 09:00 Europe/Berlin for 2M requests a month on gpt-4o",
  "  digest list",
  "  digest off <id>",
  "Without a question, the digest follows the thread of the latest answer here (the thread it is typed in, else the channel's):",
  "a follow-up in that thread changes what the next digest prices. With a question, the workload stays as given.",
].join("\n");

const refuse = (code: RefusalCode, message: string): DigestReply => ({ kind: "refused", code, message });
const NOT_A_MEMBER = refuse("not-a-member", "Only members of this channel can change its digests.");

/** "2M requests a month, 500 in / 200 out tokens, gpt-4o-mini, hipaa". */
export function profileSummary(p: Profile): string {
  const parts: string[] = [];
  if (p.callsPerMonth !== undefined) parts.push(`${formatCompact(p.callsPerMonth)} calls a month`);
  if (p.requestsPerMonth !== undefined) parts.push(`${formatCompact(p.requestsPerMonth)} requests a month`);
  else if (p.requestsPerDay !== undefined) parts.push(`${formatCompact(p.requestsPerDay)} requests a day`);
  if (p.inputTokensPerRequest !== undefined || p.outputTokensPerRequest !== undefined)
    parts.push(
      `${formatCount(p.inputTokensPerRequest ?? 0)} in / ${formatCount(p.outputTokensPerRequest ?? 0)} out tokens`,
    );
  if (p.currentModel) parts.push(`on ${p.currentModel}`);
  if (p.compliance && p.compliance.length > 0) parts.push(p.compliance.join(", "));
  return parts.length > 0 ? parts.join(", ") : "the default workload";
}

async function line(deps: DigestCommandDeps, s: Subscription): Promise<SubscriptionLine> {
  const next = s.active ? nextRun(s.schedule, deps.now()) : null;
  const last = await deps.store.deliveries.lastPosted(s.id);
  return {
    id: s.id,
    active: s.active,
    schedule: describeSchedule(s.schedule),
    nextRunAt: next?.toISOString() ?? null,
    profile: profileSummary(await followedProfile(deps.store, s)),
    lastPostedAt: last?.updatedAt.toISOString() ?? null,
  };
}

/**
 * The answer a subscription without a question follows: the thread's latest when typed in a thread,
 * else the channel's most recent, whoever asked it. The subscription keeps the answer's id and
 * follows that thread from then on (compose-for.ts, followedProfile).
 */
async function latestProfile(
  deps: DigestCommandDeps,
  cmd: DigestCommand,
): Promise<{ profile: Profile; answerId: string; from: "thread" | "latest-answer" } | null> {
  if (cmd.thread) {
    const t = await deps.store.threads.getThread(cmd.thread);
    if (t) return { profile: t.profile, answerId: t.latestAnswerId, from: "thread" };
  }
  const here = await deps.store.threads.latestInChannel(cmd.channel);
  return here ? { profile: here.profile, answerId: here.id, from: "latest-answer" } : null;
}

/** A Profile the engine can price today, or why not. */
function priceable(deps: DigestCommandDeps, profile: Profile): string | null {
  const r = advise(profile, deps.catalog, { today: localDay(deps.now(), "UTC") });
  return r.ok ? null : r.error.map((i) => i.message).join("; ");
}

async function subscribe(
  deps: DigestCommandDeps,
  cmd: DigestCommand,
  scheduleText: string,
): Promise<DigestReply> {
  if (!cmd.actor.isChannelMember) return NOT_A_MEMBER;
  const parsed = parseSchedule(scheduleText, {
    defaultTimezone: cmd.actor.timezone ?? deps.defaultTimezone,
  });
  if (!parsed.ok) return refuse("bad-schedule", parsed.message);
  let target: { profile: Profile; answerId: string | null; from: "question" | "thread" | "latest-answer" };
  if (parsed.question) {
    const u = understand(parsed.question, deps.catalog);
    if (u.kind !== "advice")
      return refuse(
        "bad-question",
        u.kind === "invalid"
          ? u.problems.join("; ")
          : 'After "for", ask a costing question, e.g. 2M requests a month on gpt-4o.',
      );
    target = { profile: u.profile, answerId: null, from: "question" };
  } else {
    const latest = await latestProfile(deps, cmd);
    if (!latest)
      return refuse(
        "no-profile",
        'There is no answer in this channel to follow yet: ask a question first, or add one after the schedule ("… for 2M requests a month on gpt-4o").',
      );
    target = latest;
  }
  const problem = priceable(deps, target.profile);
  if (problem) return refuse("bad-question", `That workload cannot be priced: ${problem}`);
  const { subscription, created } = await deps.store.subscriptions.create({
    channel: cmd.channel,
    profile: target.profile,
    answerId: target.answerId,
    schedule: parsed.schedule,
    createdBy: cmd.actor.userId,
  });
  return { kind: "subscribed", created, from: target.from, subscription: await line(deps, subscription) };
}

/** The shortest start of an id a person may type instead of the whole id. */
export const MIN_ID_PREFIX = 6;

export type PickedSubscription<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "not-found" | "too-short" | "ambiguous"; matches: number };

/**
 * Which subscription a typed id means, the same for `digest off` and `llm-advise digest preview`:
 * the exact id, else the one id starting with at least MIN_ID_PREFIX typed characters.
 */
export function pickSubscription<T extends { id: string }>(
  candidates: readonly T[],
  typed: string,
): PickedSubscription<T> {
  const exact = candidates.find((s) => s.id === typed);
  if (exact) return { ok: true, value: exact };
  const matches = candidates.filter((s) => s.id.startsWith(typed));
  if (matches.length === 0) return { ok: false, reason: "not-found", matches: 0 };
  if (typed.length < MIN_ID_PREFIX) return { ok: false, reason: "too-short", matches: matches.length };
  if (matches.length > 1) return { ok: false, reason: "ambiguous", matches: matches.length };
  return { ok: true, value: matches[0] as T };
}

/** Why a typed id picked nothing, in one line; `where` is "in this channel" or empty. */
export function pickProblem(
  typed: string,
  picked: { reason: string; matches: number },
  where: string,
): string {
  const place = where ? ` ${where}` : "";
  if (picked.reason === "too-short")
    return `"${typed}" is too short to name one digest; give at least ${MIN_ID_PREFIX} characters of the id`;
  if (picked.reason === "ambiguous")
    return `"${typed}" matches ${picked.matches} digests${place}; give more of the id`;
  return `No digest "${typed}"${place}; digest list shows the ids`;
}

/** `digest off <id>`: the id as listed, or a unique prefix of at least 6 characters. */
async function stop(
  deps: DigestCommandDeps,
  cmd: DigestCommand,
  id: string | undefined,
): Promise<DigestReply> {
  if (!cmd.actor.isChannelMember) return NOT_A_MEMBER;
  if (!id)
    return refuse("not-found", "Say which digest to stop: digest off <id> (digest list shows the ids).");
  const { platform, workspaceId, channelId } = cmd.channel;
  const mine = await deps.store.subscriptions.list({ platform, workspaceId, channelId });
  const picked = pickSubscription(mine, id);
  if (!picked.ok) return refuse("not-found", `${pickProblem(id, picked, "in this channel")}.`);
  const found = picked.value;
  const updated = await deps.store.subscriptions.update(found.id, { active: false });
  if (!updated) return refuse("not-found", `Digest ${found.id} is gone already.`);
  return { kind: "stopped", subscription: await line(deps, updated) };
}

/** Everything typed after "digest". */
export async function handleDigestCommand(deps: DigestCommandDeps, cmd: DigestCommand): Promise<DigestReply> {
  const words = cmd.text.trim().split(/\s+/).filter(Boolean);
  const verb = (words[0] ?? "").toLowerCase();
  if (verb === "" || verb === "help") return { kind: "help", text: DIGEST_HELP };
  if (verb === "list") {
    const { platform, workspaceId, channelId } = cmd.channel;
    const subs = await deps.store.subscriptions.list({ platform, workspaceId, channelId });
    return { kind: "list", subscriptions: await Promise.all(subs.map((s) => line(deps, s))) };
  }
  if (verb === "off" || verb === "stop") return stop(deps, cmd, words[1]);
  return subscribe(deps, cmd, cmd.text);
}

/** The Subscribe button on an answer: that answer's Profile, weekly on Monday 09:00 unless told otherwise. */
export async function subscribeToAnswer(
  deps: DigestCommandDeps,
  input: { channel: ChannelKey; actor: DigestActor; answerId: string; schedule?: string },
): Promise<DigestReply> {
  if (!input.actor.isChannelMember) return NOT_A_MEMBER;
  const answer = await deps.store.threads.getAnswer(input.answerId);
  if (!answer) return refuse("no-profile", "That answer is no longer stored; ask the question again.");
  const parsed = parseSchedule(input.schedule ?? "weekly mon 09:00", {
    defaultTimezone: input.actor.timezone ?? deps.defaultTimezone ?? "UTC",
  });
  if (!parsed.ok) return refuse("bad-schedule", parsed.message);
  const { subscription, created } = await deps.store.subscriptions.create({
    channel: input.channel,
    profile: answer.profile,
    answerId: answer.id,
    schedule: parsed.schedule,
    createdBy: input.actor.userId,
  });
  return { kind: "subscribed", created, from: "answer", subscription: await line(deps, subscription) };
}
