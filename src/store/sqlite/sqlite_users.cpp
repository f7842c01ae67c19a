// Users, API tokens and browser sessions.
#include "store/sqlite/sqlite_tx.hpp"

namespace sanpi::store::sqlite {
namespace {

constexpr std::string_view kInsertUser =
    "INSERT INTO users (name, role, region_code, zone_id, password_hash, active, version) "
    "VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id";
constexpr std::string_view kUpdateUser =
    "UPDATE users SET name = ?, role = ?, region_code = ?, zone_id = ?, password_hash = ?, active = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kUserSelect =
    "SELECT u.id, u.name, u.role, u.region_code, u.zone_id, u.password_hash, u.active, u.version FROM users u";
constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kUserByToken = " JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ?";
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kSelectSession =
    "SELECT session_hash, user_id, csrf_token, expires_at FROM sessions WHERE session_hash = ? AND expires_at > ?";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE session_hash = ?";

void bind_user_fields(Statement& st, const domain::User& u) {
    bind_all(st, u.name, domain::to_string(u.role), u.region, u.zone_id, u.password_hash, u.active);
}

ForeignKeys user_references(const domain::User& u) {
    ForeignKeys refs;
    if (u.region) refs.push_back({"region_code", exists_sql::kRegion, u.region->str(), "行政区划", "region"});
    if (u.zone_id) refs.push_back({"zone_id", exists_sql::kZone, *u.zone_id, "开发区", "zone"});
    return refs;
}

domain::User read_user(const Statement& st) {
    Row row(st);
    domain::User u;
    u.id = row.int64();
    u.name = row.text();
    u.role = row.enumeration(domain::role_from_string, "role");
    u.region = row.optional_region_code();
    u.zone_id = row.optional_int64();
    u.password_hash = row.text();
    u.active = row.boolean();
    u.version = row.int64();
    return u;
}

}  // namespace

Result<std::int64_t> SqliteTx::insert_user(const domain::User& u) {
    return guarded(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.query(kInsertUser);
            bind_user_fields(*q, u);
            return returned_id(*q);
        },
        user_references(u));
}

Result<void> SqliteTx::update_user(const domain::User& u, std::int64_t expected_version) {
    return guarded(
        [&]() -> Result<void> {
            auto q = conn_.query(kUpdateUser);
            bind_user_fields(*q, u);
            bind_one(*q, 7, u.id);
            bind_one(*q, 8, expected_version);
            q->step();
            if (conn_.changes() == 0) return stale_or_missing(exists_sql::kUser, u.id, "用户", "user");
            return {};
        },
        user_references(u));
}

Result<std::optional<domain::User>> SqliteTx::find_user_by_name(std::string_view name) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        auto q = conn_.query(std::string(kUserSelect) + " WHERE u.name = ?");
        bind_all(*q, name);
        if (!q->step()) return std::optional<domain::User>();
        return read_user(*q);
    });
}

Result<std::optional<domain::User>> SqliteTx::get_user(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        auto q = conn_.query(std::string(kUserSelect) + " WHERE u.id = ?");
        bind_all(*q, id);
        if (!q->step()) return std::optional<domain::User>();
        return read_user(*q);
    });
}

Result<void> SqliteTx::insert_api_token(const ApiToken& t) {
    const ForeignKeys refs{{"user_id", exists_sql::kUser, t.user_id, "用户", "user"}};
    return guarded(
        [&]() -> Result<void> {
            auto q = conn_.query(kInsertToken);
            bind_all(*q, t.token_hash, t.user_id, t.label, t.created_at);
            q->step();
            return {};
        },
        refs);
}

Result<std::optional<domain::User>> SqliteTx::find_user_by_token_hash(std::string_view token_hash) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        auto q = conn_.query(std::string(kUserSelect) + std::string(kUserByToken));
        bind_all(*q, token_hash);
        if (!q->step()) return std::optional<domain::User>();
        return read_user(*q);
    });
}

Result<void> SqliteTx::insert_session(const SessionRecord& s) {
    const ForeignKeys refs{{"user_id", exists_sql::kUser, s.user_id, "用户", "user"}};
    return guarded(
        [&]() -> Result<void> {
            auto q = conn_.query(kInsertSession);
            bind_all(*q, s.session_hash, s.user_id, s.csrf_token, s.expires_at);
            q->step();
            return {};
        },
        refs);
}

Result<std::optional<SessionRecord>> SqliteTx::find_session(std::string_view session_hash, Timestamp now) {
    return guarded([&]() -> Result<std::optional<SessionRecord>> {
        auto q = conn_.query(kSelectSession);
        bind_all(*q, session_hash, now);
        if (!q->step()) return std::optional<SessionRecord>();
        Row row(*q);
        SessionRecord s;
        s.session_hash = row.text();
        s.user_id = row.int64();
        s.csrf_token = row.text();
        s.expires_at = row.int64();
        return s;
    });
}

Result<void> SqliteTx::delete_session(std::string_view session_hash) {
    return guarded([&]() -> Result<void> {
        auto q = conn_.query(kDeleteSession);
        bind_all(*q, session_hash);
        q->step();
        return {};
    });
}

}  // namespace sanpi::store::sqlite
