import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A loopback Socket Mode endpoint: the WebSocket URL that apps.connections.open hands out. It says
 * hello, sends envelopes (slash commands, events) and records the acks, in Slack's wire format, over
 * a minimal RFC 6455 server (text frames, ping/pong, close) so no WebSocket package is needed.
 * @see https://docs.slack.dev/apis/events-api/using-socket-mode
 */

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  /** ws://127.0.0.1:<port>/link, for apps.connections.open to return. */
  readonly url: string;
  readonly acks: SocketAck[];
  /** Resolves once a client connected (and was sent hello). */
  connected(): Promise<void>;
  /** Sends an envelope to the connected client; resolves with its ack. */
  send(envelope: {
    envelope_id: string;
    type: string;
    payload: unknown;
    accepts_response_payload: boolean;
  }): Promise<SocketAck>;
  close(): Promise<void>;
}

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(len)]);
  return Buffer.concat([head, payload]);
}

function bigLength(len: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(len));
  return b;
}

/** Whole client frames (always masked) from the buffer; the rest waits for more bytes. */
function readFrames(buf: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  while (buf.length - at >= 2) {
    const opcode = (buf[at] as number) & 0x0f;
    let len = (buf[at + 1] as number) & 0x7f;
    let offset = at + 2;
    if (len === 126) {
      if (buf.length < offset + 2) break;
      len = buf.readUInt16BE(offset);
      offset += 2;
    } else if (len === 127) {
      if (buf.length < offset + 8) break;
      len = Number(buf.readBigUInt64BE(offset));
      offset += 8;
    }
    if (buf.length < offset + 4 + len) break;
    const mask = buf.subarray(offset, offset + 4);
    const payload = Buffer.from(buf.subarray(offset + 4, offset + 4 + len));
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
    frames.push({ opcode, payload });
    at = offset + 4 + len;
  }
  return { frames, rest: buf.subarray(at) };
}

export async function startFakeSocketMode(appId = "A0APP"): Promise<FakeSocketMode> {
  const acks: SocketAck[] = [];
  const events = new EventEmitter();
  const sockets = new Set<Socket>();
  let client: Socket | null = null;
  const server = createServer((_req, res) => {
    res.writeHead(426);
    res.end();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("upgrade", (req: IncomingMessage, socket: Socket) => {
    const key = String(req.headers["sec-websocket-key"] ?? "");
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    client = socket;
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const f of frames) {
        if (f.opcode === 0x1) {
          const ack = JSON.parse(f.payload.toString("utf8")) as SocketAck;
          acks.push(ack);
          events.emit(`ack:${ack.envelope_id}`, ack);
        } else if (f.opcode === 0x9) socket.write(frame(0xa, f.payload));
        else if (f.opcode === 0x8) {
          socket.end(frame(0x8, f.payload.subarray(0, 2)));
        }
      }
    });
    const hello = { type: "hello", num_connections: 1, connection_info: { app_id: appId }, debug_info: {} };
    socket.write(frame(0x1, Buffer.from(JSON.stringify(hello))));
    events.emit("connected");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    acks,
    connected: () =>
      client ? Promise.resolve() : new Promise((resolve) => events.once("connected", resolve)),
    send(envelope) {
      const socket = client;
      if (!socket) return Promise.reject(new Error("no Socket Mode client connected"));
      const acked = new Promise<SocketAck>((resolve) => events.once(`ack:${envelope.envelope_id}`, resolve));
      socket.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
      return acked;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      client?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
