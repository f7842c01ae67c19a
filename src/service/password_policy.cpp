#include "service/password_policy.hpp"

#include <sodium.h>

#include <algorithm>
#include <string>
#include <unordered_set>

namespace sanpi::service {

extern const std::string_view kCommonPasswordsText;

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
    return out;
}

const std::unordered_set<std::string_view>& common_passwords() {
    static const auto* set = [] {
        auto* s = new std::unordered_set<std::string_view>();
        std::string_view rest = kCommonPasswordsText;
        while (!rest.empty()) {
            auto end = rest.find('\n');
            auto line = rest.substr(0, end);
            if (!line.empty()) s->insert(line);
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
        return s;
    }();
    return *set;
}

// Code points, not bytes: a Chinese pass phrase of 12 characters is 36 bytes.
std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

bool valid_account_name(std::string_view name) {
    if (name.size() < 2 || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

bool is_common_password(std::string_view password) { return common_passwords().contains(lower_ascii(password)); }

std::optional<FieldError> check_new_password(std::string_view password, std::string_view user_name,
                                             std::string_view field) {
    const auto length = utf8_length(password);
    if (length < kMinPasswordLength || password.size() > kMaxPasswordLength) {
        return FieldError{std::string(field), {"密码长度须为 12–256 个字符", "password must be 12-256 characters"}};
    }
    if (is_common_password(password)) {
        return FieldError{std::string(field), {"密码过于常见，请换一个", "password is too common; choose another"}};
    }
    if (!user_name.empty() && lower_ascii(password).find(lower_ascii(user_name)) != std::string::npos &&
        user_name.size() * 2 >= password.size()) {
        return FieldError{std::string(field), {"密码不能与用户名相近", "password must not resemble the user name"}};
    }
    return std::nullopt;
}

std::string temporary_password() {
    static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    if (sodium_init() < 0) return {};
    std::string out;
    for (int i = 0; i < 16; ++i) {
        out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
    return out;
}

}  // namespace sanpi::service
