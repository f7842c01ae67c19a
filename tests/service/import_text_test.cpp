// The single-pass cell text functions against their definitions written the plain way (fold the
// whole text, then collapse its blanks, then key it), over random texts made of what zones type:
// full-width letters, digits and punctuation, U+3000, line breaks, tabs, "*" markers, colons.
#include "service/import_text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "domain/text_normalize.hpp"

namespace sanpi::service {
namespace {

bool blank(char c) { return c == ' ' || c == '\r' || c == '\n' || c == '\t'; }
bool word(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == ',';
}

std::string collapse_reference(const std::string& folded) {
    std::string out;
    bool pending = false;
    for (const char c : folded) {
        if (blank(c)) {
            if (c == ' ') pending = !out.empty();
            continue;
        }
        if (pending && word(out.back()) && word(c)) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

std::string clean_reference(const std::string& text) { return collapse_reference(domain::fold_full_width(text)); }
std::string tidy_reference(const std::string& text) { return collapse_reference(domain::fold_full_width_alnum(text)); }

std::string key_reference(const std::string& text) {
    std::string out;
    for (const char c : clean_reference(text)) {
        if (c != ' ') out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && out.front() == '*') out.erase(0, 1);
    if (!out.empty() && out.back() == ':') out.pop_back();
    return out;
}

std::string random_text(std::mt19937& random) {
    static const std::vector<std::string> pieces{
        "合", "计", "小", "总", "项目", "A",  "b",     "Z",      "1",    ".",        ",",
        ":",  "*",  " ",  " ",  "\r\n", "\t", "\n",    "\u3000", "：",   "＊",       "Ａ",
        "ｚ", "１", "（", "）", "，",   "．", "Total", "sub",    "\xEF", "\xEF\xBC", "\xE3\x80"};
    std::uniform_int_distribution<std::size_t> length(0, 14), piece(0, pieces.size() - 1);
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) text += pieces[piece(random)];
    return text;
}

TEST(ImportTextSinglePass, EqualsFoldingThenCollapsingThenKeying) {
    std::mt19937 random(20261203);
    for (int i = 0; i < 20000; ++i) {
        const std::string text = random_text(random);
        ASSERT_EQ(clean_cell_text(text), clean_reference(text)) << text;
        ASSERT_EQ(tidy_cell_text(text), tidy_reference(text)) << text;
        ASSERT_EQ(match_key(text), key_reference(text)) << text;
        ASSERT_EQ(is_blank_cell_text(text), clean_reference(text).empty()) << text;
        for (std::size_t n : {0, 1, 2, 5, 10}) {
            ASSERT_EQ(match_key_prefix(text, n), key_reference(text).substr(0, n)) << text << " n=" << n;
        }
    }
}

TEST(ImportTextSinglePass, KeyPrefixesStopAtTheirLengthAndDropOnlyTheKeysOwnTrailingColon) {
    EXPECT_EQ(match_key_prefix("合计：", 10), "合计");
    EXPECT_EQ(match_key_prefix(" ＊ Ｔｏｔａｌ", 10), "total");
    EXPECT_EQ(match_key_prefix("Grand Total: 12 projects in three cities", 10), "grandtotal");
    // The colon ends the prefix, not the key: it stays.
    EXPECT_EQ(match_key_prefix("abc:def", 4), "abc:");
    EXPECT_EQ(match_key_prefix("abc:", 4), "abc");
    EXPECT_TRUE(is_blank_cell_text(" \u3000\r\n\t"));
    EXPECT_TRUE(is_blank_cell_text(""));
    EXPECT_FALSE(is_blank_cell_text(" \u3000．"));
}

}  // namespace
}  // namespace sanpi::service
