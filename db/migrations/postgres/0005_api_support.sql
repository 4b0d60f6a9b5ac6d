-- Idempotency keys of the HTTP API (DESIGN.md §6): the first answer to a
-- write sent with an Idempotency-Key header, replayed when the same user sends
-- the same key and the same request again. status 0 marks a request still
-- running. Rows older than a day are pruned by the server.
CREATE TABLE api_idempotency (
  user_id         BIGINT NOT NULL REFERENCES users (id),
  idempotency_key TEXT NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
  request_hash    TEXT NOT NULL CHECK (length(request_hash) = 64),
  status          INTEGER NOT NULL CHECK (status = 0 OR status BETWEEN 200 AND 499),
  content_type    TEXT NOT NULL,
  response_body   TEXT NOT NULL,
  created_at_s    BIGINT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX api_idempotency_created ON api_idempotency (created_at_s);
