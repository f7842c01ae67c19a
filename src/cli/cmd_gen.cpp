#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "service/demo.hpp"
#include "service/gen.hpp"

namespace sanpi::cli {

void add_gen_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* cmd = app.add_subcommand("gen",
                                   "Write a reproducible synthetic national dataset into an empty database (load "
                                   "tests, benchmarks) / 向空库写入可复现的全国模拟数据（压测、基准测试）");
    auto options = std::make_shared<service::GenOptions>();
    cmd->add_option("--projects", options->projects, "Number of projects")->required();
    cmd->add_option("--months", options->months, "Months of monthly reports, up to " + std::string(service::kGenAsOf))
        ->capture_default_str();
    cmd->add_option("--seed", options->seed, "Seed: the same seed writes the same rows")->capture_default_str();
    cmd->callback([&action, &global, options] {
        action = [&global, options] {
            auto store = open_configured_store(global.db, true);
            if (!store) return report_error(store.error());
            const auto started = std::chrono::steady_clock::now();
            auto report = service::generate_national(**store, *options);
            if (!report) return report_error(report.error());
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
            std::cout << "synthetic national data written in " << took.count() << " s: " << report->regions
                      << " regions, " << report->zones << " zones, " << report->enterprises << " enterprises, "
                      << report->projects << " projects (" << report->investors << " investor links), "
                      << report->campaign_entries << " campaign entries, " << report->progress_reports
                      << " monthly reports, " << report->users << " accounts\n"
                      << "log in as nation, province, taiyuan, taiyuan-zgq, supervisor or viewer; password: "
                      << service::kDemoPassword << "\n";
            return 0;
        };
    });
}

}  // namespace sanpi::cli
