import { z } from "zod";
import type { Row } from "../executor.js";
import { asDate, checked, json, readRow, readRows } from "../rows.js";
import { DeliverySchema, MessageRefSchema } from "../schemas.js";
import type { DeliveryLedger } from "../types.js";
import type { StoreContext } from "./context.js";

/** Long enough for composing and posting one digest, short enough that a crash is retried the same hour. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

const COLUMNS = `id, subscription_id, period_key, idempotency_key, state, attempt, lease_expires_at,
  message_ref, error_code, retryable, snapshot_id, created_at, updated_at`;

const ClaimInputSchema = z.object({
  subscriptionId: z.string().min(1).max(100),
  periodKey: z.string().min(1).max(100),
  leaseMs: z.number().int().positive(),
});
const ErrorCodeSchema = z.string().min(1).max(200);
const LeaseSchema = ClaimInputSchema.shape.leaseMs;
const PruneSchema = z.object({ keepPerSubscription: z.number().int().min(1), olderThan: z.date() });

/** The lease clock in SQL: the injected instant ($n), else the database server's. */
const AT = (n: number) => `coalesce($${n}::timestamptz, now())`;
const PLUS_MS = (n: number) => `$${n}::integer * interval '1 millisecond'`;

const value = (r: Row) => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  periodKey: r.period_key,
  idempotencyKey: r.idempotency_key,
  state: r.state,
  attempt: r.attempt,
  leaseExpiresAt: asDate(r.lease_expires_at),
  messageRef: r.message_ref,
  errorCode: r.error_code,
  retryable: r.retryable,
  snapshotId: r.snapshot_id,
  createdAt: asDate(r.created_at),
  updatedAt: asDate(r.updated_at),
});
const key = (r: Row) => String(r.id);

export function deliveryLedger({ db, logger, leaseNow, newId }: StoreContext): DeliveryLedger {
  const one = (row: Row) => readRow(DeliverySchema, "deliveries", row, value, key);

  const get = async (subscriptionId: string, periodKey: string) => {
    const [row] = await db.query(
      `SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = $1 AND period_key = $2`,
      [subscriptionId, periodKey],
    );
    return row ? one(row) : null;
  };

  return {
    get,

    async claim(subscriptionId, periodKey, options = {}) {
      const input = checked(ClaimInputSchema, "delivery claim", {
        subscriptionId,
        periodKey,
        leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      });
      // The whole decision is this one statement (see DeliveryLedger in types.ts): insert the intent
      // for an active subscription, or take over a row whose claimer crashed or failed retryably.
      // Whoever gets a row back owns the delivery; everyone else reads its state below.
      const [won] = await db.query(
        `WITH t AS (SELECT ${AT(5)} AS at)
         INSERT INTO deliveries (id, subscription_id, period_key, idempotency_key, state, attempt,
                                 lease_expires_at, created_at, updated_at)
         SELECT $1, s.id, $3, $4, 'intended', 1, t.at + ${PLUS_MS(6)}, t.at, t.at
         FROM subscriptions s, t WHERE s.id = $2 AND s.active
         ON CONFLICT (subscription_id, period_key) DO UPDATE
           SET state = 'intended', previous_state = deliveries.state, attempt = deliveries.attempt + 1,
               lease_expires_at = EXCLUDED.lease_expires_at, retryable = false, error_code = NULL,
               updated_at = EXCLUDED.updated_at
           WHERE (deliveries.state = 'intended' AND deliveries.lease_expires_at <= EXCLUDED.updated_at)
              OR (deliveries.state = 'failed' AND deliveries.retryable)
         RETURNING id, idempotency_key, attempt, previous_state`,
        [newId(), input.subscriptionId, input.periodKey, newId(), leaseNow(), input.leaseMs],
      );
      if (won) {
        const recovering = won.previous_state === "intended";
        if (recovering)
          logger.warn({ deliveryId: won.id, attempt: won.attempt }, "digest delivery taken over");
        return {
          claimed: true,
          deliveryId: String(won.id),
          idempotencyKey: String(won.idempotency_key),
          attempt: Number(won.attempt),
          recovering,
        };
      }
      const delivery = await get(input.subscriptionId, input.periodKey);
      return delivery
        ? { claimed: false, state: delivery.state, delivery }
        : { claimed: false, state: "subscription-inactive" };
    },

    async renew(claim, leaseMs) {
      const lease = checked(LeaseSchema, "lease", leaseMs);
      // No check that the old lease is still running: a takeover bumps `attempt` in the same row,
      // so this statement and a competing claim are ordered by the row lock and only one wins.
      const rows = await db.query(
        `UPDATE deliveries SET lease_expires_at = ${AT(3)} + ${PLUS_MS(4)}
         WHERE id = $1 AND attempt = $2 AND state = 'intended'
         RETURNING id`,
        [claim.deliveryId, claim.attempt, leaseNow(), lease],
      );
      return rows.length > 0;
    },

    async markPosted(claim, ref, options = {}) {
      const messageRef = checked(MessageRefSchema, "message reference", ref);
      const rows = await db.query(
        `UPDATE deliveries
         SET state = 'posted', message_ref = $3::jsonb, snapshot_id = coalesce($4, snapshot_id),
             error_code = NULL, retryable = false, updated_at = ${AT(5)}
         WHERE id = $1 AND attempt = $2 AND state = 'intended'
         RETURNING id`,
        [claim.deliveryId, claim.attempt, json(messageRef), options.snapshotId ?? null, leaseNow()],
      );
      return rows.length > 0;
    },

    async markFailed(claim, errorCode, options = {}) {
      const code = checked(ErrorCodeSchema, "error code", errorCode);
      const rows = await db.query(
        `UPDATE deliveries SET state = 'failed', error_code = $3, retryable = $4, updated_at = ${AT(5)}
         WHERE id = $1 AND attempt = $2 AND state = 'intended'
         RETURNING id`,
        [claim.deliveryId, claim.attempt, code, options.retryable ?? false, leaseNow()],
      );
      return rows.length > 0;
    },

    async listUnfinished() {
      // Only active subscriptions: each row listed can be taken over with claim().
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM deliveries d
         WHERE d.state = 'intended' AND d.lease_expires_at <= ${AT(1)}
           AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = d.subscription_id AND s.active)
         ORDER BY d.created_at, d.id`,
        [leaseNow()],
      );
      return readRows(logger, DeliverySchema, "deliveries", rows, value, key);
    },

    async lastPosted(subscriptionId, options = {}) {
      // Period keys are the scheduler's ISO instants, so text order is time order.
      const [row] =
        options.before === undefined
          ? await db.query(
              `SELECT ${COLUMNS} FROM deliveries WHERE subscription_id = $1 AND state = 'posted'
               ORDER BY updated_at DESC, created_at DESC LIMIT 1`,
              [subscriptionId],
            )
          : await db.query(
              `SELECT ${COLUMNS} FROM deliveries
               WHERE subscription_id = $1 AND state = 'posted' AND period_key < $2
               ORDER BY period_key DESC, created_at DESC LIMIT 1`,
              [subscriptionId, options.before],
            );
      return row ? one(row) : null;
    },

    async prune(policy) {
      const p = checked(PruneSchema, "prune policy", policy);
      // Never pruned: an intent in flight, a subscription's newest row (its latest period would be
      // claimed and posted again without it) and its latest posted one (the next digest compares with it).
      const [row] = await db.query(
        `WITH ranked AS (
           SELECT id, state, created_at,
                  row_number() OVER (PARTITION BY subscription_id
                                     ORDER BY period_key DESC, created_at DESC) AS newest,
                  row_number() OVER (PARTITION BY subscription_id, state = 'posted'
                                     ORDER BY period_key DESC, created_at DESC) AS newest_in_state
           FROM deliveries
         ), gone AS (
           DELETE FROM deliveries d USING ranked r
           WHERE d.id = r.id AND r.state <> 'intended' AND r.newest > 1
             AND NOT (r.state = 'posted' AND r.newest_in_state = 1)
             AND (r.newest > $1 OR r.created_at < $2)
           RETURNING 1
         )
         SELECT count(*)::int AS n FROM gone`,
        [p.keepPerSubscription, p.olderThan],
      );
      return Number(row?.n ?? 0);
    },
  };
}
