#include "cli/commands.hpp"

namespace sanpi::cli {

// Filled in by the backup/restore/copy work.
void add_backup_commands(CLI::App&, const GlobalOptions&, Action&) {}

}  // namespace sanpi::cli
