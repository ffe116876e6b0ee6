import { z } from "zod";
import { ProfileSchema } from "../../domain/profile.js";
import type { Row } from "../executor.js";
import { asDate, checked, clampLimit, json, readRow, readRows } from "../rows.js";
import { PlatformSchema, ScheduleSchema, SubscriptionSchema } from "../schemas.js";
import type { SubscriptionStore } from "../types.js";
import type { StoreContext } from "./context.js";

const COLUMNS =
  "id, platform, workspace_id, channel_id, profile, answer_id, cron, timezone, created_by, active, created_at, updated_at";

const value = (r: Row) => ({
  id: r.id,
  channel: { platform: r.platform, workspaceId: r.workspace_id, channelId: r.channel_id },
  profile: r.profile,
  answerId: r.answer_id,
  schedule: { cron: r.cron, timezone: r.timezone },
  createdBy: r.created_by,
  active: r.active,
  createdAt: asDate(r.created_at),
  updatedAt: asDate(r.updated_at),
});
const key = (r: Row) => String(r.id);
const IdPrefixSchema = z.string().min(1).max(100);

export function subscriptionStore({ db, logger, now, newId }: StoreContext): SubscriptionStore {
  const one = (row: Row) => readRow(SubscriptionSchema, "subscriptions", row, value, key);
  const many = (rows: Row[]) => readRows(logger, SubscriptionSchema, "subscriptions", rows, value, key);

  return {
    async create(input) {
      const at = now();
      const s = checked(SubscriptionSchema, "subscription", {
        id: newId(),
        channel: input.channel,
        profile: input.profile,
        answerId: input.answerId ?? null,
        schedule: input.schedule,
        createdBy: input.createdBy,
        active: true,
        createdAt: at,
        updatedAt: at,
      });
      // The partial unique index (one subscription per answer and channel) is the conflict target;
      // a subscription made without an answer never conflicts.
      const [row] = await db.query(
        `INSERT INTO subscriptions (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, true, $10, $10)
         ON CONFLICT (platform, workspace_id, channel_id, answer_id) WHERE answer_id IS NOT NULL DO UPDATE
           SET cron = EXCLUDED.cron, timezone = EXCLUDED.timezone, profile = EXCLUDED.profile,
               active = true, updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [
          s.id,
          s.channel.platform,
          s.channel.workspaceId,
          s.channel.channelId,
          json(s.profile),
          s.answerId,
          s.schedule.cron,
          s.schedule.timezone,
          s.createdBy,
          at,
        ],
      );
      if (!row) throw new Error("INSERT ... RETURNING returned no row");
      const subscription = one(row);
      return { subscription, created: subscription.id === s.id };
    },

    async get(id) {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1`, [id]);
      return row ? one(row) : null;
    },

    async findByIdPrefix(prefix, limit) {
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM subscriptions WHERE starts_with(id, $1) ORDER BY created_at, id LIMIT $2`,
        [checked(IdPrefixSchema, "subscription id prefix", prefix), clampLimit(limit, 10)],
      );
      return many(rows);
    },

    async list(filter) {
      const platform = checked(PlatformSchema, "platform", filter.platform);
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM subscriptions
         WHERE platform = $1 AND workspace_id = $2 AND ($3::text IS NULL OR channel_id = $3)
           AND (active OR NOT $4)
         ORDER BY created_at, id`,
        [platform, filter.workspaceId, filter.channelId ?? null, filter.activeOnly ?? false],
      );
      return many(rows);
    },

    async listActive() {
      return many(
        await db.query(`SELECT ${COLUMNS} FROM subscriptions WHERE active ORDER BY created_at, id`),
      );
    },

    async update(id, patch) {
      const schedule = patch.schedule ? checked(ScheduleSchema, "schedule", patch.schedule) : null;
      const profile = patch.profile ? checked(ProfileSchema, "profile", patch.profile) : null;
      const [row] = await db.query(
        `UPDATE subscriptions
         SET cron = coalesce($2, cron), timezone = coalesce($3, timezone),
             profile = coalesce($4::jsonb, profile), active = coalesce($5, active), updated_at = $6
         WHERE id = $1
         RETURNING ${COLUMNS}`,
        [
          id,
          schedule?.cron ?? null,
          schedule?.timezone ?? null,
          profile ? json(profile) : null,
          patch.active ?? null,
          now(),
        ],
      );
      return row ? one(row) : null;
    },

    async delete(id) {
      return (await db.query("DELETE FROM subscriptions WHERE id = $1 RETURNING id", [id])).length > 0;
    },
  };
}
