/**
 * The first schema: threads and their answers, event claims, digest subscriptions, the delivery
 * ledger, catalog snapshots and Teams conversation references. Ids are UUID strings made by the
 * store; times come from the store's clock so tests can move it.
 */
export const initial = `
CREATE TABLE answers (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  thread_id text NOT NULL,
  user_id text NOT NULL,
  question text,
  profile jsonb NOT NULL,
  advice jsonb NOT NULL,
  message_ref jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX answers_by_thread ON answers (platform, workspace_id, channel_id, thread_id, created_at DESC, seq DESC);
CREATE INDEX answers_by_user ON answers (platform, workspace_id, user_id, created_at DESC, seq DESC);

CREATE TABLE threads (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  thread_id text NOT NULL,
  profile jsonb NOT NULL,
  latest_answer_id text NOT NULL REFERENCES answers (id),
  answer_count integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id, thread_id)
);

CREATE TABLE event_claims (
  event_key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX event_claims_by_expiry ON event_claims (expires_at);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  profile jsonb NOT NULL,
  answer_id text REFERENCES answers (id) ON DELETE SET NULL,
  cron text NOT NULL,
  timezone text NOT NULL,
  created_by text NOT NULL,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX subscriptions_by_channel ON subscriptions (platform, workspace_id, channel_id);
CREATE INDEX subscriptions_active ON subscriptions (active) WHERE active;
-- Pressing Subscribe twice on one answer in one channel keeps one subscription.
CREATE UNIQUE INDEX subscriptions_one_per_answer ON subscriptions (platform, workspace_id, channel_id, answer_id)
  WHERE answer_id IS NOT NULL;

CREATE TABLE catalog_snapshots (
  id text PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  as_of text NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX catalog_snapshots_by_last_seen ON catalog_snapshots (last_seen_at DESC);

CREATE TABLE deliveries (
  id text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  period_key text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('intended', 'posted', 'failed')),
  previous_state text,
  attempt integer NOT NULL,
  lease_expires_at timestamptz NOT NULL,
  retryable boolean NOT NULL DEFAULT false,
  message_ref jsonb,
  error_code text,
  snapshot_id text REFERENCES catalog_snapshots (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (subscription_id, period_key)
);
CREATE INDEX deliveries_unfinished ON deliveries (lease_expires_at) WHERE state = 'intended';
CREATE INDEX deliveries_posted ON deliveries (subscription_id, updated_at DESC) WHERE state = 'posted';

CREATE TABLE conversation_references (
  tenant_id text NOT NULL,
  conversation_id text NOT NULL,
  reference jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id)
);
`;
