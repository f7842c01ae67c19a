#include "report/html.hpp"

#include <gtest/gtest.h>

#include "domain/bulletin.hpp"
#include "support/summary_builders.hpp"
#include "xml_check.hpp"

namespace sanpi::report {
namespace html_test {

const domain::BulletinScope kShanxiZh{domain::BulletinScope::Level::kProvince, "山西省"};

TEST(BulletinHtml, EscapesEveryCharacterThatCouldEndText) {
    EXPECT_EQ(html_escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    EXPECT_EQ(html_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(html_escape("现代煤化工"), "现代煤化工");
}

TEST(BulletinHtml, OneWellFormedSelfContainedDocument) {
    auto summary = ::sanpi::testing::full_summary();
    summary.campaign.name = "活动 </title><script>x</script>";
    const auto html = render_html(domain::build_bulletin(summary, domain::BulletinLang::kZh, kShanxiZh));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0), 0u);
    EXPECT_NE(html.find("<meta charset=\"utf-8\" />"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);  // names are text, never markup
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("年产60万吨煤制烯烃项目 &lt;一期&gt; &amp; &quot;配套&quot;"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);     // nothing fetched from elsewhere
    EXPECT_EQ(::sanpi::testing::xml_problem(html), "");  // void elements closed: it parses as XML too
    EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_NE(html.find("thead { display: table-header-group; }"), std::string::npos);
    EXPECT_NE(html.find("\"FangSong\""), std::string::npos);
    EXPECT_NE(html.find("<td class=\"num\">2456.78</td>"), std::string::npos);
    EXPECT_NE(html.find("<tfoot><tr><td>合计</td>"), std::string::npos);
}

TEST(BulletinHtml, EnglishSaysItsLanguage) {
    const auto html = render_html(domain::build_bulletin(::sanpi::testing::demo_summary(), domain::BulletinLang::kEn,
                                                         {domain::BulletinScope::Level::kProvince, "Shanxi"}));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_NE(html.find("signed 321 projects, started 302 and put 189 into production"), std::string::npos);
    EXPECT_EQ(::sanpi::testing::xml_problem(html), "");
}

}  // namespace html_test
}  // namespace sanpi::report
