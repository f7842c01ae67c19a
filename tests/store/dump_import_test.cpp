// The import_data contract on every backend, with hand-made producers: all rows or none, and
// nothing that is not a data table or column gets in.
#include "store/dump_fixture.hpp"
#include "store/migrations.hpp"
#include "store/open_store.hpp"

namespace sanpi::store_test {
namespace {

using store::DumpValue;

struct TableRows {
    std::string table;
    std::vector<std::string> columns;
    std::vector<std::vector<DumpValue>> rows;
};

Result<void> push(store::RowSink& sink, const std::vector<TableRows>& tables) {
    for (const auto& t : tables) {
        if (auto ok = sink.begin_table(t.table, t.columns); !ok) return ok;
        for (const auto& r : t.rows) {
            if (auto ok = sink.row(r); !ok) return ok;
        }
        if (auto ok = sink.end_table(); !ok) return ok;
    }
    return {};
}

const TableRows kRegions{"regions",
                         {"code", "name_zh", "name_en", "slug"},
                         {{"140000", "山西省", "Shanxi", "shanxi"}, {"140100", "太原市", "Taiyuan", "taiyuan"}}};

class StoreImportTest : public StoreTest {
protected:
    Result<void> import(const std::vector<TableRows>& tables, std::optional<Error> then_fail = std::nullopt) {
        return store().import_data([&](store::RowSink& sink) -> Result<void> {
            if (auto ok = push(sink, tables); !ok) return ok;
            if (then_fail) return *then_fail;
            return {};
        });
    }

    void expect_invalid_naming(const Result<void>& r, std::string_view what) {
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
        ASSERT_FALSE(r.error().fields.empty());
        EXPECT_NE(r.error().fields[0].message.en.find(what), std::string::npos) << r.error().fields[0].message.en;
        EXPECT_EQ(total_rows(store()), 0);
    }
};

TEST_P(StoreImportTest, RowsArriveAndNullsStayNull) {
    must(import({kRegions,
                 {"zones",
                  {"id", "code", "name", "level", "region_code", "leading_industries", "slug"},
                  {{"7", "Z7", "开发区", "provincial", "140100", "", ""}}},
                 {"users",
                  {"id", "name", "role", "region_code", "zone_id", "password_hash", "active", "version"},
                  {{"3", "viewer-1", "viewer", DumpValue{}, "7", "x", "1", "4"}}}}));
    auto user = read<std::optional<domain::User>>([](store::Tx& tx) { return tx.get_user(3); });
    ASSERT_TRUE(user);
    EXPECT_EQ(user->name, "viewer-1");
    EXPECT_EQ(user->version, 4);
    EXPECT_EQ(total_rows(store()), 4);
}

TEST_P(StoreImportTest, ProducerErrorWritesNothingAndIsReturnedAsIs) {
    auto r = import({kRegions}, Error::unavailable("源不可用", "source went away"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(r.error().message.en, "source went away");
    EXPECT_EQ(total_rows(store()), 0);
}

TEST_P(StoreImportTest, UnknownTableIsRefusedByName) {
    expect_invalid_naming(import({kRegions, {"schema_migrations", {"number", "name", "applied_at"}, {}}}),
                          "schema_migrations");
}

TEST_P(StoreImportTest, UnknownColumnIsRefusedByName) {
    expect_invalid_naming(import({{"regions", {"code", "name_zh\"; DROP TABLE zones; --"}, {}}}), "DROP TABLE");
    EXPECT_EQ(checksums(store()).size(), store::data_tables().size());  // every table is still there
}

TEST_P(StoreImportTest, RowOfTheWrongWidthIsRefused) {
    auto r = import({{"regions", {"code", "name_zh", "name_en", "slug"}, {{"140000", "山西省"}}}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(total_rows(store()), 0);
}

TEST_P(StoreImportTest, DanglingReferenceWritesNothing) {
    auto r = import({kRegions,
                     {"zones",
                      {"id", "code", "name", "level", "region_code", "leading_industries", "slug"},
                      {{"1", "Z1", "开发区", "provincial", "999999", "", ""}}}});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().code, ErrorCode::kInternal) << r.error().message.en;
    EXPECT_EQ(total_rows(store()), 0);
}

TEST_P(StoreImportTest, TargetNotAtThisSchemaVersionIsRefused) {
    ScratchFile file("unmigrated");
    std::string url = "sqlite:" + file.path();
    std::string pg_schema;
    if (GetParam() == Backend::kPostgres) std::tie(url, pg_schema) = testing::make_postgres_schema();
    {
        auto unmigrated = must(store::open_store(url));
        auto r = unmigrated->import_data([](store::RowSink& sink) { return push(sink, {kRegions}); });
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    }
    if (!pg_schema.empty()) testing::drop_postgres_schema(pg_schema);
}

SANPI_STORE_SUITE(StoreImportTest);

}  // namespace
}  // namespace sanpi::store_test
