import OpenAI, { APIConnectionError, APIError } from "openai";
import { z } from "zod";
import { Dec, dec, toJsonNumber, ZERO } from "../domain/money.js";
import type { SpendWindow } from "./periods.js";

/**
 * What OpenAI says the organization actually spent, for the digest to show beside its projection.
 * Every failure is an expected outcome with a note for the reader, never an exception: a digest
 * without the spend section still goes out.
 * @see https://platform.openai.com/docs/api-reference/usage/costs
 */
export type ActualSpend =
  | {
      ok: true;
      /** The first and last UTC day OpenAI reported complete costs for. */
      from: string;
      to: string;
      /** Complete days reported: fewer than the window's when OpenAI left days out or today is not over. */
      days: number;
      amountUsd: number;
      buckets: number;
      /** Why fewer days than the window's are counted; null when all were. */
      note: string | null;
    }
  | { ok: false; code: SpendProblem; note: string };

export type SpendProblem =
  | "not-configured"
  | "unauthorized"
  | "http-error"
  | "unreachable"
  | "malformed"
  | "no-data"
  | "currency"
  | "too-many-pages";

/** Reads the organization's costs for a window of whole UTC days. */
export interface CostsSource {
  spend(window: SpendWindow): Promise<ActualSpend>;
}

/** The part of the SDK used (STYLE 3). */
export type CostsSdk = Pick<OpenAI, "admin">;

export interface OpenAiCostsSettings {
  adminKey: string;
  /** https://api.openai.com/v1, or a loopback fake in tests. */
  baseUrl: string;
  /** Only these projects' costs; empty for the whole organization. */
  projectIds: readonly string[];
  timeoutMs: number;
}

/** A page of `GET /organization/costs`: daily buckets, each with results carrying an amount. */
const CostsPageSchema = z.object({
  object: z.literal("page"),
  data: z.array(
    z.object({
      object: z.literal("bucket"),
      start_time: z.number().int(),
      end_time: z.number().int(),
      results: z.array(
        z.object({
          // Amounts arrive as JSON numbers; a numeric string is read exactly rather than refused.
          amount: z
            .object({
              value: z.union([z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)]),
              currency: z.string().min(1),
            })
            .optional(),
        }),
      ),
    }),
  ),
  has_more: z.boolean(),
  next_page: z.string().nullable(),
});

/** At 180 buckets a page, 20 pages hold ten years: more means the API is looping. */
const MAX_PAGES = 20;
const BUCKETS_PER_PAGE = 180;
const DAY_MS = 86_400_000;

const day = (d: Date) => d.toISOString().slice(0, 10);
const problem = (code: SpendProblem, note: string): ActualSpend => ({ ok: false, code, note });

/** The SDK client for the admin key alone; nothing is read from the environment behind config's back. */
export function createOpenAiCostsSdk(s: Omit<OpenAiCostsSettings, "projectIds">): OpenAI {
  return new OpenAI({
    apiKey: null,
    adminAPIKey: s.adminKey,
    baseURL: s.baseUrl,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 1,
    timeout: s.timeoutMs,
  });
}

function failure(e: unknown): ActualSpend {
  if (e instanceof APIConnectionError)
    return problem("unreachable", "OpenAI's costs API could not be reached");
  if (e instanceof APIError && (e.status === 401 || e.status === 403))
    return problem(
      "unauthorized",
      `OpenAI refused OPENAI_ADMIN_KEY (HTTP ${e.status}); it must be an organization admin key`,
    );
  if (e instanceof APIError && e.status !== undefined)
    return problem("http-error", `OpenAI's costs API answered HTTP ${e.status}`);
  // The SDK throws on a body that is not JSON; treat it like a body of the wrong shape.
  return problem("malformed", "OpenAI's costs API returned a body I could not read");
}

/** One day's costs as OpenAI bucketed them (UTC). */
interface DayBucket {
  startMs: number;
  endMs: number;
  usd: Dec;
}

/**
 * The spend over the days OpenAI actually reported, not the window's nominal length: a day whose
 * bucket has not ended yet (its costs are still coming in) is left out, and missing days are said.
 */
function summarise(window: SpendWindow, all: readonly DayBucket[], now: Date): ActualSpend {
  const inWindow = all.filter((b) => b.startMs >= window.start.getTime() && b.startMs < window.end.getTime());
  const complete = inWindow.filter((b) => b.endMs <= now.getTime()).sort((a, b) => a.startMs - b.startMs);
  const open = inWindow.filter((b) => b.endMs > now.getTime());
  const first = complete[0];
  const last = complete[complete.length - 1];
  if (!first || !last)
    return problem(
      "no-data",
      `OpenAI reported no complete day of costs for ${day(window.start)} to ${lastDay(window)}`,
    );
  const notes: string[] = [];
  if (open.length > 0)
    notes.push(
      `${open.map((b) => day(new Date(b.startMs))).join(", ")} left out: the UTC day is not over yet`,
    );
  const missing = window.days - complete.length - open.length;
  if (missing > 0)
    notes.push(
      `OpenAI reported ${complete.length + open.length} of the ${window.days} days from ${day(window.start)} to ${lastDay(window)}`,
    );
  return {
    ok: true,
    from: day(new Date(first.startMs)),
    to: day(new Date(last.startMs)),
    days: complete.length,
    amountUsd: toJsonNumber(
      complete.reduce((t, b) => t.plus(b.usd), ZERO).toDecimalPlaces(6, Dec.ROUND_HALF_UP),
    ),
    buckets: complete.length,
    note:
      notes.length > 0
        ? `${notes.join("; ")}; the projection covers the ${complete.length} reported days`
        : null,
  };
}

/** `GET /v1/organization/costs` with `bucket_width=1d`, following `next_page` until `has_more` is false. */
export class OpenAiCosts implements CostsSource {
  constructor(
    private readonly sdk: CostsSdk,
    private readonly projectIds: readonly string[] = [],
    /** The clock that says which UTC days are over; a parameter for tests. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  async spend(window: SpendWindow): Promise<ActualSpend> {
    const buckets = new Map<number, DayBucket>();
    let page: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      let raw: unknown;
      try {
        raw = await this.sdk.admin.organization.usage.costs({
          start_time: Math.floor(window.start.getTime() / 1000),
          end_time: Math.floor(window.end.getTime() / 1000),
          bucket_width: "1d",
          limit: Math.min(BUCKETS_PER_PAGE, Math.max(1, window.days)),
          ...(this.projectIds.length > 0 ? { project_ids: [...this.projectIds] } : {}),
          ...(page ? { page } : {}),
        });
      } catch (e) {
        return failure(e);
      }
      const parsed = CostsPageSchema.safeParse(raw);
      if (!parsed.success) return failure(parsed.error);
      for (const bucket of parsed.data.data) {
        let usd: Dec = ZERO;
        for (const r of bucket.results) {
          if (!r.amount) continue;
          if (r.amount.currency.toLowerCase() !== "usd")
            return problem("currency", `OpenAI reported costs in ${r.amount.currency}, not USD`);
          usd = usd.plus(dec(r.amount.value));
        }
        // A bucket repeated across pages is counted once.
        buckets.set(bucket.start_time, {
          startMs: bucket.start_time * 1000,
          endMs: bucket.end_time * 1000,
          usd,
        });
      }
      if (!parsed.data.has_more) return summarise(window, [...buckets.values()], this.now());
      if (!parsed.data.next_page)
        return problem("malformed", "OpenAI's costs API said there were more pages but gave no next_page");
      page = parsed.data.next_page;
    }
    return problem("too-many-pages", `OpenAI's costs API returned more than ${MAX_PAGES} pages`);
  }
}

const lastDay = (w: SpendWindow) => day(new Date(w.end.getTime() - DAY_MS));
