-- API tokens: only a SHA-256 hash of each token is kept (tokens are 32 random bytes, so a fast hash is
-- enough); the prefix lets a user tell its tokens apart without the secret.
CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    token_prefix VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_token_user ON api_token (user_id);
