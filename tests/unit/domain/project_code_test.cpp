#include "domain/project_code.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace project_code_test {

using testing::only_field;
using testing::ymd;

const Date kToday = ymd(2022, 6, 30);

struct NationalCase {
    std::string text;
    std::string code;
    ProjectCodeLayout layout;
    int year;
    std::optional<int> month;
    std::string region;
};

TEST(ProjectCodeParse, ReadsNationalCodesInBothLayouts) {
    const NationalCase cases[] = {
        {"2203-140100-89-01-346948", "2203-140100-89-01-346948", ProjectCodeLayout::kYearMonth, 2022, 3, "140100"},
        {"2011-140105-04-01-12345X", "2011-140105-04-01-12345X", ProjectCodeLayout::kYearMonth, 2020, 11, "140105"},
        {"2206-130202-89-01-637015", "2206-130202-89-01-637015", ProjectCodeLayout::kYearMonth, 2022, 6, "130202"},
        {"2112-140000-34-03-0A1B2C", "2112-140000-34-03-0A1B2C", ProjectCodeLayout::kYearMonth, 2021, 12, "140000"},
        {"2020-330327-48-01-167360", "2020-330327-48-01-167360", ProjectCodeLayout::kYear, 2020, std::nullopt,
         "330327"},
        {"2017-140000-34-03-012345", "2017-140000-34-03-012345", ProjectCodeLayout::kYear, 2017, std::nullopt,
         "140000"},
        {"2014-451421-88-03-016343", "2014-451421-88-03-016343", ProjectCodeLayout::kYear, 2014, std::nullopt,
         "451421"},
        {"2021-140100-89-01-346948", "2021-140100-89-01-346948", ProjectCodeLayout::kYear, 2021, std::nullopt,
         "140100"},
        // Spellings: full width, lower case, spaces around, dashes a word processor substituted.
        {"２２０３－１４０１００－８９－０１－３４６９４８", "2203-140100-89-01-346948", ProjectCodeLayout::kYearMonth,
         2022, 3, "140100"},
        {"  2112-140000-34-03-0a1b2c\u3000", "2112-140000-34-03-0A1B2C", ProjectCodeLayout::kYearMonth, 2021, 12,
         "140000"},
        {"2203\u2013140100\u201489\u221201-346948", "2203-140100-89-01-346948", ProjectCodeLayout::kYearMonth, 2022, 3,
         "140100"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = ProjectCode::parse(c.text, kToday);
        ASSERT_TRUE(parsed) << only_field(parsed.error()).message.en;
        EXPECT_EQ(parsed->str(), c.code);
        EXPECT_EQ(parsed->layout(), c.layout);
        EXPECT_EQ(parsed->legacy(), c.layout != ProjectCodeLayout::kYearMonth);
        EXPECT_EQ(parsed->issue_year(), c.year);
        EXPECT_EQ(parsed->issue_month(), c.month);
        ASSERT_TRUE(parsed->region());
        EXPECT_EQ(parsed->region()->str(), c.region);
    }
}

TEST(ProjectCodeParse, ExposesEachPart) {
    const auto code = ProjectCode::parse("2203-140105-89-05-34694X", kToday).value();
    EXPECT_EQ(code.department_code(), "89");
    EXPECT_EQ(code.project_type_code(), "05");
    EXPECT_EQ(code.serial(), "34694");
    EXPECT_EQ(code.check_character(), "X");
    EXPECT_EQ(code.region()->city().str(), "140100");
}

TEST(ProjectCodeParse, TheCurrentMonthIsNotTheFuture) {
    EXPECT_TRUE(ProjectCode::parse("2206-140100-89-01-346948", ymd(2022, 6, 1)));
    EXPECT_FALSE(ProjectCode::parse("2207-140100-89-01-346948", ymd(2022, 6, 30)));
    EXPECT_FALSE(ProjectCode::parse("2022-140100-89-01-346948", ymd(2022, 1, 1)));    // month 22
    EXPECT_FALSE(ProjectCode::parse("2021-140100-89-01-346948", ymd(2020, 12, 31)));  // a year after today
}

struct LegacyCase {
    std::string text;
    std::string code;
};

TEST(ProjectCodeParse, KeepsOtherLayoutsAsWrittenWithTheLegacyFlag) {
    const LegacyCase cases[] = {
        {"2017-140000-034-03-012345", "2017-140000-034-03-012345"},  // provincial, a three-digit segment
        {"201714000034030123456", "201714000034030123456"},          // no dashes
        {"22031401008901346948", "22031401008901346948"},            // a national code without its dashes
        {"jin2016-140100-0001", "JIN2016-140100-0001"},
        {"SX/FG/2016/001234", "SX/FG/2016/001234"},
        {"14.01_2016.123456", "14.01_2016.123456"},
        {"12345678", "12345678"},                      // the shortest
        {std::string(40, '7'), std::string(40, '7')},  // the longest
        {"２０１７１４００００３４０３", "20171400003403"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        const auto parsed = ProjectCode::parse(c.text, kToday);
        ASSERT_TRUE(parsed) << only_field(parsed.error()).message.en;
        EXPECT_EQ(parsed->str(), c.code);
        EXPECT_EQ(parsed->layout(), ProjectCodeLayout::kLegacy);
        EXPECT_TRUE(parsed->legacy());
        EXPECT_FALSE(parsed->region());
        EXPECT_FALSE(parsed->issue_year());
        EXPECT_EQ(parsed->department_code(), "");
        EXPECT_EQ(parsed->serial(), "");
    }
}

struct RejectCase {
    std::string name;
    std::string text;
    std::string zh;
    std::string en;
};

TEST(ProjectCodeParse, RefusesNamingTheReason) {
    const RejectCase cases[] = {
        {"empty", "", "不能为空", "required"},
        {"blank", " \u3000 ", "不能为空", "required"},
        {"bad UTF-8", "2203-140100-89-01-34694\xFF", "无效字符", "invalid characters"},
        // National shape: every part is checked.
        {"letter in the time code", "22O3-140100-89-01-346948", "时间代码“22O3”应为4位数字", "must be four digits"},
        {"year before the platform", "2013-140100-89-01-346948", "时间代码“2013”不合理", "'2013' is implausible"},
        {"year after the switch", "2023-140100-89-01-346948", "时间代码“2023”不合理", "'2023' is implausible"},
        {"month 13", "2213-140100-89-01-346948", "时间代码“2213”不合理", "'2213' is implausible"},
        {"month 00", "2200-140100-89-01-346948", "时间代码“2200”不合理", "'2200' is implausible"},
        {"year-month before the switch", "2010-140100-89-01-346948", "时间代码“2010”不合理", "implausible"},
        {"year-month in the future", "2207-140100-89-01-346948", "赋码时间 2022年7月 晚于今天",
         "2022-07, is after today"},
        {"far future", "9912-140100-89-01-346948", "2099年12月 晚于今天", "2099-12, is after today"},
        {"no such province", "2203-990100-89-01-346948", "地区代码有误", "region part"},
        {"county without city", "2203-140005-89-01-346948", "地区代码有误", "region part"},
        {"letter in the region", "2203-14O100-89-01-346948", "地区代码有误", "region part"},
        {"letter in the department", "2203-140100-8A-01-346948", "行业代码", "department code"},
        {"letter in the type", "2203-140100-89-0B-346948", "项目类型代码", "project type code"},
        {"dash in the serial", "2203-140100-89-01-34-948", "最后6位", "last six characters"},
        {"symbol as check", "2203-140100-89-01-34694#", "最后6位", "last six characters"},
        {"Chinese in the serial", "2203-140100-89-01-34694号", "最后6位", "last six characters"},
        {"one character short", "2203-140100-89-01-34694", "应为24位，实际为23位", "not 23"},
        {"one character long", "2203-140100-89-01-3469481", "应为24位，实际为25位", "not 25"},
        {"nothing after the prefix", "2203-140100-89-01-", "实际为18位", "not 18"},
        // Legacy rule.
        {"space inside", "SX 2016 001234", "“ ”无效", "' ' is not allowed"},
        {"Chinese", "晋发改备案2016001234", "“晋”无效", "'晋' is not allowed"},
        {"placeholder 无", "无", "“无”无效", "not allowed"},
        {"placeholder N/A", "N/A", "不是项目代码", "not a project code"},
        {"dashes only", "--------", "不是项目代码", "not a project code"},
        {"too few digits", "SXFG-2016-A", "不是项目代码", "not a project code"},
        {"too short", "1234567", "不是项目代码", "not a project code"},
        {"too long", std::string(41, '7'), "不能超过40位", "at most 40"},
        {"huge", std::string(100'000, '7'), "不能超过40位", "at most 40"},
        {"comma", "2016,140100,001", "“,”无效", "',' is not allowed"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto parsed = ProjectCode::parse(c.text, kToday);
        ASSERT_FALSE(parsed) << parsed->str();
        ASSERT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
        const auto field = only_field(parsed.error());
        EXPECT_EQ(field.field, "national_code");
        EXPECT_NE(field.message.zh.find(c.zh), std::string::npos) << field.message.zh;
        EXPECT_NE(field.message.en.find(c.en), std::string::npos) << field.message.en;
    }
}

TEST(ProjectCodeParse, NamesTheFieldItIsGiven) {
    const auto parsed = ProjectCode::parse("N/A", kToday, "rows[4].national_code");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(only_field(parsed.error()).field, "rows[4].national_code");
}

TEST(ProjectCodeFold, FoldsLikeParseWithoutChecking) {
    EXPECT_EQ(ProjectCode::fold(" ２２０３–１４０１０５—04−01-12345x "), "2203-140105-04-01-12345X");
    EXPECT_EQ(ProjectCode::fold("9999-999999-99"), "9999-999999-99");  // no check: any text folds
    EXPECT_EQ(ProjectCode::fold("   "), "");
    const auto parsed = ProjectCode::parse("２２０３–１４０１０５—04−01-12345x", kToday);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(ProjectCode::fold("２２０３–１４０１０５—04−01-12345x"), parsed->str());
}

TEST(ProjectCodeValue, ComparesByText) {
    EXPECT_EQ(ProjectCode::parse("２２０３－１４０１００－８９－０１－３４６９４８", kToday).value(),
              ProjectCode::parse("2203-140100-89-01-346948", kToday).value());
    EXPECT_FALSE(ProjectCode::parse("2203-140100-89-01-346948", kToday).value() ==
                 ProjectCode::parse("2203-140100-89-01-346949", kToday).value());
}

}  // namespace project_code_test
}  // namespace sanpi::domain
