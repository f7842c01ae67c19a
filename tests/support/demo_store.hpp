#pragma once
// A fresh database holding the demo, for a test. Loading the demo takes seconds (more under
// ASan, more on PostgreSQL) and ctest runs every test in its own process, so the demo is loaded
// once per test binary, backend and clock into a template, and each test gets a copy of it: a
// copied file on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL. The template is keyed by
// the test binary's identity, so a rebuilt binary (new demo or migrations) makes a new one.
#include <memory>

#include "service/clock.hpp"
#include "service/demo.hpp"
#include "support/test_store.hpp"

namespace sanpi::testing {

struct DemoStore {
    std::unique_ptr<TestStore> db;
    service::DemoReport demo;  // what load_demo reported when the template was made
};

// Throws std::runtime_error when the template cannot be made or copied.
DemoStore make_demo_store(Backend b, const service::Clock& clock);

}  // namespace sanpi::testing
