// Thousands of random writes (planned dates, stage and status moves, statistics entry, approvals,
// reports through review, coordination items raised and resolved, days passing with their sweep):
// the lights kept on write always equal a full recomputation.
#include <random>

#include "domain/coordination_workflow.hpp"

#include "warning_fixture.hpp"

namespace sanpi::testing {
namespace {

constexpr int kWrites = 2000;
constexpr int kProjects = 12;

class WarningLightsRandomTest : public WarningTest {
protected:
    void SetUp() override {
        WarningTest::SetUp();
        for (int i = 0; i < kProjects; ++i) {
            const auto today = clock_.today();
            ids_.push_back(signed_project(today.add_days(-200 + 10 * i), today.add_days(-100 + 15 * i)).project.id);
        }
    }

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    domain::Date today() const { return clock_.today(); }

    bool update(std::int64_t id, const service::ProjectPatch& patch) {
        auto current = projects().get(as("province"), id);
        return current && projects().update(as("province"), id, current->project.version, patch);
    }

    bool random_project_write(std::int64_t id) {
        service::ProjectPatch p;
        p.planned_reason = "随机调整";
        switch (pick(6)) {
            case 0: {
                const auto start = today().add_days(pick(300) - 200);
                p.planned_start = std::optional(start);
                p.planned_production = std::optional(start.add_days(30 + pick(300)));
                p.planned_capacity = std::optional(start.add_days(400 + pick(300)));
                break;
            }
            case 1: {
                auto current = projects().get(as("province"), id);
                if (!current || current->project.stage == domain::Stage::kAtCapacity) return false;
                const auto next = static_cast<domain::Stage>(static_cast<int>(current->project.stage) + 1);
                p.stage_move = domain::StageMove{next, today().add_days(-pick(3)), std::nullopt};
                break;
            }
            case 2: {
                auto current = projects().get(as("province"), id);
                if (!current) return false;
                const bool active = current->project.status == domain::ProjectStatus::kActive;
                p.status = active ? domain::ProjectStatus::kSuspended : domain::ProjectStatus::kActive;
                p.status_reason = "随机停复工";
                break;
            }
            case 3:
                p.stats_entry_date = pick(2) ? std::optional(today()) : std::optional<domain::Date>();
                break;
            case 4:
                p.approval = pick(3) ? std::optional(domain::Approval{domain::ApprovalKind::kFiling,
                                                                      today().add_days(-pick(760)), "某某局", "",
                                                                      std::nullopt})
                                     : std::optional<domain::Approval>();
                break;
            default:
                p.name = "亮灯随机项目" + std::to_string(pick(1000));
                break;
        }
        return update(id, p);
    }

    bool random_report(std::int64_t id) {
        service::ReportInput in;
        in.month = domain::Month::of(today().add_days(-pick(200)));
        in.investment_completed = domain::Money::from_fen(pick(5) * 2'000'000'00);
        in.capital_arrived = in.investment_completed;
        in.progress_text = "施工";
        in.percent_complete = pick(100);
        in.jobs = pick(100);
        auto made = reports().create(as("taiyuan-zgq"), id, in);
        if (!made) return false;
        const auto rid = made->view.record.report.id;
        if (!reports().submit(as("taiyuan-zgq"), rid, 1)) return true;
        if (pick(4) == 0) return bool(reports().return_report(as("taiyuan"), rid, 2, "数据有误"));
        return bool(reports().approve(as("taiyuan"), rid, 2));
    }

    bool random_item(std::int64_t id) {
        if (pick(2) == 0 || items_.empty()) {
            service::CoordinationInput in;
            in.category = domain::CoordinationCategory::kLand;
            in.description = "用地指标";
            in.responsible_department = "自然资源局";
            in.deadline = today().add_days(pick(20));
            auto made = coordination().create(as("taiyuan-zgq"), id, in);
            if (made) items_.push_back(made->record.item.id);
            return bool(made);
        }
        const auto item = items_[static_cast<std::size_t>(pick(static_cast<int>(items_.size())))];
        auto current = coordination().get(as("taiyuan-zgq"), item);
        if (!current) return false;
        const auto next = domain::next_statuses(current->record.item.status);
        if (next.empty()) return false;
        service::CoordinationInput in;
        in.status = next[static_cast<std::size_t>(pick(static_cast<int>(next.size())))];
        if (*in.status == domain::CoordinationStatus::kResolved) in.resolution = "已解决";
        if (*in.status == domain::CoordinationStatus::kReopened) in.reopen_reason = "问题反复";
        return bool(coordination().update(as("taiyuan-zgq"), item, current->record.item.version, in));
    }

    void days_pass() {
        clock_.set(clock_.now() + (1 + pick(15)) * 86400);
        auto swept = warnings().sweep();
        ASSERT_TRUE(swept) << swept.error().message.en;
    }

    std::mt19937 rng_{20240115};
    std::vector<std::int64_t> ids_;
    std::vector<std::int64_t> items_;
};

TEST_P(WarningLightsRandomTest, KeptLightsEqualAFullRecomputation) {
    int written = 0;
    for (int i = 0; i < kWrites; ++i) {
        const auto id = ids_[static_cast<std::size_t>(pick(kProjects))];
        const int op = pick(200);
        if (op < 100) {
            written += random_project_write(id);
        } else if (op < 150) {
            written += random_report(id);
        } else if (op < 199) {
            written += random_item(id);
        } else {
            days_pass();
        }
        if (i % 500 == 499) expect_kept_lights_equal_recomputation();
    }
    EXPECT_GT(written, kWrites / 2);
    expect_kept_lights_equal_recomputation();
}

INSTANTIATE_TEST_SUITE_P(Backends, WarningLightsRandomTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
