#include "cli/store_config.hpp"

#include <iostream>

#include "store/migrations.hpp"
#include "store/open_store.hpp"

namespace sanpi::cli {

std::string database_url(const std::string& configured) {
    return configured.empty() ? kDefaultDatabase : configured;
}

Result<std::unique_ptr<store::Store>> open_configured_store(const std::string& configured, bool migrate_if_new,
                                                            std::size_t pool_size) {
    auto store = store::open_store(database_url(configured), pool_size);
    if (!store) return store.error();
    auto version = (*store)->schema_version();
    if (!version) return version.error();
    if (*version == 0 && migrate_if_new) {
        if (auto m = (*store)->migrate(); !m) return m.error();
    } else if (*version < store::all_migrations().back().number) {
        return Error::unavailable("数据库结构版本过旧，请先运行 sanpi migrate",
                                  "the database schema is out of date; run `sanpi migrate` first");
    }
    return std::move(*store);
}

int report_error(const Error& e) {
    std::cerr << "error: " << e.message.zh << " / " << e.message.en << "\n";
    for (const auto& f : e.fields) {
        std::cerr << "  " << f.field << ": " << f.message.zh << " / " << f.message.en << "\n";
    }
    return e.code == ErrorCode::kInvalidInput ? 2 : 1;
}

}  // namespace sanpi::cli
