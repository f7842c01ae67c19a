#include "report/markdown.hpp"

#include <gtest/gtest.h>

#include "domain/bulletin.hpp"
#include "support/summary_builders.hpp"

namespace sanpi::report {
namespace markdown_test {

TEST(BulletinMarkdown, HeadingsAndPipeTables) {
    const auto md = render_markdown(domain::build_bulletin(::sanpi::testing::full_summary(), domain::BulletinLang::kZh,
                                                           {domain::BulletinScope::Level::kProvince, "山西省"}));
    EXPECT_EQ(md.rfind("# 山西省开发区“三个一批”活动情况通报\n", 0), 0u);
    EXPECT_NE(md.find("\n## 一、总体情况\n"), std::string::npos);
    EXPECT_NE(
        md.find("| 批次 | 项目数（个） | 总投资（亿元） |\n| --- | ---: | ---: |\n| 签约一批 | 321 | 2456.78 |\n"),
        std::string::npos)
        << md;
    EXPECT_NE(md.find("| **合计** | **812** | **5320.97** |"), std::string::npos);
    // A pipe or markup in a name cannot break the table.
    EXPECT_NE(md.find("年产60万吨煤制烯烃项目 \\<一期\\> & \"配套\""), std::string::npos);
    EXPECT_EQ(markdown_escape("a|b*c_d"), "a\\|b\\*c\\_d");
    EXPECT_NE(md.find("*数据截至2022年6月30日。*"), std::string::npos);
}

}  // namespace markdown_test
}  // namespace sanpi::report
