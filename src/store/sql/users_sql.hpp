#pragma once
// The SQL of users, API tokens and browser sessions, for every backend.
#include <string_view>

namespace sanpi::store::sql::users {

inline constexpr std::string_view kInsertUser =
    "INSERT INTO users (name, role, region_code, zone_id, password_hash, active, display_name, must_change_password, "
    "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1){{RETURNING_ID}}";
inline constexpr std::string_view kUpdateUser =
    "UPDATE users SET name = ?, role = ?, region_code = ?, zone_id = ?, password_hash = ?, active = ?, "
    "display_name = ?, must_change_password = ?, version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kUserSelect =
    "SELECT u.id, u.name, u.role, u.region_code, u.zone_id, u.password_hash, u.active, u.version, u.display_name, "
    "u.must_change_password FROM users u";
inline constexpr std::string_view kUserByName = " WHERE u.name = ?";
inline constexpr std::string_view kUserById = " WHERE u.id = ?";
// The token's holder and the token's expiry (column 10), so a cached answer ends with the token.
inline constexpr std::string_view kTokenHolder =
    "SELECT u.id, u.name, u.role, u.region_code, u.zone_id, u.password_hash, u.active, u.version, u.display_name, "
    "u.must_change_password, t.expires_at FROM users u JOIN api_tokens t ON t.user_id = u.id "
    "WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?)";
inline constexpr std::string_view kUsersAll = " ORDER BY u.name";
// A city's view: zone accounts whose zone lies in the city (a range of region codes).
inline constexpr std::string_view kUsersOfZonesIn =
    " JOIN zones z ON z.id = u.zone_id WHERE u.role = 'zone' AND z.region_code BETWEEN ? AND ? ORDER BY u.name";
// The user list: every account with its zone's code (column 10) in one query.
inline constexpr std::string_view kListedUserSelect =
    "SELECT u.id, u.name, u.role, u.region_code, u.zone_id, u.password_hash, u.active, u.version, u.display_name, "
    "u.must_change_password, z.code FROM users u LEFT JOIN zones z ON z.id = u.zone_id";
inline constexpr std::string_view kListedUsersAll = " ORDER BY u.name";
inline constexpr std::string_view kListedUsersOfZonesIn =
    " WHERE u.role = 'zone' AND z.region_code BETWEEN ? AND ? ORDER BY u.name";
inline constexpr std::string_view kUserExists = "SELECT 1 FROM users WHERE id = ?";

inline constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens (token_hash, user_id, label, created_at, token_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view kListTokens =
    "SELECT token_hash, user_id, label, created_at, token_id, expires_at FROM api_tokens WHERE user_id = ? "
    "ORDER BY created_at DESC, token_id";
inline constexpr std::string_view kTokenOfOwner = "SELECT token_hash FROM api_tokens WHERE user_id = ? AND token_id = ?";

inline constexpr std::string_view kTokenOwner = "SELECT user_id FROM api_tokens WHERE token_hash = ?";
inline constexpr std::string_view kDeleteToken = "DELETE FROM api_tokens WHERE token_hash = ?";

inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)";
inline constexpr std::string_view kSelectSession =
    "SELECT session_hash, user_id, csrf_token, expires_at, last_seen_at FROM sessions "
    "WHERE session_hash = ? AND expires_at > ?";
inline constexpr std::string_view kTouchSession =
    "UPDATE sessions SET last_seen_at = ? WHERE session_hash = ? AND last_seen_at < ?";
inline constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ? AND session_hash <> ?";
inline constexpr std::string_view kPurgeSessions = "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at < ?";
inline constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE session_hash = ?";
inline constexpr std::string_view kLoginFailuresSelect =
    "SELECT key_hash, failures, last_failure, locked_until FROM login_throttle";
inline constexpr std::string_view kLoginFailuresCreate =
    "INSERT INTO login_throttle (key_hash, failures, last_failure, locked_until) VALUES (?, 0, 0, 0) "
    "ON CONFLICT (key_hash) DO NOTHING";
inline constexpr std::string_view kLoginFailuresLock = " WHERE key_hash = ?{{FOR_UPDATE}}";
inline constexpr std::string_view kLoginFailuresPut =
    "INSERT INTO login_throttle (key_hash, failures, last_failure, locked_until) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (key_hash) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, "
    "locked_until = excluded.locked_until";
inline constexpr std::string_view kLoginFailuresClear = "DELETE FROM login_throttle WHERE key_hash = ?";
inline constexpr std::string_view kLoginFailuresPurge =
    "DELETE FROM login_throttle WHERE last_failure < ? AND locked_until <= ?";

}  // namespace sanpi::store::sql::users
