#pragma once
// Services over the demo for the warning-light tests: a project to light up, reports through
// their review, coordination items, and the lights as stored against a full recomputation.
#include "service/coordination_service.hpp"
#include "service/light_keeper.hpp"
#include "service/report_service.hpp"
#include "service/warning_service.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {

class WarningTest : public ServiceTest {
protected:
    service::WarningService warnings() { return service::WarningService(store(), clock_); }
    service::ReportService reports() { return service::ReportService(store(), clock_); }
    service::CoordinationService coordination() { return service::CoordinationService(store(), clock_); }

    static domain::Date ymd(int y, int m, int d) { return domain::Date::from_ymd(y, m, d).value(); }

    // A new project of taiyuan-zgq, signed on `signed_on` and planned to start on `planned_start`.
    domain::ProjectView signed_project(domain::Date signed_on, domain::Date planned_start) {
        service::ProjectPatch p;
        p.name = "亮灯测试项目";
        p.zone_id = zone("taiyuan-zgq").id;
        p.industry_code = "new_energy";
        p.total_investment = domain::Money::from_fen(100'000'000'00);
        p.planned_start = std::optional(planned_start);
        p.stage_move = domain::StageMove{domain::Stage::kSigned, signed_on, std::nullopt};
        auto made = projects().create(as("province"), p);
        EXPECT_TRUE(made) << (made ? "" : made.error().message.en);
        return *made;
    }

    service::ProjectLightView light_of(std::int64_t project_id) {
        auto view = warnings().project_light(as("province"), project_id);
        EXPECT_TRUE(view) << (view ? "" : view.error().message.en);
        return *view;
    }

    // A report of `month` drafted and submitted by the zone and approved by the city.
    void approved_report(std::int64_t project_id, domain::Month month, std::int64_t fen) {
        service::ReportInput in;
        in.month = month;
        in.investment_completed = domain::Money::from_fen(fen);
        in.capital_arrived = domain::Money::from_fen(fen);
        in.progress_text = "主体施工";
        in.percent_complete = 10;
        in.jobs = 20;
        auto made = reports().create(as("taiyuan-zgq"), project_id, in);
        ASSERT_TRUE(made) << made.error().message.en;
        auto submitted = reports().submit(as("taiyuan-zgq"), made->view.record.report.id, 1);
        ASSERT_TRUE(submitted) << submitted.error().message.en;
        auto approved = reports().approve(as("taiyuan"), made->view.record.report.id, 2);
        ASSERT_TRUE(approved) << approved.error().message.en;
    }

    // Every stored light against the rules applied afresh as of the clock's today.
    void expect_kept_lights_equal_recomputation() {
        auto stored = store::read_value<std::vector<std::pair<std::int64_t, store::StoredLight>>>(
            store(), [](store::Tx& tx) { return tx.all_stored_lights(); });
        auto fresh = store::read_value<std::vector<std::pair<std::int64_t, domain::ProjectLight>>>(
            store(), [&](store::Tx& tx) { return service::recomputed_lights(tx, clock_.today()); });
        ASSERT_TRUE(stored && fresh);
        std::map<std::int64_t, store::StoredLight> kept(stored->begin(), stored->end());
        std::size_t lit = 0;
        for (const auto& [id, light] : *fresh) {
            if (light.light == domain::Light::kGreen) {
                EXPECT_EQ(kept.count(id), 0u) << "project " << id << " is green but has a stored light";
                continue;
            }
            ++lit;
            auto it = kept.find(id);
            ASSERT_NE(it, kept.end()) << "project " << id << " is " << domain::to_string(light.light) << " but not stored";
            EXPECT_EQ(it->second.light, light.light) << "project " << id;
            EXPECT_EQ(it->second.reasons, domain::encode_reasons(light.reasons)) << "project " << id;
        }
        EXPECT_EQ(lit, kept.size());
    }
};

}  // namespace sanpi::testing
