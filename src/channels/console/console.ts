import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ActionResult, Answered, Turn } from "../../conversation/conversation.js";
import {
  type DigestReply,
  digestReplyText,
  handleDigestCommand,
  subscribeToAnswer,
} from "../../digest/index.js";
import { ANSWER_ACTIONS } from "../../render/answer-actions.js";
import { answerView } from "../../render/answer-view.js";
import { conceptText, understoodLines } from "../../render/concept.js";
import { breakdownView, helpLines, planLines } from "../../render/detail-views.js";
import { adviceText } from "../../render/text.js";
import type { ThreadKey } from "../../store/index.js";
import type { Surface, SurfaceDeps } from "../surface.js";

/**
 * The local chat console: what `npm start` opens without Slack or Teams credentials. The same
 * conversation, store and phraser as the chat surfaces; the answer's buttons become numbers.
 * @see https://nodejs.org/api/readline.html
 */
export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Where break-even charts are saved as PNG files. */
  chartsDir: string;
  /** Remembers the current thread and its last answer, so a restart continues the conversation. */
  sessionFile: string;
  /** A person at a terminal (default: the input is a TTY): prompt and line history. */
  interactive?: boolean;
}

const USER = "console-user";
const CHANNEL = { platform: "console" as const, workspaceId: "local", channelId: "console" };
/** The console's one user belongs to its one channel, and may change its digests. */
const ACTOR = { userId: USER, isChannelMember: true, timezone: null };

/** The console's commands; `/digest …` (and `digest …`) takes the words of Slack's and Teams' digest command. */
export const CONSOLE_COMMANDS = ["/new", "/digests", "/digest", "/help", "/quit", "/exit"] as const;
type ConsoleCommand = (typeof CONSOLE_COMMANDS)[number];

const BANNER = [
  "llm-advisor console: ask which LLM to run and where, and what it costs.",
  "Follow-ups continue the thread. Commands: /new starts a new thread, /digests lists digest subscriptions, /help, /quit.",
  "Digests as in Slack and Teams: digest weekly mon 09:00 Europe/Berlin, digest list, digest off <id>.",
  "After an answer, type a number to press one of its buttons.",
];

export function createConsoleSurface(
  deps: SurfaceDeps,
  opts: ConsoleOptions,
): Surface & { done: Promise<void> } {
  let rl: Interface | null = null;
  let thread: ThreadKey = { ...CHANNEL, threadId: randomUUID() };
  let lastAnswerId: string | null = null;
  let queue: Promise<void> = Promise.resolve();
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => {
    finish = r;
  });
  const say = (text: string) => {
    opts.output.write(`${text}\n`);
  };
  const interactive = opts.interactive ?? (opts.input as { isTTY?: boolean }).isTTY === true;
  let closed = false;
  const prompt = () => {
    if (interactive && !closed) rl?.prompt();
  };

  async function showTurn(turn: Turn): Promise<void> {
    switch (turn.kind) {
      case "help":
        say(
          helpLines("")
            .map((l) => l.replace(/`/g, ""))
            .join("\n"),
        );
        return;
      case "rejected":
        say(`Sorry: ${turn.message}`);
        return;
      case "concept":
        say(conceptText(turn.concept));
        return;
      case "answer":
        await showAnswer(turn);
    }
  }

  async function showAnswer(a: Answered): Promise<void> {
    lastAnswerId = a.answer.id;
    await saveSession();
    if (a.change) say(`What changed: ${a.change}`);
    say(`Summary: ${a.summary.text}`);
    const read = understoodLines(a.understood, a.unused);
    if (read) say(read);
    say("");
    say(adviceText(answerView(a.answer.advice)));
    say("");
    say(ANSWER_ACTIONS.map((b, i) => `${i + 1}) ${b.label}`).join("   "));
  }

  async function showAction(r: ActionResult): Promise<void> {
    switch (r.kind) {
      case "rejected":
        say(`Sorry: ${r.message}`);
        return;
      case "breakdown":
        for (const s of breakdownView(r.answer.advice))
          say([s.title, ...s.lines.map((l) => `  ${l}`), `  Total: ${s.total}`].join("\n"));
        return;
      case "plan": {
        const p = planLines(r.answer.advice);
        say([p.title, ...p.lines.map((l) => `  ${l}`)].join("\n"));
        return;
      }
      case "chart": {
        await mkdir(opts.chartsDir, { recursive: true });
        const file = resolve(join(opts.chartsDir, `break-even-${r.answer.id}.png`));
        await writeFile(file, r.png);
        say(`${r.title}\nChart saved: ${file}`);
        return;
      }
      case "subscribe":
        sayDigest(
          await subscribeToAnswer(digestDeps, { channel: CHANNEL, actor: ACTOR, answerId: r.answer.id }),
        );
        return;
      case "what-if":
        await showTurn(r.turn);
    }
  }

  async function saveSession(): Promise<void> {
    await mkdir(dirname(opts.sessionFile), { recursive: true });
    await writeFile(opts.sessionFile, JSON.stringify({ threadId: thread.threadId, lastAnswerId }));
  }

  async function loadSession(): Promise<void> {
    try {
      const saved = JSON.parse(await readFile(opts.sessionFile, "utf8")) as {
        threadId?: unknown;
        lastAnswerId?: unknown;
      };
      if (typeof saved.threadId === "string") thread = { ...CHANNEL, threadId: saved.threadId };
      if (typeof saved.lastAnswerId === "string") lastAnswerId = saved.lastAnswerId;
    } catch {
      // No session yet (or an unreadable one): a new thread it is.
    }
  }

  const digestDeps = {
    store: deps.store,
    catalog: deps.catalog,
    now: deps.now,
    defaultTimezone: deps.digestTimezone,
  };
  const sayDigest = (reply: DigestReply) => say(digestReplyText(reply));

  /** `digest …` typed here: the same words, replies and rules as in Slack and Teams. */
  async function digest(rest: string): Promise<void> {
    sayDigest(await handleDigestCommand(digestDeps, { channel: CHANNEL, actor: ACTOR, text: rest, thread }));
  }

  /** What each command does; `/digest …` is matched apart, since it takes words after it. */
  const commands: Record<Exclude<ConsoleCommand, "/digest">, () => Promise<void>> = {
    "/quit": async () => rl?.close(),
    "/exit": async () => rl?.close(),
    "/new": async () => {
      thread = { ...CHANNEL, threadId: randomUUID() };
      lastAnswerId = null;
      await saveSession();
      say("New thread. Ask away.");
    },
    "/digests": () => digest("list"),
    "/help": () => showTurn({ kind: "help" }),
  };

  async function handle(line: string): Promise<void> {
    const text = line.trim();
    if (text === "") return;
    const command = Object.hasOwn(commands, text.toLowerCase())
      ? commands[text.toLowerCase() as keyof typeof commands]
      : undefined;
    if (command) return command();
    const digestWords = /^\/?digest(?:\s+(.*))?$/is.exec(text);
    if (digestWords) return digest(digestWords[1] ?? "");
    const unknown = /^\/[a-z][\w-]*/i.exec(text);
    if (unknown) return say(`unknown command ${unknown[0]}; /help lists them`);
    // A bare number picks a button of the last answer; it is never a question on its own.
    if (/^\d{1,3}$/.test(text)) {
      if (!lastAnswerId) return say("There is no answer to act on yet: ask a question first.");
      const choice = ANSWER_ACTIONS[Number(text) - 1];
      if (!choice) return say(`Choose 1–${ANSWER_ACTIONS.length}, or ask a question.`);
      return showAction(await deps.conversation.action(lastAnswerId, choice.id, { userId: USER }, "console"));
    }
    await showTurn(
      await deps.conversation.turn({ thread, userId: USER, text, keepQuestion: true }, "console"),
    );
  }

  return {
    name: "console",
    done,
    async start() {
      await loadSession();
      // A terminal gets line editing, history and a prompt; piped input gets neither, so output stays clean.
      rl = createInterface({ input: opts.input, output: opts.output, prompt: "> ", terminal: interactive });
      say(BANNER.join("\n"));
      if (lastAnswerId) say("Continuing your last thread; /new starts another.");
      prompt();
      // Lines are handled one at a time, in order, even when pasted or piped in at once.
      rl.on("line", (line) => {
        queue = queue
          .then(() => handle(line))
          .catch((error: unknown) => {
            deps.logger.error({ err: error }, "console turn failed");
            say("Sorry: something went wrong answering that; the details are in the log.");
          })
          .then(prompt);
      });
      rl.on("close", () => {
        closed = true;
        void queue.then(finish);
      });
    },
    async stop() {
      rl?.close();
      await queue;
      finish();
    },
  };
}
