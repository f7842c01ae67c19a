#pragma once
// Helpers for POST /api/v1/projects/{id}/transitions: moves with the current ETag, the stored
// history, and a check that a refused move left the database as it was.
#include <string>
#include <vector>

#include "project_builders.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {

class TransitionTest : public ProjectWriteTest {
protected:
    std::string transitions(std::int64_t id) { return path(id) + "/transitions"; }
    std::string etag_of(std::int64_t id) { return "\"" + std::to_string(read_project(id).project.version) + "\""; }

    // The zone's writer moves the project, sending the ETag it currently has.
    HttpResponse move(std::int64_t id, const boost::json::object& body) {
        return writer()->post(transitions(id), body, {{"If-Match", etag_of(id)}});
    }

    // A fresh project moved as asked; fails the test if a move is refused.
    std::int64_t project_after(const std::vector<boost::json::object>& moves) {
        const auto id = create();
        for (const auto& body : moves) {
            auto res = move(id, body);
            EXPECT_EQ(res.status, 200) << boost::json::serialize(body) << " -> " << res.body;
        }
        return id;
    }

    std::vector<domain::StageChange> history(std::int64_t id) {
        auto changes = store::read_value<std::vector<domain::StageChange>>(
            store(), [&](store::Tx& tx) { return tx.list_stage_changes(id); });
        EXPECT_TRUE(changes);
        return changes ? *changes : std::vector<domain::StageChange>{};
    }

    static std::vector<std::string> error_fields(const HttpResponse& res) {
        std::vector<std::string> out;
        auto body = res.json().as_object();
        if (!body.contains("errors")) return out;
        for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
        return out;
    }

    // Sends the move as `client` with `headers` and expects `status` naming `field` (if any),
    // with every project's version and this project's history exactly as before.
    void expect_refused(HttpClient& client, std::int64_t id, const boost::json::object& body, const HeaderList& headers,
                        int status, const std::string& field = {}) {
        const auto before = snapshot();
        const auto history_before = history(id).size();
        auto res = client.post(transitions(id), body, headers);
        EXPECT_EQ(res.status, status) << boost::json::serialize(body) << " -> " << res.body;
        if (!field.empty()) {
            const auto fields = error_fields(res);
            EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end())
                << "no error naming " << field << " in " << res.body;
        }
        EXPECT_EQ(snapshot(), before) << boost::json::serialize(body);
        EXPECT_EQ(history(id).size(), history_before) << boost::json::serialize(body);
    }

    // The usual case: the project's own zone user with the current ETag; 422 naming `field`.
    void expect_invalid(std::int64_t id, const boost::json::object& body, const std::string& field) {
        expect_refused(*writer(), id, body, {{"If-Match", etag_of(id)}}, 422, field);
    }
};

}  // namespace sanpi::testing
