// Coordination items over HTTP: every refusal answers a problem naming its field or rule, and
// nothing is written (every item's version, and every project's, is the same afterwards).
#include <algorithm>

#include "coordination_fixture.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

class CoordinationRejectTest : public CoordinationHttpTest {
protected:
    static std::vector<std::string> error_fields(const HttpResponse& res) {
        std::vector<std::string> out;
        auto body = res.json().as_object();
        if (!body.contains("errors")) return out;
        for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
        return out;
    }

    void expect_answer(const HttpResponse& res, int status, const std::string& field, const std::string& what) {
        EXPECT_EQ(res.status, status) << what << " -> " << res.body;
        EXPECT_TRUE(res.header("content-type").starts_with("application/problem+json")) << what;
        if (field.empty()) return;
        const auto fields = error_fields(res);
        EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end())
            << what << ": no error naming " << field << " in " << res.body;
    }

    // Sends `send`, expects `status` naming `field` (if any), and checks nothing was written.
    template <class Send>
    void expect_refused(Send&& send, int status, const std::string& field, const std::string& what) {
        const auto items = item_snapshot();
        const auto projects = snapshot();
        expect_answer(send(), status, field, what);
        EXPECT_EQ(item_snapshot(), items) << what;
        EXPECT_EQ(snapshot(), projects) << what;
    }

    void refused_create(HttpClient& client, std::int64_t project_id, const json::object& body, int status,
                        const std::string& field = {}) {
        expect_refused([&] { return client.post(items_path(project_id), body); }, status, field,
                       "POST " + json::serialize(body));
    }
    void invalid_create(const json::object& body, const std::string& field) {
        refused_create(*zone_user(), project_, body, 422, field);
    }

    void refused_patch(HttpClient& client, std::int64_t id, const json::object& body, const HeaderList& headers,
                       int status, const std::string& field = {}) {
        expect_refused([&] { return client.patch(item_path(id), body, headers); }, status, field,
                       "PATCH " + json::serialize(body));
    }
    // The item's own zone user with the current ETag.
    void patch_refused(std::int64_t id, const json::object& body, int status, const std::string& field) {
        refused_patch(*zone_user(), id, body, if_match(stored(id).item.version), status, field);
    }

    json::object without(const char* key) {
        auto body = make_item_body();
        body.erase(key);
        return body;
    }
    json::object with(const char* key, json::value value) {
        auto body = make_item_body();
        body[key] = std::move(value);
        return body;
    }
    // An item moved along the workflow to `status` through the API.
    std::int64_t item_in(const std::string& status) {
        const auto id = create();
        const std::vector<json::object> steps = {
            {{"status", "in_progress"}}, {{"status", "resolved"}, {"resolution", "已解决"}}, {{"status", "closed"}}};
        for (const auto& step : steps) {
            if (stored(id).item.status == domain::coordination_status_from_string(status)) break;
            EXPECT_EQ(patch_current(id, step).status, 200);
        }
        return id;
    }
};

TEST_P(CoordinationRejectTest, RequiredFieldsAreNamed) {
    for (const char* field : {"category", "description", "responsible_department", "deadline"}) {
        invalid_create(without(field), field);
    }
    for (const char* blank : {"", "   ", "\n\t"}) {
        invalid_create(with("description", blank), "description");
        invalid_create(with("responsible_department", blank), "responsible_department");
    }
    invalid_create(with("description", json::string(std::string(2001, 'x'))), "description");
}

TEST_P(CoordinationRejectTest, EnumsMustBeKnownNames) {
    for (const char* bad : {"roads", "", "Land ", "土地"}) invalid_create(with("category", bad), "category");
    for (const char* bad : {"county", "national"}) invalid_create(with("level", bad), "level");
}

TEST_P(CoordinationRejectTest, DeadlineCannotBeBeforeTheDayTheItemIsRaised) {
    invalid_create(with("deadline", "2024-01-14"), "deadline");
    invalid_create(with("deadline", "2022-06-22"), "deadline");
    invalid_create(with("deadline", "2024-02-30"), "deadline");
    invalid_create(with("deadline", "soon"), "deadline");
    const auto id = create();
    patch_refused(id, {{"deadline", "2024-01-01"}}, 422, "deadline");
}

TEST_P(CoordinationRejectTest, ANewItemIsAlwaysOpen) {
    invalid_create(with("status", "resolved"), "status");
    invalid_create(with("resolution", "已解决"), "resolution");
    invalid_create(with("reopen_reason", "未解决"), "reopen_reason");
}

TEST_P(CoordinationRejectTest, WrongTypesUnknownAndReadOnlyFieldsAre400) {
    const std::pair<const char*, json::value> cases[] = {{"description", json::value(5)},
                                                         {"deadline", json::value(nullptr)},
                                                         {"category", json::value(json::array{})},
                                                         {"priority", json::value("high")},
                                                         {"id", json::value(7)},
                                                         {"overdue", json::value(true)},
                                                         {"project_id", json::value(project_)},
                                                         {"version", json::value(1)}};
    for (const auto& [key, value] : cases) refused_create(*zone_user(), project_, with(key, value), 400, key);
    expect_refused(
        [&] {
            return zone_user()->request("POST", items_path(project_), "[1]", {{"Content-Type", "application/json"}});
        },
        400, "body", "array body");
    expect_refused(
        [&] {
            return zone_user()->request("POST", items_path(project_), "{}", {{"Content-Type", "text/plain"}});
        },
        415, "", "text body");
    const auto id = create();
    refused_patch(*zone_user(), id, {{"created_at", "2020-01-01"}}, if_match(1), 400, "created_at");
}

TEST_P(CoordinationRejectTest, IllegalStatusMovesAre409NamingStatus) {
    const auto open = create();
    for (const char* to : {"resolved", "closed", "reopened", "open"}) {
        json::object body{{"status", to}};
        if (std::string_view(to) == "resolved") body["resolution"] = "已解决";
        if (std::string_view(to) == "reopened") body["reopen_reason"] = "未解决";
        patch_refused(open, body, 409, "status");
    }
    patch_refused(open, {{"status", "finished"}}, 422, "status");
    const auto closed = item_in("closed");
    patch_refused(closed, {{"status", "in_progress"}}, 409, "status");
    patch_refused(closed, {{"description", "已办结后修改"}}, 409, "status");  // closed: reopen first
}

TEST_P(CoordinationRejectTest, ResolvingNeedsAResolutionAndReopeningAReason) {
    const auto in_progress = item_in("in_progress");
    patch_refused(in_progress, {{"status", "resolved"}}, 422, "resolution");
    patch_refused(in_progress, {{"status", "resolved"}, {"resolution", "  "}}, 422, "resolution");
    const auto resolved = item_in("resolved");
    patch_refused(resolved, {{"status", "reopened"}}, 422, "reopen_reason");
    // Texts without their move would be lost: refused.
    patch_refused(resolved, {{"resolution", "改写解决情况"}}, 422, "resolution");
    patch_refused(in_progress, {{"reopen_reason", "原因"}, {"status", "resolved"}, {"resolution", "x"}}, 422,
                  "reopen_reason");
}

TEST_P(CoordinationRejectTest, EscalationOnlyGoesUp) {
    const auto id = create();
    ASSERT_EQ(patch_current(id, {{"level", "province"}}).status, 200);
    patch_refused(id, {{"level", "city"}}, 422, "level");
    patch_refused(id, {{"level", "zone"}}, 422, "level");
    const auto resolved = item_in("resolved");
    patch_refused(resolved, {{"level", "city"}}, 422, "level");  // settled items are not escalated
}

TEST_P(CoordinationRejectTest, ChangesNeedTheCurrentVersion) {
    const auto id = create();
    const json::object change{{"description", "不应写入"}};
    refused_patch(*zone_user(), id, change, {}, 428, "");
    for (const char* bad : {"abc", "W/\"1\"", "*", "\"\"", "-1"}) {
        refused_patch(*zone_user(), id, change, {{"If-Match", bad}}, 400, "If-Match");
    }
    ASSERT_EQ(patch_current(id, {{"status", "in_progress"}}).status, 200);
    refused_patch(*zone_user(), id, change, if_match(1), 409, "");
    EXPECT_EQ(stored(id).item.description, make_item_body().at("description").as_string());
}

TEST_P(CoordinationRejectTest, ReadOnlyRolesCannotWrite) {
    const auto id = create();
    for (const char* reader : {"supervisor", "viewer"}) {
        refused_create(*as(reader), project_, make_item_body(), 403);
        refused_patch(*as(reader), id, {{"status", "in_progress"}}, if_match(1), 403, "");
    }
}

TEST_P(CoordinationRejectTest, OutsideTheScopeIsNotFound) {
    const auto foreign = [&] {
        auto res = as("province")->post(items_path(foreign_project_), make_item_body());
        EXPECT_EQ(res.status, 201) << res.body;
        return res.json().at("id").as_int64();
    }();
    for (const auto& name : {zone_slug_, city_slug_}) {
        auto owned = as(name);
        refused_create(*owned, foreign_project_, make_item_body(), 404);
        refused_patch(*owned, foreign, {{"status", "in_progress"}}, if_match(1), 404, "");
        expect_answer(owned->get(item_path(foreign)), 404, "", "GET foreign item");
        expect_answer(owned->get(items_path(foreign_project_)), 404, "", "GET foreign project's items");
    }
    refused_create(*zone_user(), 987654321, make_item_body(), 404);
    expect_answer(zone_user()->get(item_path(987654321)), 404, "", "GET missing item");
    refused_patch(*as("province"), 987654321, {{"status", "in_progress"}}, if_match(1), 404, "");
}

TEST_P(CoordinationRejectTest, BadIdsAndQueryParametersAre400) {
    expect_answer(zone_user()->get("/api/v1/coordination-items/abc"), 400, "id", "bad id");
    expect_answer(zone_user()->get("/api/v1/projects/0/coordination-items"), 400, "id", "zero id");
    const std::pair<const char*, const char*> cases[] = {
        {"status=done", "status"}, {"category=roads", "category"},
        {"level=county", "level"}, {"overdue=yes", "overdue"},
        {"zone=x", "zone"},        {"city=140105", "city"},
        {"page=0", "page"},        {"page_size=501", "page_size"},
        {"sort=deadline", "sort"}, {"status=open&status=closed", "status"}};
    for (const auto& [query, field] : cases) {
        expect_answer(zone_user()->get(std::string("/api/v1/coordination-items?") + query), 400, field, query);
        expect_answer(zone_user()->get(items_path(project_) + "?" + query), 400, field, query);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, CoordinationRejectTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
