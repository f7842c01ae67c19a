#include "http/codec_accounts.hpp"

#include "http/field_reader.hpp"
#include "http/finish_body.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

std::optional<domain::Role> read_role(FieldReader& reader, const json::value& v) {
    auto text = reader.string(v, "role");
    if (!text) return std::nullopt;
    auto role = domain::role_from_string(*text);
    if (!role)
        reader.invalid("role", "角色须为 province/city/zone/supervisor/viewer",
                       "role must be one of province, city, zone, supervisor, viewer");
    return role;
}

std::optional<bool> read_bool(FieldReader& reader, const json::value& v, std::string_view field) {
    if (!v.is_bool()) {
        reader.wrong_type(field, "须为 true 或 false", "must be true or false");
        return std::nullopt;
    }
    return v.as_bool();
}

}  // namespace

Decoded<service::AccountDraft> decode_account_draft(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    FieldReader reader;
    service::AccountDraft out;
    bool has_name = false, has_role = false, has_scope = false;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "name") {
            out.name = reader.string(value, "name").value_or("");
            has_name = true;
        } else if (key == "role") {
            if (auto role = read_role(reader, value)) out.role = *role;
            has_role = true;
        } else if (key == "scope") {
            out.scope = reader.string(value, "scope").value_or("");
            has_scope = true;
        } else if (key == "display_name") {
            out.display_name = reader.string(value, "display_name").value_or("");
        } else if (key == "password") {
            out.password = reader.string(value, "password");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (!has_name) reader.invalid("name", "缺少用户名", "name is required");
    if (!has_role) reader.invalid("role", "缺少角色", "role is required");
    if (!has_scope) reader.invalid("scope", "缺少范围", "scope is required");
    return finish_body(reader, std::move(out));
}

Decoded<service::AccountChange> decode_account_change(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    FieldReader reader;
    service::AccountChange out;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "active") {
            out.active = read_bool(reader, value, "active");
        } else if (key == "role") {
            out.role = read_role(reader, value);
        } else if (key == "scope") {
            out.scope = reader.string(value, "scope");
        } else if (key == "display_name") {
            out.display_name = reader.string(value, "display_name");
        } else if (key == "reset_password") {
            out.reset_password = read_bool(reader, value, "reset_password").value_or(false);
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (out.role && !out.scope) reader.invalid("scope", "变更角色须同时给出范围", "a role change needs a scope");
    return finish_body(reader, std::move(out));
}

Decoded<PasswordChange> decode_password_change(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    FieldReader reader;
    PasswordChange out;
    bool has_current = false, has_new = false;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "current_password") {
            out.current_password = reader.string(value, "current_password").value_or("");
            has_current = true;
        } else if (key == "new_password") {
            out.new_password = reader.string(value, "new_password").value_or("");
            has_new = true;
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (!has_current) reader.invalid("current_password", "缺少当前密码", "current_password is required");
    if (!has_new) reader.invalid("new_password", "缺少新密码", "new_password is required");
    return finish_body(reader, std::move(out));
}

Decoded<TokenRequest> decode_token_request(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    FieldReader reader;
    TokenRequest out;
    bool has_label = false, has_days = false;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "label") {
            out.label = reader.string(value, "label").value_or("");
            has_label = true;
        } else if (key == "days") {
            auto days = reader.count(value, "days");
            out.days = days.value_or(0);
            has_days = true;
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    if (!has_label) reader.invalid("label", "缺少标签", "label is required");
    if (!has_days) reader.invalid("days", "缺少有效天数", "days is required");
    return finish_body(reader, std::move(out));
}

json::object account_json(const domain::User& user, const std::string& scope_text) {
    return {{"id", user.id},
            {"name", user.name},
            {"display_name", user.display_name},
            {"role", domain::to_string(user.role)},
            {"scope", scope_text},
            {"active", user.active},
            {"must_change_password", user.must_change_password},
            {"version", user.version}};
}

json::object token_json(const service::TokenInfo& token) {
    json::value expires = token.expires_at ? json::value(china_time(*token.expires_at)) : json::value(nullptr);
    return {{"id", token.id},
            {"label", token.label},
            {"created_at", china_time(token.created_at)},
            {"expires_at", expires}};
}

}  // namespace sanpi::http
