#include "report/text_width.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sanpi::report {
namespace {

struct WidthCase {
    std::string text;
    std::size_t width;
};

TEST(DisplayWidth, ACjkCharacterCountsTwoAndTheWidestLineCounts) {
    const WidthCase cases[] = {
        {"", 0},
        {"abc", 3},
        {"项目名称", 8},
        {"2022年6月", 9},
        {"山西晋中经济技术开发区", 22},
        {"（集团）有限公司", 16},  // full-width brackets
        {"ＡＢ１２", 8},           // full-width Latin and digits
        {"钢铁、焦化", 10},        // ideographic comma
        {"Total investment", 16},
        {"一二\nabcde", 5},  // the wider of two lines
        {"abc\n项目", 4},
        {"\xff\xfe"
         "ab",
         4},                      // bytes that are not UTF-8 count one each
        {"\xe4\xb8", 2},          // a truncated sequence too
        {"한국", 4},              // hangul
        {"\xf0\xa0\x80\x80", 2},  // U+20000, CJK extension B
    };
    for (const auto& c : cases) EXPECT_EQ(display_width(c.text), c.width) << c.text;
}

}  // namespace
}  // namespace sanpi::report
