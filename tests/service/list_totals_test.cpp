// Counts of filtered project lists kept with the figures' generation (ProjectService::list): the
// same count while no project joins or leaves the filter, the right one at once after a write.
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

class ListTotalsTest : public ServiceTest {
protected:
    std::int64_t total(service::ProjectService& server, const std::string& user, const std::string& industry,
                       std::int64_t offset = 0) {
        store::ProjectQuery q;
        q.industry_code = industry;
        q.limit = 5;
        q.offset = offset;
        auto page = server.list(as(user), q);
        EXPECT_TRUE(page);
        return page ? page->total : -1;
    }

    // The count by a full scan of the list, without any kept count.
    std::int64_t counted(const std::string& user, const std::string& industry) {
        return total(*std::make_unique<service::ProjectService>(store(), clock_), user, industry);
    }
};

TEST_P(ListTotalsTest, AKeptCountFollowsProjectsMovingInAndOutOfTheFilter) {
    service::ProjectService server(store(), clock_), writer(store(), clock_);
    store::ProjectQuery all;
    all.limit = 1;
    const auto project = server.list(as("province"), all).value().items.at(0).project;
    const std::string from = project.industry_code;
    const std::string to = from == "new_materials" ? "modern_coal_chemical" : "new_materials";
    const auto from_before = total(server, "province", from), to_before = total(server, "province", to);
    EXPECT_EQ(total(server, "province", from, 5), from_before);  // another page: the kept count
    EXPECT_EQ(from_before, counted("province", from));

    service::ProjectPatch move;
    move.industry_code = to;
    ASSERT_TRUE(writer.update(as("province"), project.id, project.version, move));
    EXPECT_EQ(total(server, "province", from), from_before - 1);
    EXPECT_EQ(total(server, "province", to), to_before + 1);
    EXPECT_EQ(total(server, "province", to), counted("province", to));
}

TEST_P(ListTotalsTest, CountsAreKeptPerScope) {
    service::ProjectService server(store(), clock_);
    const auto province = total(server, "province", "new_materials");
    const auto city = total(server, "taiyuan", "new_materials");
    EXPECT_LT(city, province);
    EXPECT_EQ(total(server, "province", "new_materials"), province);
    EXPECT_EQ(total(server, "taiyuan", "new_materials"), city);
    EXPECT_EQ(city, counted("taiyuan", "new_materials"));
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ListTotalsTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace sanpi::testing
