#pragma once
// Opens a fresh, migrated store for a test. Backends are named so that every store and HTTP
// test can be run once per backend (PostgreSQL joins when its implementation lands).
#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace sanpi::testing {

enum class Backend { kSqlite };

std::vector<Backend> all_backends();
std::string backend_name(Backend b);

struct TestStore {
    std::unique_ptr<store::Store> store;
    std::string url;   // what `--db` would take to open the same database
    ~TestStore();
};

// A new empty database (temporary file for SQLite), migrated to the latest schema.
std::unique_ptr<TestStore> make_test_store(Backend b);

}  // namespace sanpi::testing
