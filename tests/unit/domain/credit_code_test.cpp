#include "domain/credit_code.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace credit_code_test {

using testing::only_field;

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

struct ValidCase {
    std::string text;
    std::string code;
};

TEST(CreditCodeParse, AcceptsRealCodesInAnySpelling) {
    const ValidCase cases[] = {
        {"91350100M000100Y43", "91350100M000100Y43"},
        {"911101080828461726", "911101080828461726"},
        {"91110000802100433B", "91110000802100433B"},
        {"91440300708461136T", "91440300708461136T"},
        {"91350100m000100y43", "91350100M000100Y43"},
        {"９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"},
        {"９１３５０１００ｍ０００１００ｙ４３", "91350100M000100Y43"},
        {"  91350100M000100Y43\u3000", "91350100M000100Y43"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = CreditCode::parse(c.text);
        ASSERT_TRUE(parsed) << parsed.error().fields.at(0).message.en;
        EXPECT_EQ(parsed->str(), c.code);
    }
}

TEST(CreditCodeCheck, ComputesTheGb32100CheckCharacter) {
    EXPECT_EQ(CreditCode::check_character("91350100M000100Y4"), '3');
    EXPECT_EQ(CreditCode::check_character("91110108082846172"), '6');
    EXPECT_EQ(CreditCode::check_character("91110000802100433"), 'B');
    EXPECT_EQ(CreditCode::check_character("00000000000000000"), '0');           // sum 0: 31 - 0 wraps to '0'
    EXPECT_EQ(CreditCode::check_character("9135010OM000100Y4"), std::nullopt);  // letter O
    EXPECT_EQ(CreditCode::check_character("91350100m000100Y4"), std::nullopt);  // lower case is not folded here
    EXPECT_EQ(CreditCode::check_character("91350100M000100Y"), std::nullopt);
    EXPECT_EQ(CreditCode::check_character(""), std::nullopt);
}

TEST(CreditCodeCheck, EveryOtherLastCharacterIsRejectedNamingTheExpectedOne) {
    for (const char last : kAlphabet) {
        if (last == '3') continue;
        const std::string code = std::string("91350100M000100Y4") + last;
        SCOPED_TRACE(code);
        const auto parsed = CreditCode::parse(code, "investors[0].credit_code");
        ASSERT_FALSE(parsed);
        const auto& field = only_field(parsed.error());
        EXPECT_EQ(field.field, "investors[0].credit_code");
        EXPECT_NE(field.message.zh.find("校验位应为 3"), std::string::npos) << field.message.zh;
        EXPECT_NE(field.message.en.find("check character should be '3'"), std::string::npos) << field.message.en;
    }
}

TEST(CreditCodeCheck, GeneratedCodesAreAccepted) {
    // Walk the alphabet through every position so each weight is exercised.
    for (std::size_t shift = 0; shift < kAlphabet.size(); ++shift) {
        std::string first17;
        for (std::size_t i = 0; i < 17; ++i) first17 += kAlphabet[(i * 7 + shift) % kAlphabet.size()];
        const auto check = CreditCode::check_character(first17);
        ASSERT_TRUE(check);
        EXPECT_TRUE(CreditCode::parse(first17 + *check)) << first17 + *check;
    }
}

struct RejectCase {
    std::string text;
    std::string zh;
    std::string en;
};

TEST(CreditCodeParse, RejectsHostileInput) {
    const RejectCase cases[] = {
        {"", "不能为空", "required"},
        {"   ", "不能为空", "required"},
        {"91350100M000100Y4", "实际为17位", "not 17"},
        {"91350100M000100Y433", "实际为19位", "not 19"},
        {"91350100M000100Y 43", "实际为19位", "not 19"},
        {std::string(100'000, '9'), "实际为100000位", "not 100000"},
        {"91350100I000100Y43", "第9位的“I”", "character 9 ('I')"},
        {"91350100O000100Y43", "第9位的“O”", "character 9 ('O')"},
        {"9135010SM000100Y43", "第8位的“S”", "character 8 ('S')"},
        {"91350100M000100V43", "第16位的“V”", "character 16 ('V')"},
        {"Z1350100M000100Y43", "第1位的“Z”", "character 1 ('Z')"},
        {"91350100z000100Y43", "第9位的“Z”", "character 9 ('Z')"},
        {"91350100 M000100Y4", "第9位的“ ”", "character 9 (' ')"},
        {"91350100-M000100Y4", "第9位的“-”", "character 9 ('-')"},
        {"91350100中000100Y43", "第9位的“中”", "character 9 ('中')"},
        {"91350100M000100Y44", "校验位应为 3", "should be '3'"},
        {"91350100\xFF"
         "000100Y43",
         "无效字符", "invalid characters"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text.substr(0, 40));
        const auto parsed = CreditCode::parse(c.text);
        ASSERT_FALSE(parsed);
        const auto& field = only_field(parsed.error());
        EXPECT_EQ(field.field, "credit_code");
        EXPECT_NE(field.message.zh.find(c.zh), std::string::npos) << field.message.zh;
        EXPECT_NE(field.message.en.find(c.en), std::string::npos) << field.message.en;
    }
}

TEST(CreditCodeValue, ComparesByCode) {
    EXPECT_EQ(CreditCode::parse("91350100m000100y43").value(), CreditCode::parse("91350100M000100Y43").value());
    EXPECT_NE(CreditCode::parse("911101080828461726").value(), CreditCode::parse("91350100M000100Y43").value());
}

}  // namespace credit_code_test
}  // namespace sanpi::domain
