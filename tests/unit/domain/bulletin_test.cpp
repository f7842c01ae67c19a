#include "domain/bulletin.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/summary_builders.hpp"

namespace sanpi::domain {
namespace bulletin_test {

using ::sanpi::testing::demo_summary;
using ::sanpi::testing::full_summary;

const BulletinScope kProvince{BulletinScope::Level::kProvince, "山西省"};
const BulletinScope kShanxi{BulletinScope::Level::kProvince, "Shanxi"};

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

const BulletinSection* section_named(const Bulletin& b, const std::string& heading_part) {
    for (const auto& s : b.sections) {
        if (s.heading.find(heading_part) != std::string::npos) return &s;
    }
    return nullptr;
}

std::string all_text(const Bulletin& b) {
    std::string out = b.title + b.subtitle + b.headline + b.figures_as_of;
    for (const auto& s : b.sections) {
        out += s.heading;
        for (const auto& block : s.blocks) out += block.paragraph;
    }
    return out;
}

TEST(Bulletin, TheDemoHeadlineInEnglish) {
    const auto b = build_bulletin(demo_summary(), BulletinLang::kEn, kShanxi);
    EXPECT_EQ(b.headline,
              "Development zones across the province signed 321 projects, started 302 and put 189 into production, "
              "in modern coal chemicals, equipment manufacturing, new energy, new materials, energy saving and "
              "environmental protection, big data, and modern medicine and health.");
    ASSERT_EQ(b.lead.size(), 1u);
    EXPECT_EQ(b.lead[0],
              "Their total investment is RMB 245.678 billion, RMB 198.765 billion and RMB 87.654 billion "
              "respectively.");
    EXPECT_EQ(b.title, "“Three Batches” Campaign Bulletin: Shanxi");
    EXPECT_EQ(b.subtitle, "2022年全省开发区第二次“三个一批”活动, 22 June 2022");
}

TEST(Bulletin, TheDemoHeadlineInChinese) {
    const auto b = build_bulletin(demo_summary(), BulletinLang::kZh, kProvince);
    EXPECT_EQ(b.headline,
              "全省开发区集中签约项目321个、总投资2456.78亿元，集中开工项目302个、总投资1987.65亿元，"
              "集中投产项目189个、总投资876.54亿元，涉及现代煤化工、装备制造、新能源、新材料、节能环保、"
              "大数据和现代医药和大健康等产业。");
    EXPECT_TRUE(b.lead.empty());
    EXPECT_EQ(b.title, "山西省开发区“三个一批”活动情况通报");
    EXPECT_EQ(count_of(b.headline, "其他"), 0u);  // no project: not named
}

TEST(Bulletin, TheCatchAllIndustryIsCountedInTheTableButNotNamed) {
    auto s = demo_summary();
    for (auto& b : s.batches) {
        b.by_industry[0].projects -= 2;
        b.by_industry.back().projects += 2;  // "other"
    }
    const auto zh = build_bulletin(s, BulletinLang::kZh, kProvince);
    EXPECT_NE(zh.headline.find("大数据和现代医药和大健康等产业。"), std::string::npos) << zh.headline;
    EXPECT_EQ(count_of(zh.headline, "其他"), 0u);
    const auto& rows = zh.sections[1].blocks[0].table->rows;
    ASSERT_EQ(rows.size(), 8u);
    EXPECT_EQ(rows.back()[0], "其他");
    EXPECT_EQ(rows.back()[1], "2");
    const auto en = build_bulletin(s, BulletinLang::kEn, kShanxi);
    EXPECT_NE(en.headline.find(", big data, and modern medicine and health."), std::string::npos) << en.headline;
}

TEST(Bulletin, AnIndustryIsNamedOnceInTheCataloguesOrderWhicheverBatchHasIt) {
    auto s = demo_summary();
    for (auto& b : s.batches) {
        for (auto& line : b.by_industry) {
            if (line.industry_code != "modern_coal_chemical") continue;
            line.projects = b.batch == BatchKind::kProduce ? 3 : 0;  // only the last batch has it
        }
    }
    const auto b = build_bulletin(s, BulletinLang::kZh, kProvince);
    EXPECT_NE(b.headline.find("涉及现代煤化工、装备制造"), std::string::npos) << b.headline;
    EXPECT_EQ(count_of(b.headline, "现代煤化工"), 1u);
    const auto& rows = b.sections[1].blocks[0].table->rows;
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[0][0], "现代煤化工");
}

TEST(Bulletin, ScopesNameTheirSubject) {
    const auto s = demo_summary();
    EXPECT_EQ(
        build_bulletin(s, BulletinLang::kZh, {BulletinScope::Level::kNation, "全国"}).headline.rfind("全国开发区", 0),
        0u);
    EXPECT_EQ(
        build_bulletin(s, BulletinLang::kZh, {BulletinScope::Level::kCity, "太原市"}).headline.rfind("全市开发区", 0),
        0u);
    const auto zone = build_bulletin(s, BulletinLang::kZh, {BulletinScope::Level::kZone, "大同经济技术开发区"});
    EXPECT_EQ(zone.headline.rfind("大同经济技术开发区集中签约", 0), 0u);
    EXPECT_EQ(zone.title, "大同经济技术开发区“三个一批”活动情况通报");
    EXPECT_EQ(build_bulletin(s, BulletinLang::kEn, {BulletinScope::Level::kNation, "Nationwide"})
                  .headline.rfind("Development zones nationwide signed 321 projects", 0),
              0u);
}

TEST(Bulletin, TablesByBatchIndustryAndCityAddUpToTheBatches) {
    const auto b = build_bulletin(demo_summary(), BulletinLang::kZh, kProvince);
    ASSERT_EQ(b.sections.size(), 5u);  // overview, industry, city, comparison, conversion
    const auto& batches = *b.sections[0].blocks[0].table;
    EXPECT_EQ(batches.caption, "表1　各批次项目情况");
    ASSERT_EQ(batches.rows.size(), 3u);
    EXPECT_EQ(batches.rows[0], (std::vector<std::string>{"签约一批", "321", "2456.78"}));
    EXPECT_EQ(batches.totals, (std::vector<std::string>{"合计", "812", "5320.97"}));
    const auto& industries = *section_named(b, "分产业")->blocks[0].table;
    EXPECT_EQ(industries.caption, "表2　分产业项目情况");
    EXPECT_EQ(industries.header.size(), 7u);
    EXPECT_EQ(industries.rows.size(), 7u);  // "其他" has no project
    EXPECT_EQ(industries.totals,
              (std::vector<std::string>{"合计", "321", "2456.78", "302", "1987.65", "189", "876.54"}));
    const auto& cities = *section_named(b, "分城市")->blocks[0].table;
    ASSERT_EQ(cities.rows.size(), 2u);
    EXPECT_EQ(cities.rows[1][0], "大同市");
    EXPECT_EQ(cities.rows[1][1], "107");
    EXPECT_EQ(b.sections[0].heading, "一、总体情况");
}

TEST(Bulletin, ANationalSummaryHasNoCityTableAndTheFirstCampaignSaysSo) {
    auto s = demo_summary();
    for (auto& batch : s.batches) batch.by_city.clear();
    const auto b = build_bulletin(s, BulletinLang::kEn, {BulletinScope::Level::kNation, "Nationwide"});
    EXPECT_EQ(section_named(b, "By city"), nullptr);
    const auto* comparison = section_named(b, "previous campaign");
    ASSERT_NE(comparison, nullptr);
    EXPECT_EQ(comparison->heading, "3. Compared with the previous campaign");
    EXPECT_EQ(comparison->blocks[0].paragraph,
              "This is the first campaign: there is no earlier campaign to compare with.");
    const auto* conversion = section_named(b, "Conversion");
    ASSERT_NE(conversion, nullptr);
    EXPECT_NE(conversion->blocks[0].paragraph.find("no start rate yet"), std::string::npos);
    EXPECT_TRUE(b.figures_as_of.empty());  // the summary did not say
}

TEST(Bulletin, EveryPartOfAFullSummary) {
    const auto s = full_summary();
    const auto zh = build_bulletin(s, BulletinLang::kZh, kProvince);
    ASSERT_EQ(zh.sections.size(), 7u);
    const auto* top = section_named(zh, "重点项目");
    ASSERT_NE(top, nullptr);
    ASSERT_EQ(top->blocks.size(), 3u);
    const auto& first = *top->blocks[0].table;
    EXPECT_EQ(first.caption, "表4　签约一批投资前2位项目");
    EXPECT_EQ(first.rows[0], (std::vector<std::string>{"1", "年产60万吨煤制烯烃项目 <一期> & \"配套\"",
                                                       "长治经济技术开发区", "长治市", "现代煤化工", "180.50"}));
    EXPECT_EQ(first.rows[1][3], "140200");  // a city without a name shows its code
    const auto* bands = section_named(zh, "规模");
    ASSERT_EQ(bands->blocks.size(), 2u);
    const auto& counts = *bands->blocks[0].table;
    EXPECT_EQ(counts.header,
              (std::vector<std::string>{"批次", "1亿元及以上", "10亿元及以上", "50亿元及以上", "100亿元及以上"}));
    ASSERT_EQ(counts.rows.size(), 3u);
    EXPECT_EQ(counts.rows[0], (std::vector<std::string>{"签约一批", "160（49.8%）", "80（24.9%）", "5（1.6%）",
                                                        "2（0.6%）"}));  // of 321
    EXPECT_EQ(bands->blocks[1].table->rows[2][4], "300.00");
    const auto* comparison = section_named(zh, "与上次活动比较");
    ASSERT_EQ(comparison->blocks.size(), 2u);
    EXPECT_EQ(comparison->blocks[0].paragraph,
              "与上次活动（2022年全省开发区第一次“三个一批”活动，2022年3月18日）相比，签约项目增加21个、"
              "总投资增加456.78亿元；开工项目减少8个、总投资持平；投产项目持平、总投资减少23.46亿元。");
    EXPECT_EQ(comparison->blocks[1].table->rows[0],
              (std::vector<std::string>{"签约一批", "321", "300", "+21", "2456.78", "2000.00", "+456.78"}));
    EXPECT_EQ(section_named(zh, "转化")->blocks[0].paragraph,
              "此前各次活动签约的300个项目中，已有214个开工，开工率71.3%；此前各次活动开工的310个项目中，已有95个投产，"
              "投产率30.6%。");  // 95 / 310 = 30.645%: rounded once
    EXPECT_EQ(zh.figures_as_of, "数据截至2022年6月30日。");

    const auto en = build_bulletin(s, BulletinLang::kEn, kShanxi);
    EXPECT_EQ(section_named(en, "Conversion")->blocks[0].paragraph,
              "Of the 300 projects signed at earlier campaigns, 214 have started since (start rate 71.3%); of the 310 "
              "started at earlier campaigns, 95 now produce (production rate 30.6%).");
    EXPECT_EQ(en.figures_as_of, "Figures as of 30 June 2022.");
    EXPECT_EQ(section_named(en, "size")->blocks[0].table->header[2], "RMB 1bn and above");
    EXPECT_NE(all_text(en).find("the sign batch has 21 more projects and RMB 45.678 billion more investment"),
              std::string::npos)
        << all_text(en);
}

}  // namespace bulletin_test
}  // namespace sanpi::domain
