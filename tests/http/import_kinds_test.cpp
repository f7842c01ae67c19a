// POST /api/v1/imports with kind=reports and kind=coordination on both backends: the multipart
// upload, the preview's keys for each kind, the commit through the reports' and coordination
// items' own writes, the same file again changing nothing, and each kind's blank template.
#include "export_fixture.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {
namespace import_kinds_test {

namespace json = boost::json;

constexpr std::string_view kBoundary = "----sanpi-kinds-boundary";

std::string upload_body(const std::string& file, const std::string& kind) {
    const std::string dash = "--" + std::string(kBoundary);
    return dash +
           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"表.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
           file + "\r\n" + dash + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n" + dash +
           "--\r\n";
}

class ImportKindsTest : public ExportTest {
protected:
    HttpResponse upload(const std::string& user, const std::string& file, const std::string& kind) {
        return as(user)->request("POST", "/api/v1/imports", upload_body(file, kind),
                                 {{"Content-Type", "multipart/form-data; boundary=" + std::string(kBoundary)}});
    }

    // A started project of the Datong zone (the zone user datong-etdz's own).
    json::object started_project() {
        std::int64_t zone = 0;
        for (const auto& z : all_zones()) {
            if (z.slug == "datong-etdz") zone = z.id;
        }
        const auto items = listed("province", "/api/v1/projects", "zone=" + std::to_string(zone) + "&stage=started");
        EXPECT_FALSE(items.empty());
        return items.at(0).as_object();
    }

    // A 2023 month the project has no report for.
    std::string free_month(std::int64_t project_id) {
        for (int m = 12; m >= 1; --m) {
            const auto month = domain::Month::from_ym(2023, m).value();
            auto found = store::read_value<std::optional<std::int64_t>>(
                store(), [&](store::Tx& tx) { return tx.find_progress_report(project_id, month); });
            if (found && !*found) return month.to_string();
        }
        ADD_FAILURE() << "no free month";
        return "";
    }

    static std::set<std::string> keys(const json::value& v) {
        std::set<std::string> out;
        for (const auto& [k, _] : v.as_object()) out.insert(std::string(k));
        return out;
    }
};

TEST_P(ImportKindsTest, MonthlyReportsUploadPreviewAndCommitAsDrafts) {
    const auto project = started_project();
    const auto id = project.at("id").as_int64();
    const std::string code(project.at("code").as_string());
    const auto month = free_month(id);
    const std::string file =
        "项目编码,填报月份,本月完成投资（万元）,本月到位资金（万元）,形象进度,工程进度,用工人数\n" + code + "," +
        month + ",12,10,基础施工,30%,40\n";
    auto res = upload("datong-etdz", file, "reports");
    ASSERT_EQ(res.status, 201) << res.body;
    const auto preview = res.json();
    EXPECT_EQ(preview.at("kind"), "reports");
    EXPECT_EQ(preview.at("counts").at("created"), 1);
    EXPECT_EQ(preview.at("counts").at("rejected"), 0) << json::serialize(preview.at("rejected"));
    const auto& created = preview.at("created").at(0);
    EXPECT_EQ(keys(created), (std::set<std::string>{"row", "project_id", "code", "name", "zone_id", "month"}));
    EXPECT_EQ(created.at("project_id"), id);
    EXPECT_EQ(created.at("month"), month.c_str());
    std::set<std::string> fields;
    for (const auto& c : preview.at("columns").as_array()) fields.insert(std::string(c.at("field").as_string()));
    EXPECT_EQ(fields, (std::set<std::string>{"code", "month", "investment_completed", "capital_arrived",
                                             "progress_text", "percent_complete", "jobs"}));
    EXPECT_EQ(preview.at("columns").at(2).at("unit"), "wan");

    const auto import_id = std::to_string(preview.at("id").as_int64());
    auto committed = as("datong-etdz")->post("/api/v1/imports/" + import_id + "/commit", json::object{});
    ASSERT_EQ(committed.status, 200) << committed.body;
    EXPECT_EQ(committed.json().at("status"), "committed");
    auto reports = as("datong-etdz")->get("/api/v1/projects/" + std::to_string(id) + "/reports?month=" + month);
    ASSERT_EQ(reports.status, 200) << reports.body;
    const auto listed_reports = reports.json();
    ASSERT_EQ(listed_reports.at("items").as_array().size(), 1u);
    const auto& report = listed_reports.at("items").at(0);
    EXPECT_EQ(report.at("status"), "draft");
    EXPECT_EQ(report.at("percent_complete"), 30);
    EXPECT_EQ(report.at("investment_completed"), "120000");

    auto again = upload("datong-etdz", file, "reports");
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.json().at("counts").at("unchanged"), 1);
    EXPECT_EQ(again.json().at("counts").at("created"), 0);
    // Cities review reports and do not file them.
    EXPECT_EQ(upload("datong", file, "reports").status, 403);
}

TEST_P(ImportKindsTest, CoordinationItemsUploadPreviewCommitAndUpdate) {
    const auto project = started_project();
    const auto id = project.at("id").as_int64();
    const std::string code(project.at("code").as_string());
    const std::string description = "接口导入协调事项" + backend_name(GetParam());
    const auto file = [&](const std::string& level) {
        return "项目编码,问题类别,问题描述,协调层级,责任单位,办结时限\n" + code + ",土地," + description + "," + level +
               ",自然资源局,2024-06-30\n";
    };
    auto res = upload("datong-etdz", file("开发区"), "coordination");
    ASSERT_EQ(res.status, 201) << res.body;
    const auto preview = res.json();
    EXPECT_EQ(preview.at("kind"), "coordination");
    ASSERT_EQ(preview.at("counts").at("created"), 1) << json::serialize(preview.at("rejected"));
    EXPECT_EQ(keys(preview.at("created").at(0)),
              (std::set<std::string>{"row", "project_id", "code", "name", "zone_id", "description"}));
    const auto import_id = std::to_string(preview.at("id").as_int64());
    ASSERT_EQ(as("datong-etdz")->post("/api/v1/imports/" + import_id + "/commit", json::object{}).status, 200);
    auto items = as("datong-etdz")->get("/api/v1/projects/" + std::to_string(id) + "/coordination-items?page_size=200");
    ASSERT_EQ(items.status, 200) << items.body;
    const auto listed_items = items.json();
    int found = 0;
    for (const auto& i : listed_items.at("items").as_array()) {
        if (i.at("description") == description.c_str()) {
            ++found;
            EXPECT_EQ(i.at("category"), "land");
            EXPECT_EQ(i.at("level"), "zone");
        }
    }
    EXPECT_EQ(found, 1);

    auto escalated = upload("datong-etdz", file("市级"), "coordination");
    ASSERT_EQ(escalated.status, 201) << escalated.body;
    const auto update = escalated.json();
    ASSERT_EQ(update.at("counts").at("updated"), 1) << json::serialize(update.at("rejected"));
    const auto& updated = update.at("updated").at(0);
    EXPECT_EQ(keys(updated),
              (std::set<std::string>{"row", "project_id", "code", "changes", "item_id", "name", "description"}));
    EXPECT_EQ(updated.at("changes").at(0).at("field"), "level");
    EXPECT_EQ(updated.at("changes").at(0).at("to"), "city");
    EXPECT_EQ(upload("viewer", file("市级"), "coordination").status, 403);
}

TEST_P(ImportKindsTest, EachKindHasItsBlankTemplate) {
    const auto reports = read_xlsx(download("datong-etdz", "/api/v1/imports/template.xlsx?kind=reports").body);
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(reports.at("rows").at(0).at(0), "月报导入模板");
    const json::array report_header = {"序号",         "项目编码", "项目名称", "所属开发区", "填报月份", "本月完成投资",
                                       "本月到位资金", "形象进度", "工程进度", "用工人数",   "备注"};
    EXPECT_EQ(upper_header(reports), report_header);
    EXPECT_EQ(reports.at("rows").at(1).at(5), "单位：万元");  // a month's figures are small
    const auto items =
        read_xlsx(download("datong-etdz", "/api/v1/imports/template.xlsx?kind=coordination&lang=en").body);
    ASSERT_FALSE(items.empty());
    const json::array item_header = {"No.",      "Project code", "Project name", "Development zone",
                                     "Category", "Description",  "Level",        "Responsible department",
                                     "Deadline", "Remarks"};
    EXPECT_EQ(upper_header(items), item_header);
    EXPECT_EQ(refused_fields("datong-etdz", "/api/v1/imports/template.xlsx?kind=report"),
              std::set<std::string>{"kind"});
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportKindsTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace import_kinds_test

}  // namespace sanpi::testing
