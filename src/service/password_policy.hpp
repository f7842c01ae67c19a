#pragma once
// What a new password must be: 12 to 256 characters, not the account's name, and not on the list
// of common passwords shipped with the project (common_passwords.txt, compared in lower case).
// Passwords set before this rule (the demo's 15-character one among them) keep working; the rule
// applies when a password is chosen.
#include <optional>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::service {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;

// The reason `password` cannot be used, naming `field`; none when it can.
std::optional<FieldError> check_new_password(std::string_view password, std::string_view user_name,
                                             std::string_view field);
bool is_common_password(std::string_view password);
// An account name: 2-64 of a-z 0-9 . _ -
bool valid_account_name(std::string_view name);
// A temporary password to hand to a person once: 16 letters and digits without look-alikes.
std::string temporary_password();

}  // namespace sanpi::service
