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

// The instant to load a demo at that several processes of one test binary share: the template's
// name includes the clock's time (template_key), so a moving clock names a new template each second,
// and each process builds its own while removing the others' (a PostgreSQL template being built was
// dropped under its builder in a CI run of 2026-12-02).
inline constexpr store::Timestamp kSharedDemoNow = 1705276800;  // 2024-01-15

// Throws std::runtime_error when the template cannot be made or copied.
DemoStore make_demo_store(Backend b, const service::Clock& clock);

}  // namespace sanpi::testing
