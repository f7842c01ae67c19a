// PostgreSQL-only behaviour: import guards, export order, sequences after an import, and the
// limits that keep a request from waiting forever. Runs when SANPI_TEST_PG is set.
#include <unistd.h>

#include <chrono>
#include <thread>

#include "store/migrations.hpp"
#include "store/open_store.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;
using Clock = std::chrono::steady_clock;

// Collects an export so it can be compared or replayed into another store.
struct Table {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::vector<store::DumpValue>> rows;
    friend bool operator==(const Table&, const Table&) = default;
};

class CollectSink final : public store::RowSink {
public:
    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override {
        tables.push_back(Table{std::string(table), columns, {}});
        return {};
    }
    Result<void> row(const std::vector<store::DumpValue>& values) override {
        tables.back().rows.push_back(values);
        return {};
    }
    Result<void> end_table() override { return {}; }

    std::vector<Table> tables;
};

Result<void> replay(const std::vector<Table>& tables, store::RowSink& sink) {
    for (const auto& t : tables) {
        if (auto r = sink.begin_table(t.name, t.columns); !r) return r;
        for (const auto& row : t.rows) {
            if (auto r = sink.row(row); !r) return r;
        }
        if (auto r = sink.end_table(); !r) return r;
    }
    return {};
}

std::vector<Table> export_all(store::Store& s) {
    CollectSink sink;
    must(s.export_data(sink));
    return sink.tables;
}

class PostgresStoreTest : public StoreTest {
protected:
    // A second store on the same schema with tighter limits.
    std::unique_ptr<store::Store> open_with(store::postgres::PgOptions options) {
        return must(store::postgres::PgStore::open(db_->url, options));
    }

    Error import_error(store::Store& target, const std::vector<Table>& tables) {
        auto r = target.import_data([&](store::RowSink& sink) { return replay(tables, sink); });
        if (r) {
            ADD_FAILURE() << "expected the import to be refused";
            return Error{};
        }
        return r.error();
    }
};

TEST_P(PostgresStoreTest, ImportRefusesANonEmptyTarget) {
    seed();
    bool produced = false;
    auto r = store().import_data([&](store::RowSink&) -> Result<void> {
        produced = true;
        return {};
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().message.en, "target database is not empty (table regions has rows)");
    EXPECT_FALSE(produced);
}

TEST_P(PostgresStoreTest, ImportRefusesUnknownTablesColumnsAndBadRows) {
    const std::vector<std::pair<std::vector<Table>, std::string>> cases{
        {{{"bogus", {"x"}, {}}}, "unknown table: bogus"},
        {{{"regions; DROP TABLE zones", {"code"}, {}}}, "unknown table: regions; DROP TABLE zones"},
        {{{"regions", {"code", "nope"}, {}}}, "unknown column: regions.nope"},
        {{{"regions", {"code", "code"}, {}}}, "column repeated: regions.code"},
        {{{"regions", {"code", "name_zh"}, {{"140000"}}}}, "a row of regions has 1 values for 2 columns"},
        {{{"industries", {"code", "name_zh", "name_en", "sort_order"}, {{"x", "x", "x", "one"}}}},
         "column industries.sort_order needs a whole number"},
        {{{"industries", {"code", "name_zh", "name_en", "sort_order"}, {{"x", "x", "x", "99999999999"}}}},
         "rows of industries cannot be loaded (a value does not fit its column)"},
        {{{"regions", {"code", "name_zh", "name_en", "slug"}, {}}, {"regions", {"code"}, {}}},
         "table regions appears twice"},
    };
    for (const auto& [tables, message] : cases) {
        const auto e = import_error(store(), tables);
        EXPECT_EQ(e.code, ErrorCode::kInvalidInput) << message;
        ASSERT_EQ(e.fields.size(), 1u) << message;
        EXPECT_EQ(e.fields[0].field, "table");
        EXPECT_EQ(e.fields[0].message.en, message);
    }
    EXPECT_TRUE(read<std::vector<domain::Zone>>([](store::Tx& tx) { return tx.list_zones(Scope::all()); }).empty());
}

TEST_P(PostgresStoreTest, ImportOfRowsTheSchemaRefusesLeavesNothing) {
    const std::vector<Table> tables{
        {"regions", {"code", "name_zh", "name_en", "slug"}, {{"140100", "太原市", "Taiyuan", "taiyuan"}}},
        {"zones", {"id", "code", "name", "level", "region_code"}, {{"1", "Z", "Z", "provincial", "999999"}}},
    };
    const auto e = import_error(store(), tables);
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "zones.record");
    EXPECT_EQ(e.message.en.find("foreign key"), std::string::npos) << "server text must not leak";
    EXPECT_TRUE(read<std::vector<domain::Region>>([](store::Tx& tx) { return tx.list_regions(); }).empty());
}

TEST_P(PostgresStoreTest, SessionsRunWithoutJitCompilation) {
    auto target = must(store::postgres::parse_target(db_->url, {}));
    auto conn = store::postgres::Connection::connect(target);
    EXPECT_EQ(conn->query("SHOW jit").value(0, 0), "off");
}

TEST_P(PostgresStoreTest, ExportImportRoundTripKeepsEveryRowAndMovesSequencesOn) {
    const auto w = seed();
    auto p = make_project("P-1", w.taiyuan_zone, {w.coal_corp, w.steel_corp});
    p.construction_content = "tab\there\nnew line \\N back\\slash";
    add_project(p);
    const auto user = write<std::int64_t>([](store::Tx& tx) { return tx.insert_user(make_user("zhang")); });
    write_void([&](store::Tx& tx) { return tx.insert_api_token({"hash", user, "label", 1, {}, std::nullopt}); });
    const auto source = export_all(store());

    auto target = testing::make_test_store(Backend::kPostgres);
    must(target->store->import_data([&](store::RowSink& sink) { return store().export_data(sink); }));
    EXPECT_EQ(export_all(*target->store), source);

    const auto zone = must(store::write_value<std::int64_t>(
        *target->store, [](store::Tx& tx) { return tx.insert_zone(make_zone("NEW-ZONE")); }));
    EXPECT_GT(zone, w.datong_zone);
}

TEST_P(PostgresStoreTest, ExportListsRowsInPrimaryKeyByteOrder) {
    seed();
    const auto user = write<std::int64_t>([](store::Tx& tx) { return tx.insert_user(make_user("zhang")); });
    for (const char* hash : {"b", "é", "B", "a"}) {
        write_void([&](store::Tx& tx) { return tx.insert_api_token({hash, user, "", 1, {}, std::nullopt}); });
    }
    for (const auto& t : export_all(store())) {
        if (t.name != "api_tokens") continue;
        std::vector<std::string> hashes;
        for (const auto& row : t.rows) hashes.push_back(*row[0]);
        EXPECT_EQ(hashes, (std::vector<std::string>{"B", "a", "b", "é"}));
    }
}

TEST_P(PostgresStoreTest, WaitForAFreeConnectionIsBounded) {
    store::postgres::PgOptions options;
    options.max_connections = 1;
    options.acquire_wait = std::chrono::milliseconds(300);
    auto small = open_with(options);
    const auto started = Clock::now();
    must(small->read([&](store::Tx&) -> Result<void> {
        auto nested = small->read([](store::Tx&) -> Result<void> { return {}; });
        EXPECT_FALSE(nested);
        if (!nested) {
            EXPECT_EQ(nested.error().code, ErrorCode::kUnavailable);
        }
        return {};
    }));
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(3));
}

TEST_P(PostgresStoreTest, WaitForARowLockIsBounded) {
    const auto w = seed();
    const auto id = add_project(make_project("P-1", w.taiyuan_zone));
    store::postgres::PgOptions options;
    options.lock_timeout_ms = 300;
    auto impatient = open_with(options);
    write_void([&](store::Tx& tx) -> Result<void> {
        auto p = tx.get_project(Scope::all(), id).value()->project;
        if (auto held = tx.update_project(p, 1); !held) return held;  // holds the row lock until commit
        const auto started = Clock::now();
        auto blocked = impatient->write([&](store::Tx& other) { return other.update_project(p, 1); });
        EXPECT_FALSE(blocked);
        if (!blocked) {
            EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable);
        }
        EXPECT_LT(Clock::now() - started, std::chrono::seconds(3));
        return {};
    });
    EXPECT_EQ(get_project(Scope::all(), id)->project.version, 2);
}

TEST_P(PostgresStoreTest, SessionsEndedByTheServerAreReplacedTransparently) {
    const std::string app = "sanpi_kill_" + std::to_string(::getpid());
    auto victim = must(store::open_store(db_->url + "&application_name=" + app));
    const auto count = [&] {
        return must(store::read_value<std::vector<domain::Region>>(*victim,
                                                                   [](store::Tx& tx) { return tx.list_regions(); }))
            .size();
    };
    seed();
    EXPECT_EQ(count(), 4u);
    const std::string alive = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + app + "'";
    testing::postgres_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + app +
                            "'");
    for (int i = 0; i < 100 && testing::postgres_admin(alive) != "0"; ++i) ::usleep(20'000);
    EXPECT_EQ(count(), 4u);
    must(victim->write([](store::Tx& tx) { return tx.upsert_industry(make_industry("big_data", 3)); }));
}

// Two servers starting at once on an empty database: the advisory lock lets one migrate while the
// other waits and then finds nothing left to do.
TEST_P(PostgresStoreTest, ServersMigratingAtOnceApplyEachMigrationOnce) {
    const auto [url, schema] = testing::make_postgres_schema();
    std::vector<std::unique_ptr<store::Store>> servers;
    for (int i = 0; i < 3; ++i) servers.push_back(must(store::open_store(url)));
    std::vector<Result<int>> applied(servers.size(), Result<int>(0));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        threads.emplace_back([&, i] { applied[i] = servers[i]->migrate(); });
    }
    for (auto& t : threads) t.join();
    int total = 0;
    for (const auto& a : applied) total += must(Result<int>(a));
    EXPECT_EQ(total, static_cast<int>(store::all_migrations().size()));  // each once; numbers may have gaps
    EXPECT_EQ(must(servers[0]->schema_version()), store::all_migrations().back().number);
    servers.clear();
    testing::drop_postgres_schema(schema);
}

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresStoreTest);
INSTANTIATE_TEST_SUITE_P(Postgres, PostgresStoreTest, ::testing::ValuesIn(testing::postgres_only()),
                         ::sanpi::store_test::backend_test_name);

}  // namespace
}  // namespace sanpi::store_test
