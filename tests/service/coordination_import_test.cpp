// Importing coordination items (kind "coordination") through the service on both backends: rows
// name stored projects by code or by name in their zone; a row matches the project's item of the
// same description (spaces aside) and changes only what differs, or raises a new item; every row
// is checked by CoordinationService's own rules; the same file twice changes nothing.
#include <map>

#include "service/coordination_service.hpp"
#include "service/enterprise_service.hpp"
#include "service/project_import.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using domain::CoordinationCategory;
using domain::CoordinationLevel;
using domain::Date;
using domain::Stage;

class CoordinationImportTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        projects_ = std::make_unique<service::ProjectService>(store(), clock_);
        enterprises_ = std::make_unique<service::EnterpriseService>(store(), clock_);
        project_ = started_alone("taiyuan-zgq");
    }

    // A started project the zone has no other project of the same name as (rows find it by name).
    domain::Project started_alone(const std::string& zone_code) {
        store::ProjectQuery q;
        q.zone_id = zone(zone_code).id;
        q.limit = 500;
        const auto page = projects().list(as("province"), q).value();
        std::map<std::string, int> names;
        for (const auto& v : page.items) ++names[v.project.name];
        for (const auto& v : page.items) {
            const auto& p = v.project;
            if (p.stage == Stage::kStarted && p.status == domain::ProjectStatus::kActive && names[p.name] == 1) {
                return projects().get(as("province"), p.id).value().project;
            }
        }
        ADD_FAILURE() << "no started project of its own name in " << zone_code;
        return {};
    }

    // Any project of another zone.
    domain::Project in_zone(const std::string& zone_code) {
        store::ProjectQuery q;
        q.zone_id = zone(zone_code).id;
        q.limit = 1;
        return projects().list(as("province"), q).value().items.at(0).project;
    }

    service::ProjectImportService imports() { return {store(), clock_, *projects_, *enterprises_}; }
    service::CoordinationService items() { return {store(), clock_}; }

    service::ImportUpload upload(const std::string& rows) {
        service::ImportUpload u;
        u.file_name = "协调事项.csv";
        u.kind = "coordination";
        u.content =
            "太原中关村项目协调事项清单\n"
            "序号,项目编码,项目名称,所属开发区,问题类别,问题描述,协调层级,责任单位,办结时限,备注\n" +
            rows;
        return u;
    }

    std::vector<domain::CoordinationItem> stored() {
        store::CoordinationQuery q;
        q.limit = 500;
        std::vector<domain::CoordinationItem> out;
        for (auto& v : items().list_for_project(as("province"), project_.id, q).value().items)
            out.push_back(v.record.item);
        return out;
    }

    std::optional<domain::CoordinationItem> item_described(const std::string& description) {
        for (auto& i : stored()) {
            if (i.description == description) return i;
        }
        return std::nullopt;
    }

    std::unique_ptr<service::ProjectService> projects_;
    std::unique_ptr<service::EnterpriseService> enterprises_;
    domain::Project project_;
};

TEST_P(CoordinationImportTest, NewProblemsAreRaisedOnCommitMatchedOnesChangeOnlyWhatDiffers) {
    const std::string rows = "1," + project_.code +
                             ",,,用地,项目用地指标尚未落实,开发区,自然资源局,2024-03-31,\n"
                             "2,," +
                             project_.name + ",,水电,施工用电增容未批复,市级,供电公司,2024.04,急\n";
    const auto before = stored().size();
    auto preview = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(preview) << preview.error().message.en;
    EXPECT_TRUE(preview->rejected.empty()) << preview->rejected.at(0).reason.en;
    ASSERT_EQ(preview->created.size(), 2u);
    EXPECT_EQ(preview->created[0].row, 3);
    EXPECT_EQ(preview->created[0].project_id, project_.id);
    EXPECT_EQ(preview->created[1].description, "施工用电增容未批复");
    EXPECT_EQ(stored().size(), before);

    ASSERT_TRUE(imports().commit(as("taiyuan-zgq"), preview->record.id));
    ASSERT_EQ(stored().size(), before + 2);
    const auto land = item_described("项目用地指标尚未落实");
    ASSERT_TRUE(land);
    EXPECT_EQ(land->category, CoordinationCategory::kLand);
    EXPECT_EQ(land->level, CoordinationLevel::kZone);
    EXPECT_EQ(land->responsible_department, "自然资源局");
    EXPECT_EQ(land->deadline, Date::from_ymd(2024, 3, 31).value());
    const auto power = item_described("施工用电增容未批复");
    ASSERT_TRUE(power);
    EXPECT_EQ(power->category, CoordinationCategory::kUtilities);
    EXPECT_EQ(power->level, CoordinationLevel::kCity);
    EXPECT_EQ(power->deadline, Date::from_ymd(2024, 4, 1).value());

    auto again = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(again) << again.error().message.en;
    EXPECT_TRUE(again->created.empty());
    EXPECT_EQ(again->unchanged, (std::vector<std::int64_t>{3, 4}));
    ASSERT_TRUE(imports().commit(as("taiyuan-zgq"), again->record.id));
    EXPECT_EQ(stored().size(), before + 2);

    // The same problem (spaces aside), escalated to the city with a later deadline.
    const std::string changed = "1," + project_.code + ",,,用地,项目用地指标 尚未落实,市级,自然资源局,2024-04-30,\n";
    auto update = imports().preview(as("taiyuan-zgq"), upload(changed));
    ASSERT_TRUE(update) << update.error().message.en;
    ASSERT_EQ(update->updated.size(), 1u);
    EXPECT_EQ(update->updated[0].record_id, land->id);
    ASSERT_EQ(update->updated[0].changes.size(), 2u);
    EXPECT_EQ(update->updated[0].changes[0].field, "level");
    EXPECT_EQ(update->updated[0].changes[0].to, "city");
    EXPECT_EQ(update->updated[0].changes[1].field, "deadline");
    EXPECT_EQ(update->updated[0].changes[1].from, "2024-03-31");
    ASSERT_TRUE(imports().commit(as("taiyuan-zgq"), update->record.id));
    const auto escalated = item_described("项目用地指标尚未落实");
    ASSERT_TRUE(escalated);
    EXPECT_EQ(escalated->level, CoordinationLevel::kCity);
    EXPECT_EQ(escalated->deadline, Date::from_ymd(2024, 4, 30).value());
    EXPECT_EQ(stored().size(), before + 2);
}

TEST_P(CoordinationImportTest, RowsAreRefusedByTheAPIsRulesNamingTheirColumns) {
    service::CoordinationInput raised;
    raised.category = CoordinationCategory::kFinancing;
    raised.description = "贷款审批进度慢";
    raised.level = CoordinationLevel::kCity;
    raised.responsible_department = "金融办";
    raised.deadline = Date::from_ymd(2024, 2, 29).value();
    ASSERT_TRUE(items().create(as("taiyuan-zgq"), project_.id, raised));
    const auto elsewhere = in_zone("jinzhong-etdz");
    const std::string code = project_.code;
    const std::string rows =
        "1," + code + ",,,天气,雨季施工受阻,开发区,住建局,2024-03-31,\n" +            // 3: unknown category
        "2," + code + ",,,融资,贷款审批进度慢,开发区,金融办,2024-02-29,\n" +          // 4: a level only goes up
        "3," + code + ",,,环保,环评批复未下达,开发区,生态环境局,2023-12-31,\n" +      // 5: deadline already past
        "4," + elsewhere.code + ",,,土地,用地问题,开发区,自然资源局,2024-03-31,\n" +  // 6: outside the scope
        "5," + code + ",,,土地,,开发区,自然资源局,2024-03-31,\n" +                    // 7: no description
        "6," + code + ",,,,招工困难,开发区,人社局,2024-03-31,\n" +          // 8: a new item needs its category
        "7," + code + ",,,用工,技术工人短缺,开发区,人社局,2024-03-31,\n" +  // 9: accepted
        "8," + code + ",,,用工,技术工人 短缺,开发区,人社局,2024-03-31,\n";  // 10: repeats row 9
    auto preview = imports().preview(as("taiyuan-zgq"), upload(rows));
    ASSERT_TRUE(preview) << preview.error().message.en;
    std::map<std::int64_t, service::RowProblem> by_row;
    for (const auto& r : preview->rejected) by_row.emplace(r.row, r);
    ASSERT_EQ(by_row.size(), 6u);
    EXPECT_EQ(by_row.at(3).column, "E");
    EXPECT_EQ(by_row.at(4).column, "G");
    EXPECT_EQ(by_row.at(4).field, "level");
    EXPECT_EQ(by_row.at(5).column, "I");
    EXPECT_EQ(by_row.at(5).field, "deadline");
    EXPECT_EQ(by_row.at(6).column, "B");
    EXPECT_EQ(by_row.at(7).column, "F");
    EXPECT_EQ(by_row.at(8).column, "E");
    EXPECT_EQ(by_row.at(8).field, "category");
    ASSERT_EQ(preview->created.size(), 1u);
    EXPECT_EQ(preview->created[0].row, 9);
    ASSERT_EQ(preview->repeated.size(), 1u);
    EXPECT_EQ(preview->repeated[0].same_as_row, 9);

    auto viewer = imports().preview(as("viewer"), upload(rows));
    ASSERT_FALSE(viewer);
    EXPECT_EQ(viewer.error().code, ErrorCode::kForbidden);
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, CoordinationImportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
