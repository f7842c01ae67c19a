#pragma once
// Every store test runs once per backend on a fresh migrated database. `seed()` adds a small
// world: two cities (Taiyuan with a county, Datong), two industries, three zones, two enterprises.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/builders.hpp"
#include "store/store.hpp"
#include "store/transact.hpp"
#include "support/test_store.hpp"

namespace sanpi::store_test {

using testing::Backend;

// Unwraps a result, failing the test (with the error's message) when it holds an error.
template <class T>
T must(Result<T> r) {
    if (!r) ADD_FAILURE() << "unexpected error: " << r.error().message.en;
    return std::move(r).value();
}

inline void must(Result<void> r) {
    if (!r) ADD_FAILURE() << "unexpected error: " << r.error().message.en;
    r.value();
}

struct World {
    std::int64_t xiaodian_zone = 0;  // Taiyuan, county 140105
    std::int64_t taiyuan_zone = 0;   // Taiyuan, city 140100
    std::int64_t datong_zone = 0;    // Datong, 140200
    std::int64_t coal_corp = 0;      // "Shanxi Coal Chemical Group"
    std::int64_t steel_corp = 0;     // "太钢不锈"
};

class StoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { db_ = testing::make_test_store(GetParam()); }

    store::Store& store() { return *db_->store; }

    template <class T>
    T write(const std::function<Result<T>(store::Tx&)>& body) {
        return must(store::write_value<T>(store(), body));
    }
    template <class T>
    T read(const std::function<Result<T>(store::Tx&)>& body) {
        return must(store::read_value<T>(store(), body));
    }
    void write_void(const std::function<Result<void>(store::Tx&)>& body) { must(store().write(body)); }

    // An error the write must produce; the transaction is rolled back with it.
    Error write_error(const std::function<Result<void>(store::Tx&)>& body) {
        auto r = store().write(body);
        if (r) {
            ADD_FAILURE() << "expected an error";
            return Error{};
        }
        return r.error();
    }

    World seed();
    std::int64_t add_project(domain::Project p) {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_project(p); });
    }
    std::optional<domain::ProjectView> get_project(const domain::Scope& scope, std::int64_t id) {
        return read<std::optional<domain::ProjectView>>([&](store::Tx& tx) { return tx.get_project(scope, id); });
    }

    std::unique_ptr<testing::TestStore> db_;
};

inline World StoreTest::seed() {
    World w;
    write_void([&](store::Tx& tx) -> Result<void> {
        for (const auto& r : {make_region("140000", "山西省", "Shanxi"), make_region("140100", "太原市", "Taiyuan"),
                              make_region("140105", "小店区", "Xiaodian"), make_region("140200", "大同市", "Datong")}) {
            if (auto ok = tx.upsert_region(r); !ok) return ok;
        }
        if (auto ok = tx.upsert_industry(make_industry("new_materials", 2)); !ok) return ok;
        if (auto ok = tx.upsert_industry(make_industry("coal_chemical", 1)); !ok) return ok;
        w.xiaodian_zone = tx.insert_zone(make_zone("TY-XD", "140105")).value();
        w.taiyuan_zone = tx.insert_zone(make_zone("TY-ETDZ", "140100")).value();
        w.datong_zone = tx.insert_zone(make_zone("DT-ETDZ", "140200")).value();
        w.coal_corp = tx.insert_enterprise(make_enterprise("Shanxi Coal Chemical Group", 1)).value();
        w.steel_corp = tx.insert_enterprise(make_enterprise("太钢不锈", 2)).value();
        return {};
    });
    return w;
}

inline std::string backend_test_name(const ::testing::TestParamInfo<Backend>& info) {
    return testing::backend_name(info.param);
}

}  // namespace sanpi::store_test

// Instantiates a StoreTest-derived suite once per backend.
#define SANPI_STORE_SUITE(Suite)                                                                     \
    INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::ValuesIn(::sanpi::testing::all_backends()), \
                             ::sanpi::store_test::backend_test_name)
