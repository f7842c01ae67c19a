#pragma once
// What a user types to register an investor enterprise: its name and its unified social credit
// code. Ownership and chain role are not asked for here; they stay "other" and "none" until set.
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/enterprise.hpp"
#include "domain/error.hpp"

namespace sanpi::domain {

// Registered names run to about 60 characters; twice that leaves room and still fits a form.
inline constexpr std::size_t kMaxEnterpriseNameLength = 120;

// Trims ASCII whitespace and ideographic spaces (U+3000) at both ends. Inner text, full-width
// brackets of names such as “（集团）” included, is kept as registered.
std::string trim_enterprise_name(std::string_view name);

// A new enterprise from what was typed, or kInvalidInput naming `name` and `credit_code`, every
// problem at once.
Result<Enterprise> register_enterprise(std::string_view name, std::string_view credit_code);

}  // namespace sanpi::domain
