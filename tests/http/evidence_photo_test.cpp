// Evidence photos of a pause or restart: uploaded to the history record
// (POST /projects/{id}/history/{change_id}/photos), shown with it in the history, refused on any
// other record, by other roles and outside the scope, each refusal storing nothing.
#include "photo_fixture.hpp"
#include "transition_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;
using store::PhotoOwnerKind;

class EvidencePhotoTest : public TransitionTest {
protected:
    std::string photos_of(std::int64_t project, std::int64_t change) {
        return path(project) + "/history/" + std::to_string(change) + "/photos";
    }
    // A started project paused and restarted: its three history records' ids (start, pause, restart).
    std::vector<std::int64_t> paused_and_restarted() {
        const auto id = project_after({{{"to", "started"}, {"date", "2023-06-01"}},
                                       {{"to", "suspended"}, {"date", "2023-08-01"}, {"reason", "环评整改"}},
                                       {{"to", "resumed"}, {"date", "2023-10-01"}, {"reason", "整改完成"}}});
        project_ = id;
        std::vector<std::int64_t> out;
        for (const auto& c : history(id)) out.push_back(c.id);
        EXPECT_EQ(out.size(), 3u);
        return out;
    }
    std::size_t stored(std::int64_t change) {
        return stored_photos(store(), {PhotoOwnerKind::kStageChange, change}).size();
    }
    void expect_refused(HttpClient& client, std::int64_t change, int status, const std::string& field,
                        const std::string& what) {
        const auto before = stored(change);
        const auto seq = audit_seq(store());
        auto res = upload(client, photos_of(project_, change), jpeg(), "image/jpeg");
        EXPECT_EQ(res.status, status) << what << ": " << res.body;
        if (!field.empty()) {
            EXPECT_TRUE(names(res, field)) << what << ": " << res.body;
        }
        EXPECT_EQ(stored(change), before) << what;
        EXPECT_EQ(audit_seq(store()), seq) << what;
    }

    std::int64_t project_ = 0;
};

TEST_P(EvidencePhotoTest, PauseAndRestartRecordsTakePhotosShownInTheHistory) {
    const auto changes = paused_and_restarted();
    auto pause = upload(*writer(), photos_of(project_, changes[1]), jpeg(), "image/jpeg");
    ASSERT_EQ(pause.status, 201) << pause.body;
    EXPECT_EQ(pause.json().at("change_id"), changes[1]);
    EXPECT_TRUE(pause.json().at("report_id").is_null());
    auto restart = upload(*writer(), photos_of(project_, changes[2]), png(), "image/png");
    ASSERT_EQ(restart.status, 201) << restart.body;

    const auto items = as("province")->get(path(project_) + "/history").json().at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(items[i].at("id"), changes[i]);
    EXPECT_TRUE(items[0].at("photos").as_array().empty());
    ASSERT_EQ(items[1].at("photos").as_array().size(), 1u);
    EXPECT_EQ(items[1].at("photos").at(0), pause.json());
    ASSERT_EQ(items[2].at("photos").as_array().size(), 1u);
    EXPECT_EQ(items[2].at("photos").at(0).at("content_type"), "image/png");

    auto got = as("province")->get(std::string(pause.json().at("url").as_string()));
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(got.header("content-type"), "image/jpeg");
}

TEST_P(EvidencePhotoTest, OtherRecordsRolesAndScopesAreRefused) {
    const auto changes = paused_and_restarted();
    expect_refused(*writer(), changes[0], 409, "change_id", "a forward move");
    expect_refused(*writer(), 999999999, 404, "", "no such record");
    expect_refused(*as("viewer"), changes[1], 403, "", "a viewer");
    std::string other_zone;
    for (const auto& z : all_zones()) {
        if (z.id != zone_id_) other_zone = z.slug;
    }
    expect_refused(*as(other_zone), changes[1], 404, "", "another zone");
    // A record of another project under this project's path.
    const auto elsewhere = paused_and_restarted();
    const auto first = project_;
    project_ = sample_;
    expect_refused(*writer(), elsewhere[1], 404, "", "another project's record");
    project_ = first;
}

TEST_P(EvidencePhotoTest, NinePhotosPerRecordAndTheyCanBeRemoved) {
    const auto changes = paused_and_restarted();
    std::string last_url;
    for (unsigned i = 0; i < 9; ++i) {
        auto res = upload(*writer(), photos_of(project_, changes[1]), png(32, 32, i), "image/png");
        ASSERT_EQ(res.status, 201) << res.body;
        last_url = std::string(res.json().at("url").as_string());
    }
    expect_refused(*writer(), changes[1], 409, "photos", "a tenth photo");
    EXPECT_EQ(writer()->request("DELETE", last_url).status, 204);
    EXPECT_EQ(stored(changes[1]), 8u);
}

INSTANTIATE_TEST_SUITE_P(Backends, EvidencePhotoTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
