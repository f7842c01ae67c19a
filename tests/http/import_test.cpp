// POST /api/v1/imports (multipart upload → preview), GET /api/v1/imports/{id}, POST …/commit on
// both backends: scope, the import's owner, committing once, and every malformed upload refused
// by name.
#include <set>

#include "project_builders.hpp"
#include "xlsx_reader.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr std::string_view kBoundary = "----sanpi-test-boundary";

struct Part {
    std::string name;
    std::string value;
    std::string file_name;  // empty: a plain field
};

std::string multipart(const std::vector<Part>& parts) {
    std::string body;
    for (const auto& p : parts) {
        body += "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
        if (!p.file_name.empty()) body += "; filename=\"" + p.file_name + "\"\r\nContent-Type: text/csv";
        body += "\r\n\r\n" + p.value + "\r\n";
    }
    return body + "--" + std::string(kBoundary) + "--\r\n";
}

const HeaderList kMultipart{{"Content-Type", "multipart/form-data; boundary=" + std::string(kBoundary)}};

class ImportTest : public HttpTest {
protected:
    static std::string table(const std::string& suffix) {
        return "项目名称,产业,总投资（万元）,计划开工\n"
               "接口导入项目" + suffix + ",新能源,800,2024-09-01\n"
               "接口坏行" + suffix + ",新能源,八百,2024-09-01\n";
    }

    HttpResponse upload(const std::string& user, const std::vector<Part>& parts, const std::string& query = "") {
        return as(user)->request("POST", "/api/v1/imports" + query, multipart(parts), kMultipart);
    }

    std::int64_t zone_id(const std::string& code) {
        for (const auto& z : all_zones()) {
            if (z.code == code || z.slug == code) return z.id;
        }
        ADD_FAILURE() << "no zone " << code;
        return 0;
    }

    std::set<std::string> fields_of(const HttpResponse& res) {
        std::set<std::string> out;
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
        return out;
    }
};

TEST_P(ImportTest, AZoneUploadsPreviewsAndCommitsItsTableOnce) {
    const std::string suffix = backend_name(GetParam());
    auto res = upload("datong-etdz", {{"file", table(suffix), "大同项目.csv"}, {"kind", "projects", ""}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto preview = res.json().as_object();
    const auto id = preview.at("id").as_int64();
    EXPECT_EQ(res.header("location"), "/api/v1/imports/" + std::to_string(id));
    EXPECT_EQ(preview.at("status"), "previewed");
    EXPECT_EQ(preview.at("file_name"), "大同项目.csv");
    EXPECT_EQ(preview.at("counts").at("created"), 1);
    EXPECT_EQ(preview.at("counts").at("rejected"), 1);
    const auto& rejected = preview.at("rejected").at(0);
    EXPECT_EQ(rejected.at("row"), 3);
    EXPECT_EQ(rejected.at("column"), "C");
    EXPECT_EQ(rejected.at("value"), "八百");
    EXPECT_EQ(preview.at("columns").at(2).at("unit"), "wan");

    auto again = as("datong-etdz")->get("/api/v1/imports/" + std::to_string(id) + "?lang=en");
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_NE(std::string(again.json().at("rejected").at(0).at("reason").as_string()).find("amount"),
              std::string::npos);
    EXPECT_EQ(as("jinzhong-etdz")->get("/api/v1/imports/" + std::to_string(id)).status, 404);

    auto committed = as("datong-etdz")->post("/api/v1/imports/" + std::to_string(id) + "/commit", json::object{});
    ASSERT_EQ(committed.status, 200) << committed.body;
    EXPECT_EQ(committed.json().at("status"), "committed");
    EXPECT_EQ(committed.json().at("counts").at("created"), 1);
    auto found = as("datong-etdz")->get("/api/v1/projects?q=" + std::string("%E6%8E%A5%E5%8F%A3%E5%AF%BC%E5%85%A5") +
                                        "&zone=" + std::to_string(zone_id("datong-etdz")));
    ASSERT_EQ(found.status, 200);
    bool created = false;
    const auto listed = found.json();  // kept: the loop reads inside it
    for (const auto& item : listed.at("items").as_array()) {
        created = created || item.at("name").as_string() == "接口导入项目" + suffix;
    }
    EXPECT_TRUE(created) << found.body.substr(0, 500);
    EXPECT_EQ(as("datong-etdz")->post("/api/v1/imports/" + std::to_string(id) + "/commit", json::object{}).status,
              409);
}

TEST_P(ImportTest, ABatchListEntersItsRowsIntoTheCampaignsBatchOnCommit) {
    const std::string suffix = backend_name(GetParam());
    // Dated before the demo's campaign, so the dashboard's latest campaign stays the demo's.
    auto made = as("province")->post(
        "/api/v1/campaigns",
        json::object{{"name", "批次清单导入活动" + suffix},
                     {"date", "2021-11-18"},
                     {"venues", json::array{json::object{{"name", "主会场"}, {"region_code", "140000"}, {"main", true}}}}});
    ASSERT_EQ(made.status, 201) << made.body;
    const auto campaign_id = std::to_string(made.json().at("id").as_int64());
    const std::string list = "项目名称,产业,总投资（万元）\n清单导入项目" + suffix + ",新能源,600\n";

    auto res = upload("datong-etdz", {{"file", list, "签约一批.csv"},
                                      {"kind", "entries", ""},
                                      {"campaign", campaign_id, ""},
                                      {"batch", "sign", ""}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto preview = res.json();
    EXPECT_EQ(preview.at("kind"), "entries");
    EXPECT_EQ(preview.at("batch"), "sign");
    EXPECT_EQ(preview.at("campaign").at("id").as_int64(), made.json().at("id").as_int64());
    EXPECT_EQ(preview.at("counts").at("entered"), 1);
    EXPECT_TRUE(preview.at("entered").at(0).at("project_id").is_null());  // created on commit
    const auto id = std::to_string(preview.at("id").as_int64());
    auto before = as("province")->get("/api/v1/campaigns/" + campaign_id + "/entries");
    EXPECT_EQ(before.json().at("total"), 0);

    auto committed = as("datong-etdz")->post("/api/v1/imports/" + id + "/commit", json::object{});
    ASSERT_EQ(committed.status, 200) << committed.body;
    const auto done = committed.json();
    EXPECT_EQ(done.at("counts").at("entered"), 1);
    const auto project_id = done.at("entered").at(0).at("project_id").as_int64();
    auto after = as("province")->get("/api/v1/campaigns/" + campaign_id + "/entries");
    ASSERT_EQ(after.status, 200) << after.body;
    const auto entries = after.json();
    ASSERT_EQ(entries.at("total"), 1);
    EXPECT_EQ(entries.at("items").at(0).at("project_id"), project_id);
    EXPECT_EQ(entries.at("items").at(0).at("batch"), "sign");
    EXPECT_EQ(entries.at("items").at(0).at("status"), "proposed");

    auto bad_batch = upload("datong-etdz", {{"file", list, "a.csv"}, {"kind", "entries", ""},
                                            {"campaign", campaign_id, ""}, {"batch", "production", ""}});
    EXPECT_EQ(bad_batch.status, 400);
    EXPECT_EQ(fields_of(bad_batch), std::set<std::string>{"batch"});
    auto no_campaign = upload("datong-etdz", {{"file", list, "a.csv"}, {"kind", "entries", ""}, {"batch", "sign", ""}});
    EXPECT_EQ(no_campaign.status, 422);
    EXPECT_EQ(fields_of(no_campaign), std::set<std::string>{"campaign"});
}

TEST_P(ImportTest, RejectedRowsDownloadAsAWorkbookThatImportsAgainWithTheSameReasons) {
    const std::string suffix = backend_name(GetParam());
    const std::string table = "大同开发区项目表\n单位：万元\n序号,项目名称,产业,总投资,计划开工\n"
                              "1,拒绝测试好行" + suffix + ",新能源,800,2024-09-01\n"
                              "2,拒绝测试坏行甲" + suffix + ",新能源,八百,2024-09-01\n"
                              "3,拒绝测试坏行乙" + suffix + ",不存在的产业,500,2024/6/30\n";
    auto res = upload("datong-etdz", {{"file", table, "大同项目.csv"}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto id = std::to_string(res.json().at("id").as_int64());

    auto download = as("datong-etdz")->get("/api/v1/imports/" + id + "/rejected.xlsx");
    ASSERT_EQ(download.status, 200) << download.body.substr(0, 300);
    EXPECT_EQ(download.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(download.header("content-disposition").find("attachment"), std::string::npos);
    const auto book = read_xlsx(download.body);
    const auto& rows = book.at("rows").as_array();
    ASSERT_EQ(rows.size(), 5u) << json::serialize(book);
    EXPECT_EQ(cell_text(rows[0].at(0)), "大同开发区项目表（被拒绝的行）");
    EXPECT_EQ(cell_text(rows[1].at(0)), "单位：万元");
    const std::vector<std::string> header{"序号", "项目名称", "产业", "总投资", "计划开工", "原行号", "拒绝原因"};
    for (std::size_t i = 0; i < header.size(); ++i) EXPECT_EQ(cell_text(rows[2].at(i)), header[i]) << i;
    EXPECT_EQ(cell_text(rows[3].at(0)), "2");  // a CSV cell is text, as the file had it
    EXPECT_EQ(cell_text(rows[3].at(1)), "拒绝测试坏行甲" + suffix);
    EXPECT_EQ(cell_text(rows[3].at(3)), "八百");
    EXPECT_EQ(rows[3].at(5).to_number<double>(), 5);  // the row in the uploaded file
    EXPECT_NE(cell_text(rows[3].at(6)).find("D列「八百」："), std::string::npos) << cell_text(rows[3].at(6));
    EXPECT_EQ(rows[4].at(5).to_number<double>(), 6);
    EXPECT_NE(cell_text(rows[4].at(6)).find("C列"), std::string::npos) << cell_text(rows[4].at(6));
    EXPECT_EQ(book.at("freeze"), "A4");

    // Imported again as it is, the workbook gives the same rows the same reasons and nothing else.
    auto again = upload("datong-etdz", {{"file", download.body, "大同项目-被拒绝的行.xlsx"}});
    ASSERT_EQ(again.status, 201) << again.body;
    const auto preview = again.json();
    EXPECT_EQ(preview.at("counts").at("created"), 0);
    EXPECT_EQ(preview.at("counts").at("rejected"), 2);
    EXPECT_EQ(preview.at("rejected").at(0).at("row"), 4);
    EXPECT_EQ(preview.at("rejected").at(0).at("column"), "D");
    EXPECT_EQ(preview.at("rejected").at(1).at("column"), "C");
    EXPECT_EQ(preview.at("ignored_headers").as_array().size(), 2u) << json::serialize(preview.at("ignored_headers"));
    EXPECT_EQ(preview.at("columns").at(3).at("unit"), "wan");

    auto english = as("datong-etdz")->get("/api/v1/imports/" + id + "/rejected.xlsx?lang=en");
    ASSERT_EQ(english.status, 200);
    const auto english_book = read_xlsx(english.body);
    EXPECT_EQ(cell_text(english_book.at("rows").at(2).at(6)), "Reason");
    EXPECT_EQ(as("jinzhong-etdz")->get("/api/v1/imports/" + id + "/rejected.xlsx").status, 404);
    auto unknown = as("datong-etdz")->get("/api/v1/imports/" + id + "/rejected.xlsx?unit=yi");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(fields_of(unknown), std::set<std::string>{"unit"});
}

// Text typed through the API keeps its spaces ("年产 2GW"); the importer tidies cells, and a stored
// text that tidies to the cell's is no change, so an export imports back as it is.
TEST_P(ImportTest, AProjectTypedWithSpacesImportsBackUnchanged) {
    const auto zone = all_zones().at(1);
    const auto investor = read_project(project_in_zone(zone.id)).project.investor_ids.at(0);
    auto body = make_project_body(zone.id, investor);
    body["name"] = "导入回环 光伏组件项目";
    auto created = as(zone.slug)->post("/api/v1/projects", body);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json().at("construction_content"), "建设年产 2GW 光伏组件生产线");

    auto exported = as(zone.slug)->get("/api/v1/projects/export.xlsx?q=%E5%AF%BC%E5%85%A5%E5%9B%9E%E7%8E%AF");  // 导入回环
    ASSERT_EQ(exported.status, 200) << exported.body.substr(0, 300);
    auto res = upload(zone.slug, {{"file", exported.body, "项目清单.xlsx"}});
    ASSERT_EQ(res.status, 201) << res.body.substr(0, 500);
    const auto preview = res.json();
    EXPECT_EQ(preview.at("counts").at("unchanged"), 1) << json::serialize(preview.at("updated")).substr(0, 600);
    EXPECT_EQ(preview.at("counts").at("updated"), 0);
    EXPECT_EQ(preview.at("counts").at("created"), 0);
}

TEST_P(ImportTest, TheDemosExportedProjectListImportsBackChangingNothing) {
    for (const std::string unit : {"亿元", "万元"}) {
        const auto zone = std::to_string(zone_id("taiyuan-zgq"));
        auto exported = as("province")->get("/api/v1/projects/export.xlsx?zone=" + zone + "&unit=" +
                                            (unit == "亿元" ? "%E4%BA%BF%E5%85%83" : "%E4%B8%87%E5%85%83"));
        ASSERT_EQ(exported.status, 200) << exported.body.substr(0, 300);
        const auto listed = as("province")->get("/api/v1/projects?zone=" + zone + "&page_size=1").json();
        const auto rows = listed.at("total").as_int64();
        ASSERT_GT(rows, 0);

        auto res = upload("province", {{"file", exported.body, "项目清单.xlsx"}});
        ASSERT_EQ(res.status, 201) << res.body.substr(0, 500);
        const auto preview = res.json();
        EXPECT_EQ(preview.at("counts").at("unchanged"), rows) << unit;
        for (const char* none : {"created", "updated", "rejected", "repeated", "near_duplicates"}) {
            EXPECT_EQ(preview.at("counts").at(none), 0) << unit << " " << none << " "
                                                        << json::serialize(preview.at(none)).substr(0, 600);
        }
        // The 合计 row's amounts are the rows' sums, to the fen.
        const auto& totals = preview.at("total_checks").as_array();
        ASSERT_FALSE(totals.empty());
        for (const auto& t : totals) EXPECT_TRUE(t.at("agrees").as_bool()) << json::serialize(t);
    }
}

TEST_P(ImportTest, MalformedUploadsAreRefusedByNameAndWriteNothing) {
    auto json_body = as("province")->post("/api/v1/imports", json::object{{"file", "x"}});
    EXPECT_EQ(json_body.status, 415);
    EXPECT_EQ(fields_of(json_body), std::set<std::string>{"file"});
    auto no_file = upload("province", {{"kind", "projects", ""}});
    EXPECT_EQ(no_file.status, 400);
    EXPECT_EQ(fields_of(no_file), std::set<std::string>{"file"});
    auto sheet = upload("province", {{"file", table("x"), "a.csv"}, {"sheet", "0", ""}});
    EXPECT_EQ(fields_of(sheet), std::set<std::string>{"sheet"});
    auto unknown = upload("province", {{"file", table("x"), "a.csv"}, {"owner", "me", ""}});
    EXPECT_EQ(fields_of(unknown), std::set<std::string>{"owner"});
    auto broken = as("province")->request("POST", "/api/v1/imports", "--" + std::string(kBoundary) + "\r\nno headers",
                                          kMultipart);
    EXPECT_EQ(broken.status, 400);
    EXPECT_EQ(fields_of(broken), std::set<std::string>{"body"});
    auto not_a_table = upload("province", {{"file", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "old.xls"}});
    EXPECT_EQ(not_a_table.status, 422);
    EXPECT_EQ(fields_of(not_a_table), std::set<std::string>{"file"});
    EXPECT_EQ(upload("viewer", {{"file", table("x"), "a.csv"}}).status, 403);
    EXPECT_EQ(as("province")->post("/api/v1/imports/999999/commit", json::object{}).status, 404);
    EXPECT_EQ(as("province")->post("/api/v1/imports/abc/commit", json::object{}).status, 400);
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
