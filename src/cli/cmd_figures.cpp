// figures verify | rebuild: the kept dashboard and summary figures against a full recount.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "service/figures_check.hpp"

namespace sanpi::cli {

namespace {

// Distinct from 1 (could not check) and 2 (bad input): the check ran and found a difference.
constexpr int kFiguresDiffer = 3;

int verify_figures(const GlobalOptions& global) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    auto check = service::check_figures(**store);
    if (!check) return report_error(check.error());
    if (check->equal()) {
        std::cout << "统计数与重新计算一致 / kept figures equal a full recount\n";
        return 0;
    }
    std::cout << "统计数与重新计算不一致（运行 sanpi figures rebuild 修复）/ kept figures differ from a full recount "
                 "(run sanpi figures rebuild): "
              << check->stage_rows << " stage row(s), " << check->industry_rows << " industry row(s), "
              << check->batch_rows << " campaign batch row(s), " << check->campaign_industry_rows
              << " campaign industry row(s), " << check->band_rows << " size band row(s), " << check->stale_entries
              << " entry(ies) of planned campaigns not following their project\n";
    return kFiguresDiffer;
}

int rebuild(const GlobalOptions& global) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    if (auto done = service::rebuild_figures(**store); !done) return report_error(done.error());
    std::cout << "统计数已重新计算 / kept figures rebuilt from a full recount\n";
    return 0;
}

}  // namespace

void add_figures_commands(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* figures = app.add_subcommand("figures", "Kept dashboard and summary figures / 统计数");
    figures->require_subcommand(1);
    figures->add_subcommand("verify", "Compare the kept figures with a full recount; exit 0 when equal, 3 when not")
        ->callback([&action, &global] { action = [&global] { return verify_figures(global); }; });
    figures->add_subcommand("rebuild", "Replace the kept figures with a full recount, in one transaction")
        ->callback([&action, &global] { action = [&global] { return rebuild(global); }; });
}

}  // namespace sanpi::cli
