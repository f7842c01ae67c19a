// sanpi: the system of record for development-zone "three batches" campaigns.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/config_file.hpp"
#include "cli/store_config.hpp"

int main(int argc, char** argv) {
    CLI::App app{"sanpi — 开发区“三个一批”项目管理系统 / development-zone three-batches project system"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "sanpi 0.1.0");
    // Subcommands pass options they do not know (--db) up to the app, so `sanpi demo --db X` works.
    app.fallthrough();
    sanpi::cli::GlobalOptions global;
    app.add_option("--db", global.db,
                   "Database: PATH or sqlite:PATH; also $SANPI_DB or `db = ...` in the config file "
                   "(default sqlite:sanpi.db)")
        ->envname("SANPI_DB");
    std::string config_path = "sanpi.conf";
    auto* config_option = app.add_option("--config", config_path,
                                         "Config file, TOML/INI: top-level `db = ...`, [serve] section for serve "
                                         "options; flags and environment variables win over it (default sanpi.conf, "
                                         "read when present)")
                              ->envname("SANPI_CONFIG")
                              ->capture_default_str();
    sanpi::cli::Action action;
    sanpi::cli::add_migrate_command(app, global, action);
    sanpi::cli::add_demo_command(app, global, action);
    sanpi::cli::add_gen_command(app, global, action);
    sanpi::cli::add_serve_command(app, global, action);
    sanpi::cli::add_user_commands(app, global, action);
    sanpi::cli::add_backup_commands(app, global, action);
    sanpi::cli::add_audit_commands(app, global, action);
    sanpi::cli::add_figures_commands(app, global, action);
    sanpi::cli::add_report_commands(app, global, action);
    sanpi::cli::add_import_command(app, global, action);
    sanpi::cli::add_sweep_command(app, global, action);
    CLI11_PARSE(app, argc, argv);
    if (auto applied = sanpi::cli::apply_config_file(app, config_path, config_option->count() > 0); !applied) {
        return sanpi::cli::report_error(applied.error());
    }
    try {
        return action ? action() : 0;
    } catch (const std::exception& e) {
        // Only truly exceptional failures reach here; expected ones are reported by the commands.
        std::cerr << "fatal: " << e.what() << "\n";
        return 1;
    }
}
