import type { ServerResponse } from "node:http";
import { type LoopbackFake, type Received, type Reply, startLoopback } from "./loopback.js";

/**
 * OpenAI's organization costs API on loopback, in its wire format: `GET /v1/organization/costs` with
 * `start_time` (inclusive), `end_time` (exclusive), `bucket_width=1d`, `limit` buckets a page and a
 * `page` cursor; it answers `{ object: "page", data: [bucket], has_more, next_page }`, each bucket
 * `{ object: "bucket", start_time, end_time, results: [{ object: "organization.costs.result",
 * amount: { value, currency }, line_item, project_id }] }`; `project_ids` keeps only those projects'
 * costs. A wrong key gets OpenAI's 401 body.
 * Queue `{ kind: "text", text }` to answer a raw body instead, or `{ kind: "error", status }`.
 * @see https://platform.openai.com/docs/api-reference/usage/costs
 */

export interface CostDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  usd: number | string;
  currency?: string;
  /** The project the cost belongs to; `project_ids` filters on it as OpenAI does. */
  projectId?: string;
}

export interface CostsFake extends LoopbackFake {
  /** The organization's daily costs; days without an entry are empty buckets. */
  days: CostDay[];
  /** At most this many buckets a page whatever `limit` asks (the server decides, as OpenAI's may). */
  pageSize: number;
  /** The admin key the fake accepts. */
  readonly adminKey: string;
  /** The `GET /organization/costs` requests received, as parsed query strings. */
  queries(): URLSearchParams[];
}

const DAY_S = 86_400;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const openAiError = (message: string, type: string, code: string | null) => ({
  error: { message, type, param: null, code },
});

export async function startCostsFake(adminKey = "sk-admin-test-key-0123456789"): Promise<CostsFake> {
  let self: CostsFake | undefined;
  const handle = (r: Received, reply: Reply, res: ServerResponse) => {
    const url = new URL(r.path, "http://fake");
    if (r.method !== "GET" || url.pathname !== "/v1/organization/costs")
      return json(res, 404, openAiError("Unknown path", "invalid_request_error", null));
    if (reply.kind === "hang") return;
    if (reply.kind === "error")
      return json(res, reply.status, openAiError(reply.message ?? "error", "server_error", null));
    if (reply.kind === "text" && reply.text !== "") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(reply.text);
      return;
    }
    if (r.headers.authorization !== `Bearer ${adminKey}`)
      return json(
        res,
        401,
        openAiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
      );
    const start = Number(url.searchParams.get("start_time"));
    const end = Number(url.searchParams.get("end_time") ?? start + 7 * DAY_S);
    const limit = Number(url.searchParams.get("limit") ?? 7);
    const offset = Number((url.searchParams.get("page") ?? "page_0").replace("page_", ""));
    if (
      !Number.isFinite(start) ||
      !(limit >= 1 && limit <= 180) ||
      !(url.searchParams.get("bucket_width") ?? "1d")
    )
      return json(res, 400, openAiError("Invalid parameters", "invalid_request_error", null));
    // The SDK sends arrays as project_ids[]=a&project_ids[]=b; a plain project_ids is read too.
    const projects = [...url.searchParams.getAll("project_ids[]"), ...url.searchParams.getAll("project_ids")];
    const buckets = [];
    for (let t = start; t < end; t += DAY_S) {
      const day = new Date(t * 1000).toISOString().slice(0, 10);
      const entries = (self?.days ?? []).filter(
        (d) =>
          d.day === day &&
          (projects.length === 0 || (d.projectId !== undefined && projects.includes(d.projectId))),
      );
      buckets.push({
        object: "bucket",
        start_time: t,
        end_time: t + DAY_S,
        results: entries.map((e) => ({
          object: "organization.costs.result",
          amount: { value: e.usd, currency: e.currency ?? "usd" },
          line_item: null,
          project_id: e.projectId ?? null,
        })),
      });
    }
    const size = Math.min(limit, self?.pageSize ?? limit);
    const page = buckets.slice(offset, offset + size);
    const more = offset + size < buckets.length;
    json(res, 200, {
      object: "page",
      data: page,
      has_more: more,
      next_page: more ? `page_${offset + size}` : null,
    });
  };
  const fake = await startLoopback(handle, { kind: "text", text: "" });
  self = Object.assign(fake, {
    adminKey,
    days: [] as CostDay[],
    pageSize: 180,
    queries: () =>
      fake.received
        .filter((r) => r.path.startsWith("/v1/organization/costs"))
        .map((r) => new URL(r.path, "http://fake").searchParams),
  });
  return self;
}
