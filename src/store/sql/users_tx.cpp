// Users, API tokens and browser sessions.
#include "store/sql/catalog_sql.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace users;

namespace {

int bind_user_fields(Statement& st, const domain::User& u) {
    return bind_from(st, 1, u.name, domain::to_string(u.role), u.region, u.zone_id, u.password_hash, u.active,
                     u.display_name, u.must_change_password);
}

ForeignKeys user_references(const domain::User& u) {
    ForeignKeys refs;
    if (u.region) refs.push_back({"region_code", catalog::kRegionExists, u.region->str(), "行政区划", "region"});
    if (u.zone_id) refs.push_back({"zone_id", catalog::kZoneExists, *u.zone_id, "开发区", "zone"});
    return refs;
}

constexpr int kUserColumns = 10;  // read_user's columns; a query's own columns follow them

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
    u.display_name = row.text();
    u.must_change_password = row.boolean();
    return u;
}

std::optional<domain::User> first_user(Statement& q) {
    if (!q.step()) return std::nullopt;
    return read_user(q);
}

}  // namespace

Result<std::int64_t> SqlTx::insert_user(const domain::User& u) {
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertUser);
            bind_user_fields(*q, u);
            return returned_id(*q);
        },
        user_references(u));
}

Result<void> SqlTx::update_user(const domain::User& u, std::int64_t expected_version) {
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kUpdateUser);
            const int next = bind_user_fields(*q, u);
            bind_from(*q, next, u.id, expected_version);
            run(*q);
            if (q->rows_affected() == 0) return stale_or_missing(kUserExists, u.id, "用户", "user");
            return {};
        },
        user_references(u));
}

Result<std::optional<domain::User>> SqlTx::find_user_by_name(std::string_view name) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        auto q = conn_.prepare(std::string(kUserSelect) + std::string(kUserByName));
        bind_all(*q, name);
        return first_user(*q);
    });
}

Result<std::optional<domain::User>> SqlTx::get_user(std::int64_t id) {
    return guarded([&]() -> Result<std::optional<domain::User>> {
        auto q = conn_.prepare(std::string(kUserSelect) + std::string(kUserById));
        bind_all(*q, id);
        return first_user(*q);
    });
}

Result<void> SqlTx::insert_api_token(const ApiToken& t) {
    const ForeignKeys refs{{"user_id", kUserExists, t.user_id, "用户", "user"}};
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertToken);
            // Tokens written without an id take the start of their hash, as m0021 gave older ones.
            const std::string id = t.token_id.empty() ? t.token_hash.substr(0, 16) : t.token_id;
            bind_all(*q, t.token_hash, t.user_id, t.label, t.created_at, id, t.expires_at);
            run(*q);
            return {};
        },
        refs);
}

Result<std::optional<TokenHolder>> SqlTx::find_user_by_token_hash(std::string_view token_hash, Timestamp now) {
    return guarded([&]() -> Result<std::optional<TokenHolder>> {
        auto q = conn_.prepare(kTokenHolder);
        bind_all(*q, token_hash, now);
        if (!q->step()) return std::optional<TokenHolder>();
        TokenHolder holder{read_user(*q), std::nullopt};
        holder.expires_at = Row(*q, kUserColumns).optional_int64();
        return std::optional<TokenHolder>(std::move(holder));
    });
}

Result<std::optional<std::int64_t>> SqlTx::delete_api_token(std::string_view token_hash) {
    return atomically([&]() -> Result<std::optional<std::int64_t>> {
        std::int64_t user_id = 0;
        {
            auto owner = conn_.prepare(kTokenOwner);
            bind_all(*owner, token_hash);
            if (!owner->step()) return std::optional<std::int64_t>();
            user_id = Row(*owner).int64();
        }
        auto q = conn_.prepare(kDeleteToken);
        bind_all(*q, token_hash);
        run(*q);
        return std::optional<std::int64_t>(user_id);
    });
}

Result<void> SqlTx::insert_session(const SessionRecord& s) {
    const ForeignKeys refs{{"user_id", kUserExists, s.user_id, "用户", "user"}};
    return atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertSession);
            bind_all(*q, s.session_hash, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at);
            run(*q);
            return {};
        },
        refs);
}

Result<std::optional<SessionRecord>> SqlTx::find_session(std::string_view session_hash, Timestamp now) {
    return guarded([&]() -> Result<std::optional<SessionRecord>> {
        auto q = conn_.prepare(kSelectSession);
        bind_all(*q, session_hash, now);
        if (!q->step()) return std::optional<SessionRecord>();
        Row row(*q);
        SessionRecord s;
        s.session_hash = row.text();
        s.user_id = row.int64();
        s.csrf_token = row.text();
        s.expires_at = row.int64();
        s.last_seen_at = row.int64();
        return s;
    });
}

Result<void> SqlTx::delete_session(std::string_view session_hash) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kDeleteSession);
        bind_all(*q, session_hash);
        run(*q);
        return {};
    });
}

Result<std::vector<domain::User>> SqlTx::list_users(std::optional<std::string_view> zone_region_prefix) {
    return guarded([&]() -> Result<std::vector<domain::User>> {
        std::vector<domain::User> out;
        if (!zone_region_prefix) {
            auto q = conn_.prepare(std::string(kUserSelect) + std::string(kUsersAll));
            while (q->step()) out.push_back(read_user(*q));
            return out;
        }
        // Region codes are six digits: the prefix as a range (conditions.cpp says why not LIKE).
        std::string first(*zone_region_prefix), last(*zone_region_prefix);
        first.resize(6, '0');
        last.resize(6, '9');
        auto q = conn_.prepare(std::string(kUserSelect) + std::string(kUsersOfZonesIn));
        bind_all(*q, first, last);
        while (q->step()) out.push_back(read_user(*q));
        return out;
    });
}

Result<std::vector<ListedUser>> SqlTx::list_users_with_zones(std::optional<std::string_view> zone_region_prefix) {
    return guarded([&]() -> Result<std::vector<ListedUser>> {
        std::vector<ListedUser> out;
        std::unique_ptr<Statement> q;
        if (zone_region_prefix) {
            std::string first(*zone_region_prefix), last(*zone_region_prefix);
            first.resize(6, '0');
            last.resize(6, '9');
            q = conn_.prepare(std::string(kListedUserSelect) + std::string(kListedUsersOfZonesIn));
            bind_all(*q, first, last);
        } else {
            q = conn_.prepare(std::string(kListedUserSelect) + std::string(kListedUsersAll));
        }
        while (q->step()) {
            ListedUser listed{read_user(*q), {}};
            listed.zone_code = Row(*q, kUserColumns).optional_text().value_or("");
            out.push_back(std::move(listed));
        }
        return out;
    });
}

Result<std::vector<ApiToken>> SqlTx::list_api_tokens(std::int64_t user_id) {
    return guarded([&]() -> Result<std::vector<ApiToken>> {
        std::vector<ApiToken> out;
        auto q = conn_.prepare(kListTokens);
        bind_all(*q, user_id);
        while (q->step()) {
            Row row(*q);
            ApiToken t;
            t.token_hash = row.text();
            t.user_id = row.int64();
            t.label = row.text();
            t.created_at = row.int64();
            t.token_id = row.text();
            t.expires_at = row.optional_int64();
            out.push_back(std::move(t));
        }
        return out;
    });
}

Result<std::optional<std::string>> SqlTx::delete_api_token_of(std::int64_t user_id, std::string_view token_id) {
    return atomically([&]() -> Result<std::optional<std::string>> {
        std::string hash;
        {
            auto found = conn_.prepare(kTokenOfOwner);
            bind_all(*found, user_id, token_id);
            if (!found->step()) return std::optional<std::string>();
            hash = Row(*found).text();
        }
        auto q = conn_.prepare(kDeleteToken);
        bind_all(*q, hash);
        run(*q);
        return std::optional<std::string>(hash);
    });
}

Result<void> SqlTx::touch_session(std::string_view session_hash, Timestamp last_seen_at) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kTouchSession);
        bind_all(*q, last_seen_at, session_hash, last_seen_at);
        run(*q);
        return {};
    });
}

Result<std::int64_t> SqlTx::delete_user_sessions(std::int64_t user_id, std::string_view keep_hash) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kDeleteUserSessions);
        bind_all(*q, user_id, keep_hash);
        run(*q);
        return q->rows_affected();
    });
}

Result<std::int64_t> SqlTx::purge_sessions(Timestamp now, Timestamp idle_before) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kPurgeSessions);
        bind_all(*q, now, idle_before);
        run(*q);
        return q->rows_affected();
    });
}

namespace {
LoginFailures read_login_failures(Statement& q) {
    Row row(q);
    LoginFailures f;
    f.key_hash = row.text();
    f.failures = static_cast<int>(row.int64());
    f.last_failure = row.int64();
    f.locked_until = row.int64();
    return f;
}
}  // namespace

Result<std::vector<LoginFailures>> SqlTx::login_failures(const std::vector<std::string>& key_hashes) {
    return guarded([&]() -> Result<std::vector<LoginFailures>> {
        std::vector<LoginFailures> out;
        for (const auto& key : key_hashes) {
            auto q = conn_.prepare(std::string(kLoginFailuresSelect) + " WHERE key_hash = ?");
            bind_all(*q, key);
            if (q->step()) out.push_back(read_login_failures(*q));
        }
        return out;
    });
}

Result<LoginFailures> SqlTx::lock_login_failures(const std::string& key_hash) {
    return atomically([&]() -> Result<LoginFailures> {
        auto create = conn_.prepare(kLoginFailuresCreate);
        bind_all(*create, key_hash);
        run(*create);
        auto q = conn_.prepare(std::string(kLoginFailuresSelect) + std::string(kLoginFailuresLock));
        bind_all(*q, key_hash);
        if (!q->step()) throw StoreFault("a log-in count is missing right after it was created");
        return read_login_failures(*q);
    });
}

Result<void> SqlTx::put_login_failures(const LoginFailures& f) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kLoginFailuresPut);
        bind_all(*q, f.key_hash, static_cast<std::int64_t>(f.failures), f.last_failure, f.locked_until);
        run(*q);
        return {};
    });
}

Result<void> SqlTx::clear_login_failures(const std::string& key_hash) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kLoginFailuresClear);
        bind_all(*q, key_hash);
        run(*q);
        return {};
    });
}

Result<std::int64_t> SqlTx::purge_login_failures(Timestamp before, Timestamp now) {
    return atomically([&]() -> Result<std::int64_t> {
        auto q = conn_.prepare(kLoginFailuresPurge);
        bind_all(*q, before, now);
        run(*q);
        return q->rows_affected();
    });
}

}  // namespace sanpi::store::sql
