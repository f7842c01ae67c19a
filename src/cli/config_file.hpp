#pragma once
// Configuration precedence is flag > environment > config file > default. CLI11 applies flags
// and environment variables while parsing; this fills, from the config file, only the options
// that neither set. (CLI11's own config support would let the file win over the environment.)
#include <CLI/CLI.hpp>

#include <string>

#include "domain/error.hpp"

namespace sanpi::cli {

// Reads a TOML/INI file: top-level keys are the app's options (`db = "..."`), a [serve] or
// other section holds that subcommand's options (`port = 9090`). A missing file is fine unless
// `required`; unknown keys and invalid values are errors naming the key.
Result<void> apply_config_file(CLI::App& app, const std::string& path, bool required);

}  // namespace sanpi::cli
