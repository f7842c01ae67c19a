#pragma once
// Helpers for the identity and commitment fields of projects: national codes for the writer's
// zone, the planned-date history as stored, and refusals checked to have written nothing.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "project_builders.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {

class IdentityTest : public ProjectWriteTest {
protected:
    void SetUp() override {
        ProjectWriteTest::SetUp();
        region_ = all_zones().at(1).region.str();
        static int tests_so_far = 0;
        serial_base_ = 1000 * (tests_so_far++ % 99);
    }

    // A national code in the current layout, issued November 2023 in `region` (the writer's zone's
    // by default). Department code 99 keeps it apart from the demo's codes; the serial is offset per
    // test, because the tests of a process share one database and codes are unique.
    std::string national_code(int serial, std::string region = {}) {
        char tail[8];
        std::snprintf(tail, sizeof tail, "%05d0", (serial_base_ + serial) % 100000);
        return "2311-" + (region.empty() ? region_ : region) + "-99-01-" + tail;
    }

    std::string etag_of(std::int64_t id) { return "\"" + std::to_string(read_project(id).project.version) + "\""; }

    std::vector<store::PlannedDateChangeEntry> planned_history(std::int64_t id) {
        auto entries = store::read_value<std::vector<store::PlannedDateChangeEntry>>(
            store(), [&](store::Tx& tx) { return tx.list_planned_date_changes(id); });
        EXPECT_TRUE(entries);
        return entries ? *entries : std::vector<store::PlannedDateChangeEntry>{};
    }

    // A fresh project, created by the writer with `extra` fields on top of the usual body.
    std::int64_t create_with(const boost::json::object& extra) {
        auto b = body();
        for (const auto& [key, value] : extra) b[key] = value;
        auto res = writer()->post("/api/v1/projects", b);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().at("id").as_int64() : 0;
    }

    // PATCHes as the writer with the current ETag.
    HttpResponse patch(std::int64_t id, const boost::json::object& change) {
        return writer()->patch(path(id), change, {{"If-Match", etag_of(id)}});
    }

    static std::vector<std::string> error_fields(const HttpResponse& res) {
        std::vector<std::string> out;
        auto body = res.json().as_object();
        if (!body.contains("errors")) return out;
        for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
        return out;
    }

    static std::string message_for(const HttpResponse& res, const std::string& field) {
        const auto errors = res.json().at("errors").as_array();
        for (const auto& e : errors) {
            if (e.at("field").as_string() == field) return std::string(e.at("message").as_string());
        }
        return {};
    }

    void expect_names(const HttpResponse& res, int status, const std::string& field) {
        EXPECT_EQ(res.status, status) << res.body;
        if (field.empty() || res.status != status) return;
        const auto fields = error_fields(res);
        EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end())
            << "no error naming " << field << " in " << res.body;
    }

    // The writer's PATCH is refused with `status` naming `field`; no project and no planned-date
    // history changed.
    HttpResponse expect_patch_refused(std::int64_t id, const boost::json::object& change, int status,
                                      const std::string& field) {
        const auto before = snapshot();
        const auto history_before = planned_history(id).size();
        auto res = patch(id, change);
        expect_names(res, status, field);
        EXPECT_EQ(snapshot(), before) << boost::json::serialize(change);
        EXPECT_EQ(planned_history(id).size(), history_before) << boost::json::serialize(change);
        return res;
    }

    // The writer's POST (the usual body with `extra` on top) is refused; no project was created.
    HttpResponse expect_create_refused(const boost::json::object& extra, int status, const std::string& field) {
        const auto before = snapshot();
        auto b = body();
        for (const auto& [key, value] : extra) b[key] = value;
        auto res = writer()->post("/api/v1/projects", b);
        expect_names(res, status, field);
        EXPECT_EQ(snapshot(), before) << boost::json::serialize(extra);
        return res;
    }

    std::string region_;  // the writer's zone's region code
    int serial_base_ = 0;
};

}  // namespace sanpi::testing
