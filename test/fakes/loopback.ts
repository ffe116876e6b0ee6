import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request a fake received: enough for tests to assert what the SDK sent. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

/** What a fake does with the next request. */
export type Reply =
  /** Answers with this text: JSON, or streamed in pieces when the request asks to stream. */
  | { kind: "text"; text: string; usage?: { input: number; output: number }; pieces?: number }
  /** An HTTP error in the provider's own error format, with headers such as Retry-After. */
  | { kind: "error"; status: number; message?: string; headers?: Record<string, string> }
  /** Accepts the request and never answers. */
  | { kind: "hang" }
  /** Streams the first pieces of the text, then drops the connection. */
  | { kind: "break"; text: string; pieces?: number };

export interface LoopbackFake {
  /** The server's root, e.g. http://127.0.0.1:49152. */
  readonly url: string;
  readonly received: Received[];
  /** Replies for the next requests, in order; after them `fallback` answers. */
  queue(...replies: Reply[]): void;
  fallback: Reply;
  close(): Promise<void>;
}

export type Handler = (req: Received, reply: Reply, res: ServerResponse) => void;

/** Splits a text into `n` pieces at word boundaries, as a model's tokens arrive. */
export function pieces(text: string, n = 6): string[] {
  const words = text.split(/(?<=\s)/);
  const size = Math.max(1, Math.ceil(words.length / n));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(""));
  return out;
}

/** Rough token count (4 characters a token), for usage figures the fakes report. */
export const roughTokens = (s: string): number => Math.max(1, Math.ceil(s.length / 4));

/** An HTTP server on 127.0.0.1 and a free port, replying from a queue; sockets are destroyed on close. */
export async function startLoopback(handle: Handler, fallback: Reply): Promise<LoopbackFake> {
  const received: Received[] = [];
  const replies: Reply[] = [];
  const sockets = new Set<Socket>();
  const fake = { fallback } as { fallback: Reply };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const r: Received = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      };
      received.push(r);
      handle(r, replies.shift() ?? fake.fallback, res);
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    received,
    queue: (...r: Reply[]) => {
      replies.push(...r);
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
