import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { App } from "@slack/bolt";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { WEB_API_SCOPES } from "../src/channels/slack/api.js";
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

const manifest = ManifestSchema.parse(parse(await readFile("manifests/slack/manifest.yaml", "utf8")));

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

/** Web API methods named in src/channels/slack, read from the source (wrappers expanded). */
async function methodsCalled(): Promise<Set<string>> {
  const entries = await readdir("src/channels/slack", { withFileTypes: true, recursive: true });
  const found = new Set<string>();
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith(".ts") || e.name.endsWith(".test.ts")) continue;
    const text = await readFile(join(e.parentPath, e.name), "utf8");
    for (const m of text.matchAll(
      /client\.((?:assistant\.threads|chat|views|users|conversations|files|auth)\.\w+)\(/g,
    ))
      found.add(m[1] as string);
    if (/client\.filesUploadV2\(/.test(text)) {
      found.add("files.getUploadURLExternal");
      found.add("files.completeUploadExternal");
    }
    if (/client\.chatStream\(/.test(text))
      for (const s of ["start", "append", "stop"]) found.add(`chat.${s}Stream`);
  }
  // Bolt calls auth.test itself when the app initializes (the bot's own ids, to ignore its messages).
  found.add("auth.test");
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

  it("enables interactivity for the buttons and the form, the Home tab, and Socket Mode", () => {
    expect(r.interactive).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(r.events.includes("app_home_opened"));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.assistant_view !== undefined).toBe(r.assistant);
  });

  it("calls only Web API methods whose scopes it knows, and knows none it does not call", async () => {
    expect([...(await methodsCalled())].sort()).toEqual(Object.keys(WEB_API_SCOPES).sort());
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
