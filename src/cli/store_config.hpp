#pragma once
// The composition root's view of configuration: where the database is.
#include <memory>
#include <string>

#include "domain/error.hpp"
#include "store/store.hpp"

namespace sanpi::cli {

inline constexpr const char* kDefaultDatabase = "sqlite:sanpi.db";

// The configured database (CLI11 already applied flag > $SANPI_DB > config file), else the
// default file in the working directory.
std::string database_url(const std::string& configured);

// Opens the store; with `migrate_if_new`, a database without any schema gets one (first serve).
// A database whose schema is behind the binary is refused with a hint to run `sanpi migrate`.
// `pool_size` 0: the store's default (store::default_pool_size(url)).
Result<std::unique_ptr<store::Store>> open_configured_store(const std::string& configured, bool migrate_if_new,
                                                            std::size_t pool_size = 0);

// Prints an error the way every subcommand does: Chinese and English, field by field.
int report_error(const Error& e);

}  // namespace sanpi::cli
