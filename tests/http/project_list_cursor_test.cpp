// GET /api/v1/projects with keyset paging: next_cursor leads through the whole list in order,
// cursor pages are not counted, and a damaged, foreign or misused cursor is a 400 naming `cursor`.
#include <set>

#include "http_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class ProjectListCursorTest : public HttpTest {
protected:
    json::object list(const std::string& query) {
        auto res = as("province")->get("/api/v1/projects" + query);
        EXPECT_EQ(res.status, 200) << query << " " << res.body;
        return res.status == 200 ? res.json().as_object() : json::object{};
    }

    std::vector<std::string> error_fields(const std::string& query) {
        auto res = as("province")->get("/api/v1/projects" + query);
        EXPECT_EQ(res.status, 400) << query;
        std::vector<std::string> out;
        if (res.status != 400) return out;
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
        return out;
    }

    static std::vector<std::int64_t> ids(const json::object& body) {
        std::vector<std::int64_t> out;
        for (const auto& item : body.at("items").as_array()) out.push_back(item.at("id").as_int64());
        return out;
    }
};

TEST_P(ProjectListCursorTest, NextCursorLeadsThroughTheWholeListInItsOrder) {
    for (const std::string sort : {"sort=id&order=desc", "sort=planned_start&order=desc", "sort=planned_start",
                                   "sort=total_investment&order=desc", "sort=name", "sort=stage&order=desc"}) {
        SCOPED_TRACE(sort);
        // The reference order by numbered pages (the demo has more projects than one page holds).
        std::vector<std::int64_t> all;
        for (int page = 1; page <= 10; ++page) {
            const auto rows = ids(list("?" + sort + "&page_size=500&page=" + std::to_string(page)));
            all.insert(all.end(), rows.begin(), rows.end());
            if (rows.size() < 500) break;
        }
        ASSERT_GT(all.size(), 500u);
        std::vector<std::int64_t> paged;
        auto body = list("?" + sort + "&page_size=37");
        EXPECT_EQ(body.at("total").as_int64(), static_cast<std::int64_t>(all.size()));
        EXPECT_EQ(body.at("total_exact"), true);
        for (int i = 0; i < 200; ++i) {
            const auto page = ids(body);
            paged.insert(paged.end(), page.begin(), page.end());
            if (body.at("next_cursor").is_null()) break;
            const std::string cursor(body.at("next_cursor").as_string());
            body = list("?" + sort + "&page_size=37&cursor=" + cursor);
            EXPECT_TRUE(body.at("total").is_null());
            EXPECT_TRUE(body.at("total_exact").is_null());
            EXPECT_TRUE(body.at("page").is_null());
        }
        EXPECT_EQ(paged, all);
    }
}

TEST_P(ProjectListCursorTest, ADamagedForeignOrMisusedCursorIsRefused) {
    auto first = list("?sort=code&city=140100&page_size=5");
    ASSERT_TRUE(first.at("next_cursor").is_string());
    const std::string cursor(first.at("next_cursor").as_string());
    EXPECT_EQ(list("?sort=code&city=140100&page_size=5&cursor=" + cursor).at("items").as_array().size(), 5u);
    // A changed page size is fine; other filters, sort or order are not.
    EXPECT_EQ(list("?sort=code&city=140100&page_size=3&cursor=" + cursor).at("items").as_array().size(), 3u);
    const std::vector<std::string> named{"cursor"};
    EXPECT_EQ(error_fields("?sort=name&city=140100&cursor=" + cursor), named);
    EXPECT_EQ(error_fields("?sort=code&order=desc&city=140100&cursor=" + cursor), named);
    EXPECT_EQ(error_fields("?sort=code&city=140200&cursor=" + cursor), named);
    EXPECT_EQ(error_fields("?sort=code&cursor=" + cursor), named);
    std::string tampered = cursor;
    tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
    EXPECT_EQ(error_fields("?sort=code&city=140100&cursor=" + tampered), named);
    EXPECT_EQ(error_fields("?sort=code&city=140100&cursor=" + cursor.substr(0, cursor.size() - 4)), named);
    EXPECT_EQ(error_fields("?sort=code&city=140100&cursor=not*base64"), named);
    EXPECT_EQ(error_fields("?sort=code&city=140100&cursor="), named);
    EXPECT_EQ(error_fields("?sort=code&city=140100&page=2&cursor=" + cursor), named);
}

TEST_P(ProjectListCursorTest, TheLastPageHasNoNextCursor) {
    const auto total = list("?city=140100&page_size=500").at("total").as_int64();
    ASSERT_GT(total, 2);
    EXPECT_TRUE(list("?city=140100&page_size=500").at("next_cursor").is_null());
    auto body = list("?city=140100&page_size=" + std::to_string(total - 1));
    ASSERT_TRUE(body.at("next_cursor").is_string());
    const std::string cursor(body.at("next_cursor").as_string());
    auto last = list("?city=140100&page_size=" + std::to_string(total - 1) + "&cursor=" + cursor);
    EXPECT_EQ(last.at("items").as_array().size(), 1u);
    EXPECT_TRUE(last.at("next_cursor").is_null());
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectListCursorTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
