#include "support/test_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <unistd.h>

namespace sanpi::testing {

std::vector<Backend> all_backends() { return {Backend::kSqlite}; }

std::string backend_name(Backend b) {
    switch (b) {
        case Backend::kSqlite: return "sqlite";
    }
    return "unknown";
}

TestStore::~TestStore() {
    store.reset();
    if (url.rfind("sqlite:", 0) == 0) {
        std::string path = url.substr(7);
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
    }
}

std::unique_ptr<TestStore> make_test_store(Backend b) {
    static std::atomic<int> counter{0};
    auto ts = std::make_unique<TestStore>();
    switch (b) {
        case Backend::kSqlite: {
            auto path = std::filesystem::temp_directory_path() /
                        ("sanpi-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
            ts->url = "sqlite:" + path.string();
            break;
        }
    }
    auto opened = store::open_store(ts->url);
    if (!opened) throw std::runtime_error("open_store failed: " + opened.error().message.en);
    ts->store = std::move(*opened);
    auto migrated = ts->store->migrate();
    if (!migrated) throw std::runtime_error("migrate failed: " + migrated.error().message.en);
    return ts;
}

}  // namespace sanpi::testing
