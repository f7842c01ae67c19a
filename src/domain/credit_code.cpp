#include "domain/credit_code.hpp"

#include <array>

#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

// GB 32100-2015: digits and capitals without I, O, S, V, Z (too easily misread).
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr std::size_t kLength = 18;

std::string to_upper_ascii(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

// The first character outside the alphabet, as 1-based position and the UTF-8 text of that character.
struct BadCharacter {
    std::size_t position = 0;
    std::string text;
};

BadCharacter first_bad_character(std::string_view code) {
    std::size_t position = 0;
    for (std::size_t i = 0; i < code.size();) {
        std::size_t n = 1;
        while (i + n < code.size() && (static_cast<unsigned char>(code[i + n]) & 0xC0) == 0x80) ++n;
        ++position;
        if (n > 1 || kAlphabet.find(code[i]) == std::string_view::npos) {
            return {position, std::string(code.substr(i, n))};
        }
        i += n;
    }
    return {};
}

}  // namespace

std::optional<char> CreditCode::check_character(std::string_view first17) {
    if (first17.size() != kWeights.size()) {
        return std::nullopt;
    }
    int sum = 0;
    for (std::size_t i = 0; i < first17.size(); ++i) {
        const std::size_t value = kAlphabet.find(first17[i]);
        if (value == std::string_view::npos) {
            return std::nullopt;
        }
        sum += static_cast<int>(value) * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return kAlphabet[static_cast<std::size_t>(check)];
}

Result<CreditCode> CreditCode::parse(std::string_view text, std::string_view field) {
    std::string code = to_upper_ascii(normalize_input(text));
    if (code.empty()) {
        return Error::invalid_field(field, "统一社会信用代码不能为空", "unified social credit code is required");
    }
    if (!is_valid_utf8(code)) {
        return Error::invalid_field(field, "统一社会信用代码含有无效字符",
                                    "unified social credit code contains invalid characters");
    }
    const std::size_t length = utf8_length(code);
    if (length != kLength) {
        const std::string n = std::to_string(length);
        return Error::invalid_field(field, "统一社会信用代码应为18位，实际为" + n + "位",
                                    "unified social credit code must have 18 characters, not " + n);
    }
    if (const BadCharacter bad = first_bad_character(code); bad.position != 0) {
        const std::string pos = std::to_string(bad.position);
        return Error::invalid_field(
            field, "统一社会信用代码第" + pos + "位的“" + bad.text + "”无效（只用数字和除 I、O、S、V、Z 外的大写字母）",
            "character " + pos + " ('" + bad.text +
                "') is not allowed; the code uses digits and capitals except I, O, S, V, Z");
    }
    const char expected = *check_character(std::string_view(code).substr(0, 17));
    if (code[17] != expected) {
        const std::string e(1, expected);
        return Error::invalid_field(field, "统一社会信用代码校验位应为 " + e + "，实际为 " + code.substr(17),
                                    "check character should be '" + e + "', not '" + code.substr(17) + "'");
    }
    return CreditCode(std::move(code));
}

}  // namespace sanpi::domain
