// sweep: every project's warning light recomputed as of a day (default today in Asia/Shanghai),
// once per day however many servers or runs ask (--force runs a claimed day again; the walk writes
// only what changed, so a second run changes nothing), then the supervision notices: overdue city
// notices escalated to the province and the escalation ladder applied (each once per day).
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "service/light_keeper.hpp"

namespace sanpi::cli {

namespace {

struct SweepArgs {
    std::string date;  // empty: today
    bool force = false;
};

int sweep(const GlobalOptions& global, const SweepArgs& a) {
    std::optional<domain::Date> day;
    if (!a.date.empty()) {
        auto parsed = domain::Date::parse(a.date, "date");
        if (!parsed) return report_error(parsed.error());
        day = parsed->date;
    }
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    auto result = service::sweep_lights(**store, clock, day, a.force);
    if (!result) return report_error(result.error());
    if (!result->ran) {
        std::cout << result->day.iso() << " 已巡检过（--force 可再次运行）/ already swept (--force runs it again)\n";
        return 0;
    }
    std::cout << result->day.iso() << " 巡检完成 / swept: " << result->projects << " projects, " << result->changed
              << " light(s) changed\n";
    std::cout << "督办单 / notices: " << result->notices_escalated << " 逾期提级 / escalated, " << result->ladder_notices
              << " 按升级规则下发 / issued by the escalation ladder\n";
    return 0;
}

}  // namespace

void add_sweep_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* cmd = app.add_subcommand("sweep", "Recompute every project's warning light as of a day / 预警亮灯巡检");
    auto args = std::make_shared<SweepArgs>();
    cmd->add_option("--date", args->date, "The day to sweep as of (default: today in Asia/Shanghai)");
    cmd->add_flag("--force", args->force, "Sweep the day even if it was already swept");
    cmd->callback([&action, &global, args] { action = [&global, args] { return sweep(global, *args); }; });
}

}  // namespace sanpi::cli
