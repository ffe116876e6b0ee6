import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { App } from "@slack/bolt";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { WEB_API_SCOPES } from "../src/channels/slack/api.js";
import { SLACK_EVENTS_PATH } from "../src/channels/slack/app.js";
import type { AdvisorApp } from "../src/channels/slack/context.js";
import { registerListeners } from "../src/channels/slack/listeners/index.js";

/** manifests/slack/manifest.yaml against the code, both ways: declared ⇔ handled, scopes ⇔ calls. */

const ManifestSchema = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean() }),
    slash_commands: z.array(z.object({ command: z.string() })),
    assistant_view: z.object({ assistant_description: z.string() }).optional(),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifestText = await readFile("manifests/slack/manifest.yaml", "utf8");
const manifest = ManifestSchema.parse(parse(manifestText));

/** The same app in HTTP mode, as the manifest's comments say to make it: every request URL set. */
const HttpManifestSchema = z.object({
  features: z.object({ slash_commands: z.array(z.object({ command: z.string(), url: z.string() })) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string() }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: z.string() }),
    socket_mode_enabled: z.literal(false),
  }),
});

/** The scope each event subscription needs, as Slack's event reference lists it. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ["app_mentions:read"],
  assistant_thread_started: ["assistant:write"],
  assistant_thread_context_changed: ["assistant:write"],
  "message.channels": ["channels:history"],
  "message.groups": ["groups:history"],
  "message.im": ["im:history"],
};

/** What registerListeners registers on a real Bolt App (spied on, calling through). */
function registered() {
  const app = new App({ token: "xoxb-manifest-test-0000", signingSecret: "s", deferInitialization: true });
  const spies = {
    command: vi.spyOn(app, "command"),
    event: vi.spyOn(app, "event"),
    message: vi.spyOn(app, "message"),
    action: vi.spyOn(app, "action"),
    view: vi.spyOn(app, "view"),
    assistant: vi.spyOn(app, "assistant"),
  };
  registerListeners(app as unknown as AdvisorApp);
  const names = (calls: unknown[][]) => calls.map((c) => String(c[0]));
  return {
    commands: names(spies.command.mock.calls),
    events: names(spies.event.mock.calls),
    messageListeners: spies.message.mock.calls.length,
    interactive: spies.action.mock.calls.length + spies.view.mock.calls.length,
    assistant: spies.assistant.mock.calls.length > 0,
  };
}

/** The Web API's method families, as the SDK names them (`client.chat.postMessage`, `x.assistant.threads.setStatus`). */
const FAMILIES =
  "assistant\\.threads|chat|views|users|conversations|files|auth|reactions|pins|bookmarks|team|usergroups|reminders|dnd|emoji|search|stars";

/** The source files of the Slack surface (tests aside). */
async function slackSources(): Promise<Array<{ name: string; text: string }>> {
  const entries = await readdir("src/channels/slack", { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"));
  return Promise.all(
    files.map(async (e) => ({ name: e.name, text: await readFile(join(e.parentPath, e.name), "utf8") })),
  );
}

/**
 * Web API methods called in src/channels/slack, read from the source: any `<receiver>.<family>.<method>(`
 * (the SlackApi wrapper's `this.client…`, a start-up client's `client…`), `apiCall("…")`, and the
 * SDK helpers that call several methods (files.uploadV2, chat streaming), expanded.
 */
async function methodsCalled(): Promise<Set<string>> {
  const found = new Set<string>();
  const call = new RegExp(`\\.((?:${FAMILIES})\\.\\w+)\\(`, "g");
  for (const { text } of await slackSources()) {
    for (const m of text.matchAll(call)) found.add(m[1] as string);
    for (const m of text.matchAll(/\.apiCall\(\s*["'`]([\w.]+)["'`]/g)) found.add(m[1] as string);
    if (/\.filesUploadV2\(/.test(text)) {
      found.add("files.getUploadURLExternal");
      found.add("files.completeUploadExternal");
    }
    if (/\.chatStream\(/.test(text))
      for (const s of ["start", "append", "stop"]) found.add(`chat.${s}Stream`);
  }
  return found;
}

describe("the Slack manifest", () => {
  const r = registered();
  const declaredEvents = manifest.settings.event_subscriptions.bot_events;

  it("declares every slash command handled, and handles every one declared", () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...r.commands].sort());
  });

  it("subscribes to every event handled, and handles every event subscribed", () => {
    const handled = new Set<string>(r.events);
    if (r.messageListeners > 0)
      for (const m of ["message.channels", "message.groups", "message.im"]) handled.add(m);
    if (r.assistant)
      for (const e of ["assistant_thread_started", "assistant_thread_context_changed", "message.im"])
        handled.add(e);
    expect([...declaredEvents].sort()).toEqual([...handled].sort());
  });

  it("enables interactivity for the buttons and the form, the Home tab, and Socket Mode as written", () => {
    expect(r.interactive).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(r.events.includes("app_home_opened"));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.assistant_view !== undefined).toBe(r.assistant);
  });

  it("documents HTTP mode: its commented lines make a manifest with every request URL at the app's route", () => {
    // What the header comment says to do: turn Socket Mode off and uncomment the "# HTTP mode:" lines.
    const commented = [...manifestText.matchAll(/^(\s+)# HTTP mode: (\w+: \S+)$/gm)];
    expect(commented).toHaveLength(3);
    const http = HttpManifestSchema.parse(
      parse(
        manifestText
          .replace(/^(\s+)# HTTP mode: (\w+: \S+)$/gm, "$1$2")
          .replace("socket_mode_enabled: true", "socket_mode_enabled: false"),
      ),
    );
    const urls = [
      http.settings.event_subscriptions.request_url,
      http.settings.interactivity.request_url,
      ...http.features.slash_commands.map((c) => c.url),
    ];
    expect(urls).toEqual([1, 2, 3].map(() => `https://<host>${SLACK_EVENTS_PATH}`));
  });

  it("calls only Web API methods whose scopes it knows, and knows none it does not call", async () => {
    expect([...(await methodsCalled())].sort()).toEqual(Object.keys(WEB_API_SCOPES).sort());
  });

  it("counts each SlackApi call's errors under the method it really calls", async () => {
    // `this.call("chat.update", () => this.client.chat.update(…))`: the label must be the method.
    const api = (await slackSources()).find((f) => f.name === "api.ts")?.text ?? "";
    const pairs = [
      ...api.matchAll(/this\.call\("([\w.]+)",\s*\(\)\s*=>\s*(?:\w+\s*\?\s*)?this\.client\.([\w.]+)\(/g),
    ];
    expect(pairs.length).toBeGreaterThan(10);
    // The SDK's helper is labelled by its documented name: filesUploadV2 is "files.uploadV2".
    const name = (m: string) => m.replace(/\./g, "").toLowerCase();
    for (const [, label = "", method = ""] of pairs) expect(name(label)).toBe(name(method));
  });

  it("asks for exactly the bot scopes its calls, events and commands need", () => {
    const needed = new Set<string>([
      ...Object.values(WEB_API_SCOPES).flat(),
      ...declaredEvents.flatMap((e) => EVENT_SCOPES[e] ?? [`unknown event ${e}`]),
      ...(manifest.features.slash_commands.length > 0 ? ["commands"] : []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
