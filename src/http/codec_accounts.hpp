#pragma once
// JSON of accounts, API tokens and password changes (handlers_accounts.cpp).
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "http/codec.hpp"
#include "service/auth_service.hpp"

namespace sanpi::http {

struct PasswordChange {
    std::string current_password;
    std::string new_password;
};

struct TokenRequest {
    std::string label;
    int days = 0;
};

Decoded<service::AccountDraft> decode_account_draft(std::string_view body);
Decoded<service::AccountChange> decode_account_change(std::string_view body);
Decoded<PasswordChange> decode_password_change(std::string_view body);
Decoded<TokenRequest> decode_token_request(std::string_view body);

// An account as administrators see it; `scope_text` is what POST/PATCH take back as "scope".
boost::json::object account_json(const domain::User& user, const std::string& scope_text);
boost::json::object token_json(const service::TokenInfo& token);

}  // namespace sanpi::http
