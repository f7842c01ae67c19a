// GET /api/v1/audit and /api/v1/projects/{id}/audit: who may read, filters, keyset pages, the
// JSON shape, and that reading writes nothing.
#include "project_builders.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class AuditHttpTest : public ProjectWriteTest {
protected:
    std::int64_t head_seq() {
        auto head =
            store::read_value<std::optional<domain::ChainHead>>(store(), [](store::Tx& tx) { return tx.audit_head(); });
        return head.value() ? (*head)->seq : 0;
    }
    // Tokens are made on first use, which is itself a write: made up front, so the tests can
    // compare the log before and after the requests they care about.
    void SetUp() override {
        ProjectWriteTest::SetUp();
        for (const char* who : {"province", "supervisor", "taiyuan", "viewer", "datong-etdz"}) as(who);
        writer();
    }
    std::vector<std::int64_t> seqs(const HttpResponse& res) {
        std::vector<std::int64_t> out;
        const auto body = res.json();
        for (const auto& item : body.at("items").as_array()) out.push_back(item.at("seq").as_int64());
        return out;
    }
};

TEST_P(AuditHttpTest, AProjectUpdateShowsUpWithItsBeforeAndAfter) {
    const auto id = create();
    auto got = writer()->get(path(id));
    auto patched = writer()->patch(path(id), json::object{{"expected_jobs", 450}}, {{"If-Match", got.header("etag")}});
    ASSERT_EQ(patched.status, 200) << patched.body;

    auto res = writer()->get(path(id) + "/audit");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto items = res.json().at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    const auto& update = items[0].as_object();  // newest first
    EXPECT_EQ(update.at("seq").as_int64(), head_seq());
    EXPECT_EQ(update.at("action"), "project.update");
    EXPECT_EQ(update.at("entity_type"), "project");
    EXPECT_EQ(update.at("entity_id").as_int64(), id);
    EXPECT_EQ(update.at("at"), "2024-01-15T08:00:00+08:00");
    EXPECT_EQ(update.at("actor").at("name").as_string(), zone_slug_);
    EXPECT_EQ(update.at("changes"), json::parse(R"([{"field": "expected_jobs", "before": "300", "after": "450"}])"));
    EXPECT_EQ(update.at("hash").as_string().size(), 64u);
    EXPECT_EQ(update.at("prev_hash"), items[1].at("hash"));
    EXPECT_EQ(items[1].at("action"), "project.create");
    EXPECT_EQ(res.json().at("next_before"), nullptr);
}

TEST_P(AuditHttpTest, OnlyTheProvinceAndSupervisorsListTheWholeLog) {
    for (const char* who : {"province", "supervisor"}) {
        auto res = as(who)->get("/api/v1/audit?limit=5");
        ASSERT_EQ(res.status, 200) << who << res.body;
        EXPECT_EQ(seqs(res).size(), 5u);
        EXPECT_EQ(seqs(res).front(), head_seq());
    }
    for (const char* who : {"taiyuan", "viewer", "datong-etdz"})
        EXPECT_EQ(as(who)->get("/api/v1/audit").status, 403) << who;
    EXPECT_EQ(anonymous()->get("/api/v1/audit").status, 401);
}

TEST_P(AuditHttpTest, FiltersAndKeysetPages) {
    const auto id = create();
    auto res = as("province")->get("/api/v1/audit?entity_type=project&entity_id=" + std::to_string(id));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(seqs(res), std::vector<std::int64_t>{head_seq()});

    res = as("province")->get("/api/v1/audit?action=user.create&limit=3");
    ASSERT_EQ(res.status, 200);
    const auto body = res.json();
    for (const auto& item : body.at("items").as_array()) EXPECT_EQ(item.at("action"), "user.create");
    const auto first = seqs(res);
    ASSERT_EQ(first.size(), 3u);
    const auto next = body.at("next_before").as_int64();
    EXPECT_EQ(next, first.back());
    res = as("province")->get("/api/v1/audit?action=user.create&limit=3&before=" + std::to_string(next));
    ASSERT_EQ(res.status, 200);
    EXPECT_LT(seqs(res).front(), first.back());

    // Other tests of this process write as the same zone on the same test day.
    res = as("province")->get("/api/v1/audit?actor=" + zone_slug_ + "&from=2024-01-15&to=2024-01-15&limit=500");
    ASSERT_EQ(res.status, 200);
    ASSERT_FALSE(seqs(res).empty());
    EXPECT_EQ(seqs(res).front(), head_seq()) << "a day in China time, from its start to its end";
    const auto day = res.json();
    for (const auto& item : day.at("items").as_array()) {
        EXPECT_EQ(std::string(item.at("at").as_string()).substr(0, 10), "2024-01-15");
        EXPECT_EQ(std::string(item.at("actor").at("name").as_string()), zone_slug_);
    }
    res = as("province")->get("/api/v1/audit?actor=" + zone_slug_ + "&to=2024-01-15T07:59:59%2B08:00");
    EXPECT_TRUE(seqs(res).empty());
}

TEST_P(AuditHttpTest, BadParametersAreNamed) {
    auto res = as("province")->get("/api/v1/audit?entity_id=abc&from=2022-13-01&limit=0&colour=red&before=-1");
    ASSERT_EQ(res.status, 400);
    std::vector<std::string> fields;
    const auto problem = res.json();
    for (const auto& e : problem.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
    EXPECT_EQ(fields, (std::vector<std::string>{"entity_id", "from", "limit", "colour", "before"}));
    res = as("province")->get("/api/v1/audit?from=2024-01-02&to=2024-01-01");
    ASSERT_EQ(res.status, 400);
    EXPECT_EQ(res.json().at("errors").at(0).at("field"), "to");
    res = writer()->get(path(sample_) + "/audit?entity_type=user");
    EXPECT_EQ(res.status, 400) << "a project's own list has its entity fixed";
}

TEST_P(AuditHttpTest, AProjectsLogIsForWhoeverCanSeeTheProject) {
    for (const char* who : {"province", "supervisor", "viewer"}) {
        EXPECT_EQ(as(who)->get(path(sample_) + "/audit").status, 200) << who;
    }
    EXPECT_EQ(writer()->get(path(sample_) + "/audit").status, 200);
    EXPECT_EQ(writer()->get(path(project_outside_zone(zone_id_)) + "/audit").status, 404);
    EXPECT_EQ(writer()->get("/api/v1/projects/99999999/audit").status, 404);
    EXPECT_EQ(writer()->get("/api/v1/projects/abc/audit").status, 400);
}

TEST_P(AuditHttpTest, ReadingTheLogWritesNothing) {
    const auto before = head_seq();
    as("province")->get("/api/v1/audit");
    writer()->get(path(sample_) + "/audit");
    as("taiyuan")->get("/api/v1/audit");
    EXPECT_EQ(head_seq(), before);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditHttpTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
