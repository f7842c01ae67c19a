#include "domain/text_normalize.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sanpi::domain {
namespace text_normalize_test {

TEST(FoldFullWidth, FoldsDigitsLettersAndPunctuation) {
    EXPECT_EQ(fold_full_width("１２，３４０．５"), "12,340.5");
    EXPECT_EQ(fold_full_width("ＡＢｃｚ！～"), "ABcz!~");
    EXPECT_EQ(fold_full_width("２０２２－０６／２２"), "2022-06/22");
}

TEST(FoldFullWidth, FoldsIdeographicSpaceAndKeepsChinese) {
    EXPECT_EQ(fold_full_width("\u3000亿元\u3000"), " 亿元 ");
    EXPECT_EQ(fold_full_width("句号。不变"), "句号。不变");
    EXPECT_EQ(fold_full_width("￥"), "￥");  // U+FFE5 is outside the folded block
}

TEST(FoldFullWidth, PassesThroughAsciiAndBrokenBytes) {
    EXPECT_EQ(fold_full_width(""), "");
    EXPECT_EQ(fold_full_width("abc 123"), "abc 123");
    const std::string broken = "\xEF\xBC";  // a truncated full-width sequence
    EXPECT_EQ(fold_full_width(broken), broken);
}

TEST(FoldFullWidth, FoldsBetweenRunsOfOtherText) {
    EXPECT_EQ(fold_full_width("年产ＡＢ（一期）１２万吨\xEF"), "年产AB(一期)12万吨\xEF");
    EXPECT_EQ(fold_full_width("ＡＢ（一期）"), "AB(一期)");
    // Only letters, digits and spaces: the brackets stay full-width, as people type them.
    EXPECT_EQ(fold_full_width_alnum("年产ＡＢ（一期）１２\u3000万吨"), "年产AB（一期）12 万吨");
    EXPECT_EQ(fold_full_width_alnum("（）"), "（）");
}

TEST(NormalizeInput, FoldsThenTrims) {
    EXPECT_EQ(normalize_input("  \t１２．５亿元\u3000\n"), "12.5亿元");
    EXPECT_EQ(normalize_input("\u3000\u3000"), "");
    EXPECT_EQ(normalize_input("a  b"), "a  b");
}

TEST(NormalizeInput, HandlesHugeInput) {
    const std::string huge(100'000, ' ');
    EXPECT_EQ(normalize_input(huge + "x" + huge), "x");
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("ascii"));
    EXPECT_TRUE(is_valid_utf8("太原经济技术开发区"));
    EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // an emoji
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(IsValidUtf8, RejectsMalformedText) {
    const char* const bad[] = {
        "\x80",              // lone continuation byte
        "\xC3",              // truncated
        "\xC0\xAF",          // overlong '/'
        "\xC1\xBF",          // overlong
        "\xE0\x80\xAF",      // overlong three-byte
        "\xF0\x80\x80\xAF",  // overlong four-byte
        "\xED\xA0\x80",      // surrogate U+D800
        "\xED\xBF\xBF",      // surrogate U+DFFF
        "\xF4\x90\x80\x80",  // U+110000
        "\xF5\x80\x80\x80",  // beyond the Unicode range
        "\xFF",
        "\xE4\xB8",      // truncated Chinese character
        "\xE4\x41\xAD",  // bad continuation byte
    };
    for (const char* b : bad) {
        SCOPED_TRACE(::testing::PrintToString(std::string(b)));
        EXPECT_FALSE(is_valid_utf8(b));
    }
    EXPECT_FALSE(is_valid_utf8(std::string("ok") + "\xFE"));
}

TEST(Utf8Length, CountsCodePoints) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("开发区"), 3u);
    EXPECT_EQ(utf8_length("a开\xF0\x9F\x98\x80"), 3u);
}

}  // namespace text_normalize_test
}  // namespace sanpi::domain
