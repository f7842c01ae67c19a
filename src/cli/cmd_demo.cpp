#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "service/demo.hpp"
#include "service/demo_notices.hpp"

namespace sanpi::cli {

void add_demo_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* cmd = app.add_subcommand(
        "demo", "Create or refresh the Shanxi demo database (synthetic data) / 创建或刷新山西演示数据（模拟数据）");
    cmd->callback([&action, &global] {
        action = [&global] {
            auto store = open_configured_store(global.db, true);
            if (!store) return report_error(store.error());
            service::SystemClock clock;
            auto report = service::load_demo(**store, clock);
            if (!report) return report_error(report.error());
            auto notices = service::load_demo_notices(**store, clock);
            if (!notices) return report_error(notices.error());
            std::cout << (report->created ? "demo data created" : "demo data already present; accounts refreshed")
                      << ": +" << report->zones << " zones, +" << report->enterprises << " enterprises, +"
                      << report->projects << " projects, +" << report->users << " accounts, +"
                      << report->progress_reports << " monthly reports\n"
                      << "campaign: " << service::kDemoCampaignName << " (id " << report->campaign_id << ")\n"
                      << "coordination items: +" << report->coordination_items << "\n"
                      << "supervision notices: +" << *notices << "\n"
                      << "log in as province, taiyuan, taiyuan-zgq, supervisor or viewer; password: "
                      << service::kDemoPassword << "\n";
            return 0;
        };
    });
}

}  // namespace sanpi::cli
