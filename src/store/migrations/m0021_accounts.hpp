#pragma once
// Migration 21: accounts. Users gain a display name and a flag that forces a password change at
// the next log-in (set when an administrator gives a temporary password); sessions record when
// they were last seen, so an idle session ends (written at most once a minute per session, see
// AuthService); API tokens gain a public id (what the owner lists and revokes; never the secret)
// and an expiry. Tokens from before keep no expiry and get their id from their hash, which is no
// secret. Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0021Accounts = R"sql(
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CONSTRAINT ck_must_change_password CHECK (must_change_password IN (0, 1));

ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = expires_at - 43200;
CREATE INDEX sessions_user_id ON sessions (user_id);

ALTER TABLE api_tokens ADD COLUMN token_id TEXT;
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
UPDATE api_tokens SET token_id = substr(token_hash, 1, 16);
CREATE UNIQUE INDEX api_tokens_token_id ON api_tokens (token_id);
)sql";

}  // namespace sanpi::store::migrations
