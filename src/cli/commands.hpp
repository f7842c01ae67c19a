#pragma once
// Each subcommand registers its flags on the CLI11 app and returns the code to exit with.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace sanpi::cli {

using Action = std::function<int()>;

// Options every subcommand shares; filled by CLI11 from flag > environment > config file > default.
struct GlobalOptions {
    std::string db;   // empty: the default database
};

// Registration functions: add the subcommand and set `action` to run when it is chosen.
void add_migrate_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_demo_command(CLI::App& app, const GlobalOptions& global, Action& action);
// gen: the synthetic national dataset
void add_gen_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_serve_command(CLI::App& app, const GlobalOptions& global, Action& action);
void add_user_commands(CLI::App& app, const GlobalOptions& global, Action& action);
// backup, restore, copy
void add_backup_commands(CLI::App& app, const GlobalOptions& global, Action& action);
// audit verify
void add_audit_commands(CLI::App& app, const GlobalOptions& global, Action& action);
// figures verify | rebuild
void add_figures_commands(CLI::App& app, const GlobalOptions& global, Action& action);
// report campaign: a campaign's bulletin (通报)
void add_report_commands(CLI::App& app, const GlobalOptions& global, Action& action);
// import FILE --kind projects [--zone CODE] [--sheet N] [--dry-run] [--json]
void add_import_command(CLI::App& app, const GlobalOptions& global, Action& action);
// sweep [--date D] [--force]: every project's warning light as of a day
void add_sweep_command(CLI::App& app, const GlobalOptions& global, Action& action);

}  // namespace sanpi::cli
