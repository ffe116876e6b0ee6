import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNING_SECRET, startSlackHarness } from "../test/support/slack-app.js";
import { commandBody, signature } from "../test/support/slack-requests.js";
import { measure, type Row } from "./report.js";

/**
 * Slash commands on loopback: the signed request into Bolt (HTTP mode, ExpressReceiver on the
 * process's express app) until its ack arrives, beside a bare node:http server answering 200 to the
 * same request, measured in the same run. The answers (engine, template phraser, PGlite, the fake
 * Slack Web API) follow in the background, as in production; a second group waits for each answer.
 */

const FORM = "application/x-www-form-urlencoded";
const QUESTION = "500k requests a month, 800 in / 200 out tokens, HIPAA, no ML team, on gpt-4o-mini";

async function bare(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "0" });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Signs and posts a body as Slack would (the same client work for the baseline and the subject). */
async function send(url: string, body: string): Promise<void> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": FORM,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature(SIGNING_SECRET, ts, body),
    },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`bench request answered ${res.status}`);
}

export async function bench(): Promise<Row[]> {
  const h = await startSlackHarness();
  const baseline = await bare();
  let n = 0;
  const command = (text: string) =>
    commandBody({ text, channel: "C0BENCH", user: "U0BENCH", responseUrl: h.fake.responseUrl() });
  try {
    const acks = await measure("slack: slash command ack (loopback)", [
      ["baseline: bare node:http server, 200", () => send(baseline.url, command(QUESTION))],
      ["`/llm-advise help` (ack carries the reply)", () => send(h.eventsUrl, command("help"))],
      [
        "`/llm-advise <question>` (answer follows in background)",
        () => {
          n++;
          return send(h.eventsUrl, command(QUESTION));
        },
      ],
    ]);
    // Let the answers of the acked questions finish before timing whole answers.
    await h.fake.waitFor("chat.update", () => h.fake.callsOf("chat.update").length >= n, 600_000);
    const answered = await measure("slack: slash command answered (loopback)", [
      ["baseline: bare node:http server, 200", () => send(baseline.url, command(QUESTION))],
      [
        "`/llm-advise <question>` until the answer is posted (template phraser)",
        async () => {
          const before = h.fake.callsOf("chat.update").length;
          await send(h.eventsUrl, command(QUESTION));
          await h.fake.waitFor("chat.update", () => h.fake.callsOf("chat.update").length > before, 60_000);
        },
      ],
    ]);
    return [...acks, ...answered];
  } finally {
    await baseline.close();
    await h.close();
  }
}
