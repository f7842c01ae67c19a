// User administration and a user's own password: AuthService's part that people do through the
// API (the CLI's account commands are in auth_service.cpp and run as the system).
#include "domain/region_code.hpp"
#include "service/account_scope.hpp"
#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/auth_service.hpp"
#include "service/password_policy.hpp"
#include "service/secrets.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using domain::Role;
using domain::User;
using store::Tx;

namespace {

bool administers_accounts(const Principal& who) {
    return who.user.role == Role::kProvince || who.user.role == Role::kCity;
}

Error not_an_administrator() {
    return Error::forbidden("只有省级和市级账号可以管理用户", "only province and city accounts manage users");
}

Error refused_field(std::string_view field, std::string zh, std::string en) {
    Error e = Error::forbidden(zh, en);
    e.fields.push_back({std::string(field), {std::move(zh), std::move(en)}});
    return e;
}

Result<std::string> hash_of(std::string_view password) { return secrets::hash_password(password); }

}  // namespace

Result<void> AuthService::may_manage(Tx& tx, const Principal& who, const User& target, std::string_view field) {
    if (who.user.role == Role::kProvince) return {};
    if (who.user.role != Role::kCity) return not_an_administrator();
    if (target.role != Role::kZone) {
        return refused_field(field == "scope" ? "role" : field, "市级账号只能管理本市开发区的账号",
                             "a city account manages only the accounts of its own zones");
    }
    if (!target.zone_id) return refused_field(field, "开发区不在本市", "the zone is not in your city");
    // The caller's own scope decides, inside SQL: a zone of another city is simply not found.
    auto zone = tx.get_zone(who.scope, *target.zone_id);
    if (!zone) return zone.error();
    if (!*zone) return refused_field(field, "开发区不在本市", "the zone is not in your city");
    return {};
}

Result<std::vector<ListedAccount>> AuthService::list_users(const Principal& who) {
    if (!administers_accounts(who)) return not_an_administrator();
    std::optional<std::string_view> prefix;
    if (who.user.role == Role::kCity) {
        // A city without a region sees nothing: fail closed.
        if (who.scope.kind != domain::Scope::Kind::kRegion || who.scope.region_prefix.empty()) {
            return std::vector<ListedAccount>{};
        }
        prefix = who.scope.region_prefix;
    }
    auto listed = store::read_value<std::vector<store::ListedUser>>(
        store_, [&](Tx& tx) { return tx.list_users_with_zones(prefix); });
    if (!listed) return listed.error();
    std::vector<ListedAccount> out;
    out.reserve(listed->size());
    for (auto& row : *listed) {
        std::string scope = account_scope_text(row.user, row.zone_code);
        out.push_back({std::move(row.user), std::move(scope)});
    }
    return out;
}

Result<std::vector<std::string>> AuthService::accounts_with_password(std::string_view password) {
    auto users = store::read_value<std::vector<User>>(store_, [&](Tx& tx) { return tx.list_users(std::nullopt); });
    if (!users) return users.error();
    std::vector<std::string> out;
    for (const auto& u : *users) {
        if (u.active && secrets::verify_password(u.password_hash, password)) out.push_back(u.name);
    }
    return out;
}

Result<std::string> AuthService::scope_text(const User& user) {
    return store::read_value<std::string>(store_, [&](Tx& tx) { return account_scope_text(tx, user); });
}

Result<void> AuthService::save_account(Tx& tx, const Principal& who, const User& before, User& after,
                                       std::string_view action) {
    if (auto r = may_manage(tx, who, after, "scope"); !r) return r;
    if (auto r = tx.update_user(after, before.version); !r) return r;
    after.version = before.version + 1;
    AuditEvent event{std::string(action), "user", after.id, user_changes(before, after)};
    if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
    return {};
}

Result<IssuedAccount> AuthService::create_user(const Principal& who, const AccountDraft& draft) {
    if (!administers_accounts(who)) return not_an_administrator();
    IssuedAccount out;
    const std::string password = draft.password ? *draft.password : temporary_password();
    if (!draft.password) out.temporary_password = password;
    std::vector<FieldError> errors;
    if (!valid_account_name(draft.name)) {
        errors.push_back(
            {"name", {"用户名须为 2–64 位小写字母、数字或 . _ -", "user name must be 2-64 of a-z 0-9 . _ -"}});
    }
    if (auto bad = check_new_password(password, draft.name, "password")) errors.push_back(std::move(*bad));
    if (draft.display_name.size() > 200) errors.push_back({"display_name", {"显示名过长", "display name is too long"}});
    if (!errors.empty()) return Error::invalid(std::move(errors));
    if (who.user.role == Role::kCity && draft.role != Role::kZone) {
        return refused_field("role", "市级账号只能创建开发区账号", "a city account creates zone accounts only");
    }
    auto hash = hash_of(password);
    if (!hash) return hash.error();
    auto saved = store::write_value<User>(store_, [&](Tx& tx) -> Result<User> {
        User user;
        user.name = draft.name;
        user.role = draft.role;
        user.display_name = draft.display_name;
        user.password_hash = *hash;
        user.must_change_password = true;
        if (auto r = resolve_account_scope(tx, user, draft.scope); !r) return r.error();
        if (auto r = may_manage(tx, who, user, "scope"); !r) return r.error();
        auto taken = tx.find_user_by_name(user.name);
        if (!taken) return taken.error();
        if (*taken) return Error::conflict("用户名已被使用", "the user name is taken");
        auto id = tx.insert_user(user);
        if (!id) return id.error();
        user.id = *id;
        user.version = 1;
        AuditEvent event{"user.create", "user", user.id, user_changes(std::nullopt, user)};
        if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
        return user;
    });
    if (!saved) return saved.error();
    out.user = std::move(*saved);
    return out;
}

Result<IssuedAccount> AuthService::update_user(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                               const AccountChange& change) {
    if (!administers_accounts(who)) return not_an_administrator();
    if (id == who.user.id && ((change.active && !*change.active) || change.role || change.scope)) {
        return refused_field(change.role || change.scope ? "role" : "active", "不能停用自己或变更自己的角色",
                             "you cannot disable yourself or change your own role");
    }
    if (change.display_name && change.display_name->size() > 200) {
        return Error::invalid_field("display_name", "显示名过长", "display name is too long");
    }
    IssuedAccount out;
    std::optional<std::string> hash;
    if (change.reset_password) {
        out.temporary_password = temporary_password();
        auto h = hash_of(out.temporary_password);
        if (!h) return h.error();
        hash = std::move(*h);
    }
    auto saved = store::write_value<User>(store_, [&](Tx& tx) -> Result<User> {
        auto found = tx.get_user(id);
        if (!found) return found.error();
        // An account the caller may not manage is, to the caller, not there.
        if (!*found || !may_manage(tx, who, **found, "id")) return Error::not_found("用户", "user");
        if ((*found)->version != expected_version) {
            return Error::conflict("用户已被他人修改，请刷新后重试",
                                   "the user was changed meanwhile; reload and retry");
        }
        User after = **found;
        if (change.active) after.active = *change.active;
        if (change.display_name) after.display_name = *change.display_name;
        if (change.role || change.scope) {
            after.role = change.role.value_or(after.role);
            after.region.reset();
            after.zone_id.reset();
            if (auto r = resolve_account_scope(tx, after, change.scope.value_or("")); !r) return r.error();
        }
        if (hash) {
            after.password_hash = *hash;
            after.must_change_password = true;
        }
        if (auto r = save_account(tx, who, **found, after, "user.update"); !r) return r.error();
        // A disabled account or a new password: its sessions end now, not at their expiry.
        if ((hash || !after.active)) {
            if (auto r = tx.delete_user_sessions(after.id, ""); !r) return r.error();
        }
        return after;
    });
    if (!saved) return saved.error();
    cache_->forget_user(id);
    out.user = std::move(*saved);
    return out;
}

Result<void> AuthService::change_password(const Principal& who, std::string_view keep_session_token,
                                          std::string_view current_password, std::string_view new_password) {
    if (auto bad = check_new_password(new_password, who.user.name, "new_password")) return Error::invalid({*bad});
    if (new_password == current_password) {
        return Error::invalid_field("new_password", "新密码不能与当前密码相同",
                                    "the new password must differ from the current one");
    }
    auto current = store::read_value<std::optional<User>>(store_, [&](Tx& tx) { return tx.get_user(who.user.id); });
    if (!current) return current.error();
    if (!*current || !secrets::verify_password((*current)->password_hash, current_password)) {
        return Error::invalid_field("current_password", "当前密码不正确", "the current password is wrong");
    }
    auto hash = hash_of(new_password);
    if (!hash) return hash.error();
    const std::string keep = keep_session_token.empty() ? std::string() : secrets::token_hash(keep_session_token);
    auto saved = store_.write([&](Tx& tx) -> Result<void> {
        auto found = tx.get_user(who.user.id);
        if (!found) return found.error();
        if (!*found) return Error::not_found("用户", "user");
        User after = **found;
        after.password_hash = *hash;
        after.must_change_password = false;
        if (auto r = tx.update_user(after, (*found)->version); !r) return r;
        after.version = (*found)->version + 1;
        auto ended = tx.delete_user_sessions(after.id, keep);
        if (!ended) return ended.error();
        AuditEvent event{"user.password_change", "user", after.id, user_changes(**found, after)};
        event.changes.push_back({"sessions_ended", std::nullopt, std::to_string(*ended)});
        if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
        return {};
    });
    cache_->forget_user(who.user.id);
    return saved;
}

}  // namespace sanpi::service
