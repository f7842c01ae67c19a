#pragma once
// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from the
// alphabet 0-9 A-H J-N P-R T-U W-Y; the last one is a check character over the first 17.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::domain {

class CreditCode {
public:
    // Trims spaces, folds full-width and lower case; on a wrong check character the message
    // names the character expected.
    static Result<CreditCode> parse(std::string_view text, std::string_view field = "credit_code");
    // The check character for 17 valid characters, or nullopt if any is outside the alphabet.
    static std::optional<char> check_character(std::string_view first17);

    const std::string& str() const { return code_; }
    friend auto operator<=>(const CreditCode&, const CreditCode&) = default;

private:
    explicit CreditCode(std::string code) : code_(std::move(code)) {}
    std::string code_;
};

}  // namespace sanpi::domain
