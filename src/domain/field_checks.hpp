#pragma once
// The small checks every validator in the domain shares, so each names a field the same way.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::domain {

// Free-text limits shared by every reason and resolution a user types.
inline constexpr std::size_t kMaxReasonLength = 500;
inline constexpr std::size_t kMaxResolutionLength = 2000;

inline bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

inline void add_field_error(std::vector<FieldError>& out, std::string field, std::string zh, std::string en) {
    out.push_back(FieldError{std::move(field), {std::move(zh), std::move(en)}});
}

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// True for the empty string too; callers that need a digit say so.
inline bool all_ascii_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_ascii_digit); }

inline unsigned byte_at(std::string_view bytes, std::size_t i) { return static_cast<unsigned char>(bytes[i]); }

}  // namespace sanpi::domain
