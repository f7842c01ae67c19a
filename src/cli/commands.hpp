#pragma once
// Each subcommand registers its flags on the CLI11 app and returns the code to exit with.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace sanpi::cli {

using Action = std::function<int()>;

// Registration functions: add the subcommand and set `action` to run when it is chosen.
void add_migrate_command(CLI::App& app, Action& action);
void add_demo_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);
void add_user_commands(CLI::App& app, Action& action);

}  // namespace sanpi::cli
