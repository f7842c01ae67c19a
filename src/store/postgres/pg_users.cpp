// Users, API tokens and browser sessions.
#include "store/postgres/pg_tx.hpp"

namespace sanpi::store::postgres {
namespace {

constexpr std::string_view kInsertUser =
    "INSERT INTO users (name, role, region_code, zone_id, password_hash, active, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id";
constexpr std::string_view kUpdateUser =
    "UPDATE users SET name = $1, role = $2, region_code = $3, zone_id = $4, password_hash = $5, active = $6, "
    "version = version + 1 WHERE id = $7 AND version = $8";
constexpr std::string_view kUserSelect =
    "SELECT u.id, u.name, u.role, u.region_code, u.zone_id, u.password_hash, u.active, u.version FROM users u";
constexpr std::string_view kUserByName = " WHERE u.name = $1";
constexpr std::string_view kUserById = " WHERE u.id = $1";
constexpr std::string_view kUserByToken = " JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1";
constexpr std::string_view kInsertToken =
    "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kSelectSession =
    "SELECT session_hash, user_id, csrf_token, expires_at FROM sessions WHERE session_hash = $1 AND expires_at > $2";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE session_hash = $1";

Params user_fields(const domain::User& u) {
    return Params::of(u.name, domain::to_string(u.role), u.region, u.zone_id, u.password_hash, u.active);
}

ForeignKeys user_references(const domain::User& u) {
    ForeignKeys refs;
    if (u.region) refs.push_back({"region_code", exists_sql::kRegion, u.region->str(), "行政区划", "region"});
    if (u.zone_id) refs.push_back({"zone_id", exists_sql::kZone, *u.zone_id, "开发区", "zone"});
    return refs;
}

domain::User read_user(const PgResult& r, int i) {
    Row row(r, i);
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

Result<std::int64_t> PgTx::insert_user(const domain::User& u) {
    return atomically([&]() -> Result<std::int64_t> { return returned_id(conn_.query(kInsertUser, user_fields(u))); },
                      user_references(u));
}

Result<void> PgTx::update_user(const domain::User& u, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto params = user_fields(u);
            params.add(u.id);
            params.add(expected_version);
            if (conn_.query(kUpdateUser, params).affected() == 0) {
                return stale_or_missing(exists_sql::kUser, u.id, "用户", "user");
            }
            return {};
        },
        user_references(u));
}

Result<std::optional<domain::User>> PgTx::find_user_by_name(std::string_view name) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        return first_row<domain::User>(
            conn_.query(std::string(kUserSelect) + std::string(kUserByName), Params::of(name)), read_user);
    });
}

Result<std::optional<domain::User>> PgTx::get_user(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        return first_row<domain::User>(conn_.query(std::string(kUserSelect) + std::string(kUserById), Params::of(id)),
                                       read_user);
    });
}

Result<void> PgTx::insert_api_token(const ApiToken& t) {
    const ForeignKeys refs{{"user_id", exists_sql::kUser, t.user_id, "用户", "user"}};
    return atomically(
        [&]() -> Result<void> {
            conn_.query(kInsertToken, Params::of(t.token_hash, t.user_id, t.label, t.created_at));
            return {};
        },
        refs);
}

Result<std::optional<domain::User>> PgTx::find_user_by_token_hash(std::string_view token_hash) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        return first_row<domain::User>(
            conn_.query(std::string(kUserSelect) + std::string(kUserByToken), Params::of(token_hash)), read_user);
    });
}

Result<void> PgTx::insert_session(const SessionRecord& s) {
    const ForeignKeys refs{{"user_id", exists_sql::kUser, s.user_id, "用户", "user"}};
    return atomically(
        [&]() -> Result<void> {
            conn_.query(kInsertSession, Params::of(s.session_hash, s.user_id, s.csrf_token, s.expires_at));
            return {};
        },
        refs);
}

Result<std::optional<SessionRecord>> PgTx::find_session(std::string_view session_hash, Timestamp now) {
    return guarded([&]() -> Result<std::optional<SessionRecord>> {
        const auto r = conn_.query(kSelectSession, Params::of(session_hash, now));
        if (r.rows() == 0) return std::optional<SessionRecord>();
        Row row(r, 0);
        SessionRecord s;
        s.session_hash = row.text();
        s.user_id = row.int64();
        s.csrf_token = row.text();
        s.expires_at = row.int64();
        return s;
    });
}

Result<void> PgTx::delete_session(std::string_view session_hash) {
    return atomically([&]() -> Result<void> {
        conn_.query(kDeleteSession, Params::of(session_hash));
        return {};
    });
}

}  // namespace sanpi::store::postgres
