#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "store/open_store.hpp"

namespace sanpi::cli {

void add_migrate_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* cmd = app.add_subcommand("migrate", "Create the database or apply pending schema migrations / 创建或升级数据库");
    cmd->alias("init");
    cmd->callback([&action, &global] {
        action = [&global] {
            auto store = store::open_store(database_url(global.db));
            if (!store) return report_error(store.error());
            auto applied = (*store)->migrate();
            if (!applied) return report_error(applied.error());
            auto version = (*store)->schema_version();
            std::cout << "applied " << *applied << " migration(s); schema version " << (version ? *version : 0) << "\n";
            return 0;
        };
    });
}

}  // namespace sanpi::cli
