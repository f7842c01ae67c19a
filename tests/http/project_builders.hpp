#pragma once
// Builders for project request bodies and a fixture for write tests in one zone.
#include <string>

#include "http_fixture.hpp"

namespace sanpi::testing {

// A complete, valid create body: the caller can change or remove fields to make a case.
inline boost::json::object make_project_body(std::int64_t zone_id, std::int64_t investor_id) {
    return {{"name", "HTTP测试 光伏组件项目"},
            {"zone_id", zone_id},
            {"industry", "new_energy"},
            {"investor_ids", {investor_id}},
            {"total_investment", "12.5亿元"},
            {"annual_planned_investment", "3000万元"},
            {"expected_output_value", 800000000},
            {"expected_tax", "1200000.5"},
            {"expected_jobs", 300},
            {"land_area_mu", "120.5"},
            {"construction_content", "建设年产 2GW 光伏组件生产线"},
            {"planned", {{"sign", "2024-03-01"}, {"start", "2024-06-01"}, {"production", nullptr}}},
            {"responsible_unit", "开发区招商局"},
            {"responsible_post", "管委会主任"},
            {"tags", {"provincial_key"}}};
}

class ProjectWriteTest : public HttpTest {
protected:
    void SetUp() override {
        const auto zone = all_zones().at(1);
        zone_id_ = zone.id;
        zone_slug_ = zone.slug;
        sample_ = project_in_zone(zone_id_);
        investor_ = read_project(sample_).project.investor_ids.at(0);
    }

    std::string path(std::int64_t id) { return "/api/v1/projects/" + std::to_string(id); }
    std::unique_ptr<HttpClient> writer() { return as(zone_slug_); }
    boost::json::object body() { return make_project_body(zone_id_, investor_); }

    // Creates a fresh project through the API; returns its id.
    std::int64_t create() {
        auto res = writer()->post("/api/v1/projects", body());
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().at("id").as_int64() : 0;
    }

    std::int64_t zone_id_ = 0;
    std::string zone_slug_;      // the zone's account name
    std::int64_t sample_ = 0;    // a demo project in zone_
    std::int64_t investor_ = 0;  // a real enterprise id
};

}  // namespace sanpi::testing
