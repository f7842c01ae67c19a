#pragma once
// The SQL of users, API tokens and browser sessions, for every backend.
#include <string_view>

namespace sanpi::store::sql::users {

inline constexpr std::string_view kInsertUser =
    "INSERT INTO users (name, role, region_code, zone_id, password_hash, active, version) "
    "VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id";
inline constexpr std::string_view kUpdateUser =
    "UPDATE users SET name = ?, role = ?, region_code = ?, zone_id = ?, password_hash = ?, active = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kUserSelect =
    "SELECT u.id, u.name, u.role, u.region_code, u.zone_id, u.password_hash, u.active, u.version FROM users u";
inline constexpr std::string_view kUserByName = " WHERE u.name = ?";
inline constexpr std::string_view kUserById = " WHERE u.id = ?";
inline constexpr std::string_view kUserByToken = " JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ?";
inline constexpr std::string_view kUserExists = "SELECT 1 FROM users WHERE id = ?";

inline constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)";

inline constexpr std::string_view kTokenOwner = "SELECT user_id FROM api_tokens WHERE token_hash = ?";
inline constexpr std::string_view kDeleteToken = "DELETE FROM api_tokens WHERE token_hash = ?";

inline constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)";
inline constexpr std::string_view kSelectSession =
    "SELECT session_hash, user_id, csrf_token, expires_at FROM sessions WHERE session_hash = ? AND expires_at > ?";
inline constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE session_hash = ?";

}  // namespace sanpi::store::sql::users
