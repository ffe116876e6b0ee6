import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from "./support/slack-app.js";
import {
  answerIdOf,
  askInChannel,
  clickButton,
  FORM,
  readable,
  sendEvent,
  validBlocks,
} from "./support/slack-flows.js";
import { APP_ID, interactionBody, sendSigned, TEAM } from "./support/slack-requests.js";
import { closeSharedStore, warmSharedStore } from "./support/slack-store.js";

/** The question form (modal) and the App Home tab. */

let h: SlackHarness | null = null;
beforeAll(warmSharedStore);
afterAll(closeSharedStore);
afterEach(async () => {
  await h?.close();
  h = null;
});

type Values = Record<string, Record<string, Record<string, unknown>>>;

const field = (value: string) => ({ value: { type: "plain_text_input", value } });
const choice = (value: string) => ({ value: { type: "static_select", selected_option: { value } } });

function submit(h: SlackHarness, values: Values, channelId: string | null = "C0GENERAL") {
  return sendSigned(
    h.eventsUrl,
    SIGNING_SECRET,
    interactionBody({
      type: "view_submission",
      team: { id: TEAM, domain: "fake" },
      user: { id: "U0ALICE", username: "alice", team_id: TEAM },
      api_app_id: APP_ID,
      token: "unused",
      trigger_id: "trigger-3",
      view: {
        id: "V0FORM",
        team_id: TEAM,
        type: "modal",
        callback_id: "question_modal",
        private_metadata: JSON.stringify({ channelId }),
        state: { values },
        hash: "h",
        blocks: [],
        title: { type: "plain_text", text: "LLM advisor" },
        app_id: APP_ID,
        bot_id: "B0BOT",
      },
      response_urls: [],
    }),
    FORM,
  );
}

describe("the question form", () => {
  it("keeps the form open with inline errors under the wrong fields", async () => {
    h = await startSlackHarness();
    const res = await submit(h, {
      volume: field("lots"),
      input_tokens: field("2.5"),
      current_model: field("gpt-4o-minnie"),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors).sort()).toEqual(["current_model", "input_tokens", "volume"]);
    expect(body.errors.volume).toContain("500k");
    expect(body.errors.current_model).toContain("gpt-4o-mini");
    expect(h.fake.callsOf("chat.postMessage")).toEqual([]);
  });

  it("closes on a valid submission and posts the answer where the form was opened", async () => {
    h = await startSlackHarness();
    const res = await submit(h, {
      use_case: choice("summarization"),
      volume: field("2M"),
      input_tokens: field("1500"),
      output_tokens: field("300"),
      compliance: { value: { type: "checkboxes", selected_options: [{ value: "hipaa" }] } },
      team: choice("small-devops"),
      customization: choice("none"),
      current_model: field("gpt-4o-mini"),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const update = await h.fake.waitFor("chat.update", (c) => c.reply?.ok === true);
    expect(update.args.channel).toBe("C0GENERAL");
    const stored = await h.store.threads.getAnswer(answerIdOf(validBlocks(update)));
    expect(stored?.profile).toMatchObject({
      useCase: "summarization",
      requestsPerMonth: 2_000_000,
      inputTokensPerRequest: 1500,
      outputTokensPerRequest: 300,
      compliance: ["hipaa"],
      team: "small-devops",
      customization: "none",
      currentModel: "gpt-4o-mini",
    });
    // HIPAA rules out the public APIs.
    expect(readable(update.args)).not.toContain("Verdict: Proprietary API");
  });

  it("from the Home tab, posts the answer in a direct message with the asker", async () => {
    h = await startSlackHarness();
    await submit(h, { volume: field("300k") }, null);
    const update = await h.fake.waitFor("chat.update", (c) => c.reply?.ok === true);
    expect(update.args.channel).toBe("D0ALICE");
  });
});

describe("App Home", () => {
  it("shows the user's recent answers, digests of channels they are in, and a button for the form", async () => {
    h = await startSlackHarness({ memberships: { U0ALICE: ["C0GENERAL"] } });
    const a = await askInChannel(h, "500k requests a month, on gpt-4o-mini");
    await clickButton(h, { channel: a.channel, messageTs: a.ts }, a.answerId, "subscribe", "U0ALICE");
    await h.fake.waitFor("chat.postMessage", (c) => readable(c.args).includes("digest"));
    // A digest in a channel Alice is not in stays off her Home tab.
    const [sub] = await h.store.subscriptions.list({ platform: "slack", workspaceId: TEAM });
    await h.store.subscriptions.create({
      channel: { platform: "slack", workspaceId: TEAM, channelId: "C0ELSEWHERE" },
      profile: sub?.profile ?? {},
      schedule: { cron: "0 9 * * 1", timezone: "UTC" },
      createdBy: "U0CAROL",
    });
    await sendEvent(h, {
      type: "app_home_opened",
      user: "U0ALICE",
      channel: "D0ALICE",
      tab: "home",
      event_ts: "1",
    });
    const publish = await h.fake.waitFor("views.publish");
    expect(publish.args.user_id).toBe("U0ALICE");
    const blocks = validBlocks(publish, "view");
    const text = readable({ blocks });
    expect(text).toContain("“500k requests a month, on gpt-4o-mini”");
    expect(text).toContain("<#C0GENERAL>: every Monday at 09:00 (UTC)");
    expect(text).not.toContain("C0ELSEWHERE");
    const button = blocks.find((b) => b.type === "actions");
    expect(button?.type === "actions" && button.elements[0]?.action_id).toBe("home:ask");
  });

  it("opens the question form from the Home tab's button", async () => {
    h = await startSlackHarness();
    await sendSigned(
      h.eventsUrl,
      SIGNING_SECRET,
      interactionBody({
        type: "block_actions",
        team: { id: TEAM, domain: "fake" },
        user: { id: "U0ALICE", username: "alice", team_id: TEAM },
        api_app_id: APP_ID,
        token: "unused",
        container: { type: "view", view_id: "V0HOME" },
        trigger_id: "trigger-home",
        view: { id: "V0HOME", type: "home", callback_id: "", team_id: TEAM },
        actions: [
          { type: "button", action_id: "home:ask", block_id: "home.actions", value: "ask", action_ts: "1" },
        ],
      }),
      FORM,
    );
    const open = await h.fake.waitFor("views.open");
    expect(open.args.trigger_id).toBe("trigger-home");
    expect(JSON.parse(String((open.args.view as { private_metadata: string }).private_metadata))).toEqual({
      channelId: null,
    });
  });
});
