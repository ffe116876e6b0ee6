import { ProfileSchema } from "../../domain/profile.js";
import { AdviceJsonSchema } from "../../render/json.js";
import type { Row } from "../executor.js";
import { asDate, checked, clampLimit, json, readRow, readRows } from "../rows.js";
import {
  ChannelKeySchema,
  MessageRefSchema,
  type StoredAnswer,
  StoredAnswerSchema,
  StoredThreadSchema,
  ThreadKeySchema,
  UserKeySchema,
} from "../schemas.js";
import type { NewAnswer, ThreadStore } from "../types.js";
import type { StoreContext } from "./context.js";

const ANSWER_COLUMNS =
  "id, platform, workspace_id, channel_id, thread_id, user_id, question, profile, advice, message_ref, created_at";

const answerValue = (r: Row) => ({
  id: r.id,
  thread: {
    platform: r.platform,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    threadId: r.thread_id,
  },
  userId: r.user_id,
  question: r.question,
  profile: r.profile,
  advice: r.advice,
  messageRef: r.message_ref,
  createdAt: asDate(r.created_at),
});
const answerKey = (r: Row) => String(r.id);

const threadValue = (r: Row) => ({
  key: { platform: r.platform, workspaceId: r.workspace_id, channelId: r.channel_id, threadId: r.thread_id },
  profile: r.profile,
  latestAnswerId: r.latest_answer_id,
  answerCount: r.answer_count,
  createdAt: asDate(r.created_at),
  updatedAt: asDate(r.updated_at),
});

const readThread = (row: Row) =>
  readRow(StoredThreadSchema, "threads", row, threadValue, (r) =>
    [r.platform, r.workspace_id, r.channel_id, r.thread_id].join("/"),
  );

const AnswerMetaSchema = StoredAnswerSchema.pick({ userId: true, question: true });

const THREAD_MATCH = "platform = $1 AND workspace_id = $2 AND channel_id = $3 AND thread_id = $4";

export function threadStore({ db, logger, now, newId }: StoreContext): ThreadStore {
  const readAnswers = (rows: Row[]) =>
    readRows(logger, StoredAnswerSchema, "answers", rows, answerValue, answerKey);

  return {
    async saveAnswer(input: NewAnswer): Promise<StoredAnswer> {
      const thread = checked(ThreadKeySchema, "thread key", input.thread);
      const profile = checked(ProfileSchema, "profile", input.profile);
      const advice = checked(AdviceJsonSchema, "advice", input.advice);
      const messageRef = input.messageRef
        ? checked(MessageRefSchema, "message reference", input.messageRef)
        : null;
      const { userId, question } = checked(AnswerMetaSchema, "answer", {
        userId: input.userId,
        question: input.question ?? null,
      });
      // Each part is checked once above; the whole is the schema's type by construction.
      const answer: StoredAnswer = {
        id: newId(),
        thread,
        userId,
        question,
        profile,
        advice,
        messageRef,
        createdAt: now(),
      };
      const key = [thread.platform, thread.workspaceId, thread.channelId, thread.threadId];
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO answers (${ANSWER_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11)`,
          [
            answer.id,
            ...key,
            answer.userId,
            answer.question,
            json(profile),
            json(advice),
            messageRef ? json(messageRef) : null,
            answer.createdAt,
          ],
        );
        await tx.query(
          `INSERT INTO threads (platform, workspace_id, channel_id, thread_id, profile, latest_answer_id,
                                answer_count, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, 1, $7, $7)
           ON CONFLICT (platform, workspace_id, channel_id, thread_id) DO UPDATE
             SET profile = EXCLUDED.profile, latest_answer_id = EXCLUDED.latest_answer_id,
                 answer_count = threads.answer_count + 1, updated_at = EXCLUDED.updated_at`,
          [...key, json(profile), answer.id, answer.createdAt],
        );
      });
      return answer;
    },

    async getThread(key) {
      const k = checked(ThreadKeySchema, "thread key", key);
      const [row] = await db.query(
        `SELECT platform, workspace_id, channel_id, thread_id, profile, latest_answer_id, answer_count,
                created_at, updated_at
         FROM threads WHERE ${THREAD_MATCH}`,
        [k.platform, k.workspaceId, k.channelId, k.threadId],
      );
      return row ? readThread(row) : null;
    },

    async listThreadAnswers(key, limit) {
      const k = checked(ThreadKeySchema, "thread key", key);
      const rows = await db.query(
        `SELECT ${ANSWER_COLUMNS} FROM answers WHERE ${THREAD_MATCH}
         ORDER BY created_at DESC, seq DESC LIMIT $5`,
        [k.platform, k.workspaceId, k.channelId, k.threadId, clampLimit(limit, 20)],
      );
      return readAnswers(rows);
    },

    async getAnswer(id) {
      const [row] = await db.query(`SELECT ${ANSWER_COLUMNS} FROM answers WHERE id = $1`, [id]);
      return row ? readRow(StoredAnswerSchema, "answers", row, answerValue, answerKey) : null;
    },

    async setAnswerMessage(id, ref) {
      const messageRef = checked(MessageRefSchema, "message reference", ref);
      const rows = await db.query("UPDATE answers SET message_ref = $2::jsonb WHERE id = $1 RETURNING id", [
        id,
        json(messageRef),
      ]);
      return rows.length > 0;
    },

    async listRecentAnswers(user, limit) {
      const u = checked(UserKeySchema, "user key", user);
      const rows = await db.query(
        `SELECT ${ANSWER_COLUMNS} FROM answers
         WHERE platform = $1 AND workspace_id = $2 AND user_id = $3
         ORDER BY created_at DESC, seq DESC LIMIT $4`,
        [u.platform, u.workspaceId, u.userId, clampLimit(limit, 10)],
      );
      return readAnswers(rows);
    },

    async latestInChannel(channel, userId) {
      const c = checked(ChannelKeySchema, "channel key", channel);
      const [row] = await db.query(
        `SELECT ${ANSWER_COLUMNS} FROM answers
         WHERE platform = $1 AND workspace_id = $2 AND channel_id = $3 AND ($4::text IS NULL OR user_id = $4)
         ORDER BY created_at DESC, seq DESC LIMIT 1`,
        [c.platform, c.workspaceId, c.channelId, userId ?? null],
      );
      return row ? readRow(StoredAnswerSchema, "answers", row, answerValue, answerKey) : null;
    },

    async threadOfAnswer(answerId) {
      const [row] = await db.query(
        `SELECT t.platform, t.workspace_id, t.channel_id, t.thread_id, t.profile, t.latest_answer_id,
                t.answer_count, t.created_at, t.updated_at
         FROM answers a JOIN threads t USING (platform, workspace_id, channel_id, thread_id)
         WHERE a.id = $1`,
        [answerId],
      );
      return row ? readThread(row) : null;
    },
  };
}
