// The blank import templates against the importer: every header a template writes is matched by
// match_header to the field the template says it fills, group labels are groups, and every choice
// a drop-down offers is read back by the importer's own matchers. Template and importer cannot drift.
#include "service/import_template.hpp"

#include <gtest/gtest.h>

#include <set>

#include "service/coordination_import.hpp"
#include "service/import_lookup.hpp"
#include "service/project_import_row.hpp"

namespace sanpi::service {
namespace import_template_test {

using domain::BulletinLang;

constexpr BulletinLang kLangs[] = {BulletinLang::kZh, BulletinLang::kEn};

domain::RegionCode region(const char* code) { return domain::RegionCode::parse(code).value(); }

std::vector<domain::Industry> industries() {
    return {{"new_energy", "新能源", "New energy"},
            {"medicine_health", "现代医药和大健康", "Modern medicine and health"}};
}

std::vector<domain::Region> regions() {
    return {{region("140000"), "山西省", "Shanxi", "shanxi"},
            {region("140100"), "太原市", "Taiyuan", "taiyuan"},
            {region("140700"), "晋中市", "Jinzhong", "jinzhong"}};
}

std::vector<domain::Zone> zones() {
    using L = domain::ZoneLevel;
    return {{1, "taiyuan-etdz", "太原经济技术开发区", L::kNationalEtdz, region("140100"), {}, "taiyuan-etdz"},
            {2, "jinzhong-etdz", "山西晋中经济技术开发区", L::kNationalEtdz, region("140702"), {}, "jinzhong-etdz"}};
}

TEST(ImportTemplate, EveryHeaderIsReadBackAsTheFieldItFills) {
    for (const auto kind : template_kinds()) {
        for (const auto lang : kLangs) {
            const auto t = import_template(kind, lang);
            ASSERT_FALSE(t.columns.empty());
            EXPECT_EQ(t.columns.front().field, ImportField::kSerial) << to_string(kind);
            std::set<ImportField> fields;
            for (const auto& c : t.columns) {
                const auto match = match_header(c.header);
                ASSERT_TRUE(match.has_value()) << to_string(kind) << ": " << c.header;
                EXPECT_EQ(match->field, c.field) << to_string(kind) << ": " << c.header;
                EXPECT_FALSE(match->unit.has_value()) << c.header;  // amounts take the unit line's 亿元
                EXPECT_TRUE(fields.insert(c.field).second) << "twice: " << c.header;
                const auto read_as = kind == TemplateKind::kReports        ? ImportKind::kReports
                                     : kind == TemplateKind::kCoordination ? ImportKind::kCoordination
                                                                           : ImportKind::kProjects;
                EXPECT_TRUE(kind_reads(read_as, c.field)) << to_string(kind) << " does not read " << c.header;
                if (!c.group.empty()) {
                    EXPECT_TRUE(is_group_label(c.group)) << c.group;
                }
            }
        }
    }
}

TEST(ImportTemplate, TheProjectTemplateHasEveryColumnTheProjectImporterReads) {
    const auto t = import_template(TemplateKind::kProjects, BulletinLang::kZh);
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.header);
    const std::vector<std::string> expected = {"序号",       "项目编码",     "投资项目统一代码", "项目名称", "所属地市",
                                               "所属开发区", "投资主体",     "统一社会信用代码", "产业",     "建设内容",
                                               "总投资",     "年度计划投资", "计划签约",         "计划开工", "计划投产",
                                               "所处阶段",   "责任单位",     "预计产值",         "预计税收", "预计就业",
                                               "备注"};
    EXPECT_EQ(headers, expected);
    EXPECT_EQ(t.title, "项目导入模板");
    EXPECT_EQ(t.file_name, "项目导入模板.xlsx");
    EXPECT_EQ(import_template(TemplateKind::kEntries, BulletinLang::kEn).file_name, "entries-template.xlsx");
    std::set<TemplateChoice> choices;
    for (const auto& c : t.columns) choices.insert(c.choice);
    EXPECT_EQ(choices,
              (std::set<TemplateChoice>{TemplateChoice::kNone, TemplateChoice::kIndustry, TemplateChoice::kStage,
                                        TemplateChoice::kCity, TemplateChoice::kZone}));
}

TEST(ImportTemplate, TheReportAndCoordinationTemplatesHaveTheirImportersColumns) {
    std::vector<std::string> headers;
    for (const auto& c : import_template(TemplateKind::kReports, BulletinLang::kZh).columns) headers.push_back(c.header);
    EXPECT_EQ(headers, (std::vector<std::string>{"序号", "项目编码", "项目名称", "所属开发区", "填报月份", "本月完成投资",
                                                 "本月到位资金", "形象进度", "工程进度", "用工人数", "备注"}));
    EXPECT_EQ(import_template(TemplateKind::kReports, BulletinLang::kZh).unit, domain::MoneyUnit::kWan);
    headers.clear();
    for (const auto& c : import_template(TemplateKind::kCoordination, BulletinLang::kZh).columns) {
        headers.push_back(c.header);
    }
    EXPECT_EQ(headers, (std::vector<std::string>{"序号", "项目编码", "项目名称", "所属开发区", "问题类别", "问题描述",
                                                 "协调层级", "责任单位", "办结时限", "备注"}));
    EXPECT_EQ(import_template(TemplateKind::kCoordination, BulletinLang::kEn).file_name, "coordination-template.xlsx");
    EXPECT_FALSE(import_template(TemplateKind::kCoordination, BulletinLang::kZh).unit);  // no amounts, no unit line
}

TEST(ImportTemplate, KindsAreNamedAsTheImporterNamesThem) {
    EXPECT_EQ(template_kind_from_string("projects"), TemplateKind::kProjects);
    EXPECT_EQ(template_kind_from_string("entries"), TemplateKind::kEntries);
    EXPECT_EQ(template_kind_from_string("reports"), TemplateKind::kReports);
    EXPECT_EQ(template_kind_from_string("coordination"), TemplateKind::kCoordination);
    EXPECT_FALSE(template_kind_from_string("report").has_value());
    EXPECT_FALSE(template_kind_from_string("Projects").has_value());
    for (const auto kind : template_kinds()) EXPECT_EQ(template_kind_from_string(to_string(kind)), kind);
}

TEST(ImportTemplate, EveryChoiceIsReadBackByTheImporter) {
    ImportCatalog catalog;
    catalog.province_names = {"山西省"};
    catalog.industries = industries();
    catalog.cities = {{region("140100"), "太原市"}, {region("140700"), "晋中市"}};
    for (const auto& z : zones()) catalog.zones.push_back({z.id, z.code, z.name, z.region.city()});
    for (const auto lang : kLangs) {
        const auto lists = template_choices(industries(), regions(), zones(), lang);
        EXPECT_EQ(lists.of(TemplateChoice::kCity), (std::vector<std::string>{"太原市", "晋中市"}));
        EXPECT_EQ(lists.of(TemplateChoice::kZone),
                  (std::vector<std::string>{"太原经济技术开发区", "山西晋中经济技术开发区"}));
        EXPECT_EQ(lists.of(TemplateChoice::kStage).size(), 5u);
        EXPECT_TRUE(lists.of(TemplateChoice::kNone).empty());
        for (const auto& name : lists.industries) EXPECT_TRUE(match_industry(name, catalog.industries, "industry"));
        for (const auto& name : lists.stages) EXPECT_TRUE(stage_named(name).has_value()) << name;
        for (const auto& name : lists.cities) EXPECT_TRUE(match_city(name, catalog, "city")) << name;
        for (const auto& name : lists.zones) EXPECT_TRUE(match_zone(name, catalog, std::nullopt, "zone")) << name;
        EXPECT_EQ(lists.of(TemplateChoice::kCategory).size(), 7u);
        EXPECT_EQ(lists.of(TemplateChoice::kLevel).size(), 3u);
        for (const auto& name : lists.categories) EXPECT_TRUE(coordination_category_named(name)) << name;
        for (const auto& name : lists.levels) EXPECT_TRUE(coordination_level_named(name)) << name;
    }
    EXPECT_EQ(template_choices(industries(), regions(), zones(), BulletinLang::kEn).industries.front(), "New energy");
    EXPECT_EQ(template_choices(industries(), regions(), zones(), BulletinLang::kZh).stages.back(), "达产达效");
}

TEST(ImportTemplate, EachChoiceListHasAHeadingInBothLanguages) {
    for (const auto choice : {TemplateChoice::kIndustry, TemplateChoice::kStage, TemplateChoice::kCity,
                              TemplateChoice::kZone, TemplateChoice::kCategory, TemplateChoice::kLevel}) {
        EXPECT_FALSE(template_choice_heading(choice, BulletinLang::kZh).empty());
        EXPECT_FALSE(template_choice_heading(choice, BulletinLang::kEn).empty());
    }
}

}  // namespace import_template_test
}  // namespace sanpi::service
