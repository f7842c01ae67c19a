// A user's own API tokens: issued with a label and an expiry, listed by id (never the secret),
// revoked by their owner.
#include "service/audit_trail.hpp"
#include "service/auth_service.hpp"
#include "service/secrets.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using store::Tx;

namespace {

constexpr std::size_t kMaxTokenLabel = 100;

TokenInfo token_info(const store::ApiToken& t) { return {t.token_id, t.label, t.created_at, t.expires_at}; }

}  // namespace

Result<IssuedToken> AuthService::issue_token(const Principal& who, std::string_view label, int days) {
    std::vector<FieldError> errors;
    if (label.empty() || label.size() > kMaxTokenLabel) {
        errors.push_back({"label", {"标签须为 1–100 个字符", "label must be 1-100 characters"}});
    }
    if (days < 1 || days > kMaxTokenDays) errors.push_back({"days", {"有效天数须为 1–366", "days must be 1-366"}});
    if (!errors.empty()) return Error::invalid(std::move(errors));
    IssuedToken out;
    out.token = secrets::random_token();
    // The id is random too: knowing it (it is shown in lists) says nothing about the secret.
    const auto now = clock_.now();
    store::ApiToken record{secrets::token_hash(out.token),
                           who.user.id,
                           std::string(label),
                           now,
                           secrets::random_token().substr(0, 16),
                           now + static_cast<store::Timestamp>(days) * 86400};
    auto saved = store_.write([&](Tx& tx) -> Result<void> {
        if (auto r = tx.insert_api_token(record); !r) return r;
        AuditEvent event{"token.create",
                         "user",
                         who.user.id,
                         {{"token.expires_at", std::nullopt, std::to_string(*record.expires_at)},
                          {"token.id", std::nullopt, record.token_id},
                          {"token.label", std::nullopt, record.label}}};
        if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
        return {};
    });
    if (!saved) return saved.error();
    out.info = token_info(record);
    return out;
}

Result<std::vector<TokenInfo>> AuthService::list_tokens(const Principal& who) {
    auto tokens = store::read_value<std::vector<store::ApiToken>>(
        store_, [&](Tx& tx) { return tx.list_api_tokens(who.user.id); });
    if (!tokens) return tokens.error();
    std::vector<TokenInfo> out;
    for (const auto& t : *tokens) out.push_back(token_info(t));
    return out;
}

Result<void> AuthService::revoke_token(const Principal& who, std::string_view token_id) {
    std::string hash;
    auto revoked = store_.write([&](Tx& tx) -> Result<void> {
        auto deleted = tx.delete_api_token_of(who.user.id, token_id);
        if (!deleted) return deleted.error();
        // Another user's token is not found either: ids are no oracle.
        if (!*deleted) return Error::not_found("令牌", "API token");
        hash = **deleted;
        AuditEvent event{"token.revoke", "user", who.user.id, {{"token.id", std::string(token_id), std::nullopt}}};
        if (auto r = AuditTrail(clock_).record(tx, Actor::of(who), std::move(event)); !r) return r.error();
        return {};
    });
    if (!hash.empty()) cache_->forget(token_cache_key(hash));
    return revoked;
}

}  // namespace sanpi::service
