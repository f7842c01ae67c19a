// The portable dump file on every backend: round trip, format, and what it refuses.
#include <algorithm>
#include <map>
#include <utility>

#include "store/dump_file.hpp"
#include "store/dump_fixture.hpp"
#include "store/migrations.hpp"

namespace sanpi::store_test {
namespace {

class DumpFileTest : public StoreTest {
protected:
    // A fresh migrated store of the same backend, to restore into.
    std::unique_ptr<testing::TestStore> fresh() { return testing::make_test_store(GetParam()); }

    Result<void> restore(store::Store& target, const std::string& path) {
        return target.import_data([&](store::RowSink& sink) { return store::read_dump(path, sink); });
    }
};

TEST_P(DumpFileTest, RoundTripGivesEqualRowCountsAndChecksumsForEveryTable) {
    populate(db_, GetParam());
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));

    auto target = fresh();
    must(restore(*target->store, dump.path()));

    const auto before = checksums(store());
    ASSERT_EQ(before.size(), store::data_tables().size());
    expect_every_table_has_rows(before);
    expect_same_tables(checksums(*target->store), before);
}

TEST_P(DumpFileTest, AwkwardTextComesBackByteForByte) {
    populate(db_, GetParam());
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));
    auto target = fresh();
    must(restore(*target->store, dump.path()));
    auto project = must(store::read_value<std::optional<domain::Project>>(
        *target->store, [](store::Tx& tx) { return tx.find_project_by_code("DUMP-P1"); }));
    ASSERT_TRUE(project);
    EXPECT_EQ(project->construction_content, kAwkwardText);
    EXPECT_EQ(project->responsible_unit, "");
    const auto changes = must(store::read_value<std::vector<domain::StageChange>>(
        *target->store, [&](store::Tx& tx) { return tx.list_stage_changes(project->id); }));
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].reason, kAwkwardText);
    EXPECT_FALSE(changes[0].date);  // NULL stays NULL, not ''
}

TEST_P(DumpFileTest, FileHasTheDocumentedLayout) {
    seed();
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));
    const std::string text = read_file(dump.path());
    EXPECT_TRUE(text.starts_with("SANPI-DUMP 1\nschema " + std::to_string(store::all_migrations().back().number) +
                                 "\ntable regions code name_zh name_en slug\n"));
    EXPECT_NE(text.find("\nend 4\ntable industries code name_zh name_en sort_order\n"), std::string::npos);
    EXPECT_NE(text.find("\n140105\t小店区\tXiaodian\txiaodian\n"), std::string::npos);  // rows in key order
    const auto last = text.rfind("\nchecksum ");
    ASSERT_NE(last, std::string::npos);
    EXPECT_EQ(text.size() - last, std::string("\nchecksum \n").size() + 64);  // hex BLAKE2b-256, final newline
}

TEST_P(DumpFileTest, EmptyDatabaseRoundTrips) {
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));
    auto target = fresh();
    must(restore(*target->store, dump.path()));
    EXPECT_EQ(total_rows(*target->store), 0);
}

TEST_P(DumpFileTest, ImportIntoNonEmptyStoreIsConflictAndChangesNothing) {
    const auto w = seed();
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));
    add_project(make_project("ALREADY", w.taiyuan_zone));
    const auto before = checksums(store());

    auto r = restore(store(), dump.path());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_NE(r.error().message.en.find("target database is not empty"), std::string::npos) << r.error().message.en;
    expect_same_tables(checksums(store()), before);
}

TEST_P(DumpFileTest, RefusesToOverwriteAnExistingFile) {
    ScratchFile dump("dump");
    write_file(dump.path(), "precious");
    auto r = store::write_dump(store(), dump.path());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    ASSERT_FALSE(r.error().fields.empty());
    EXPECT_EQ(r.error().fields[0].field, "to");
    EXPECT_EQ(read_file(dump.path()), "precious");
}

TEST_P(DumpFileTest, UnwritableDirectoryIsAnErrorAndLeavesNoFile) {
    const std::string path = "/nonexistent-sanpi-dir/backup.dump";
    auto r = store::write_dump(store(), path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_P(DumpFileTest, IdsContinueAfterTheImportedOnes) {
    populate(db_, GetParam());
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));
    auto target = fresh();
    must(restore(*target->store, dump.path()));

    auto& t = *target->store;
    const auto old = must(store::read_value<std::optional<domain::Project>>(
        t, [](store::Tx& tx) { return tx.find_project_by_code("DUMP-P1"); }));
    ASSERT_TRUE(old);
    const auto zone = must(store::write_value<std::int64_t>(
        t, [](store::Tx& tx) { return tx.insert_zone(make_zone("AFTER-IMPORT", "140100")); }));
    const auto project = must(store::write_value<std::int64_t>(
        t, [&](store::Tx& tx) { return tx.insert_project(make_project("AFTER-IMPORT", zone)); }));
    EXPECT_GT(project, old->id);  // DUMP-P1 was the last project inserted
    EXPECT_GT(zone, old->zone_id);
}

// Counts rows per table; runs `on_start` when the export begins, i.e. inside its snapshot.
class SnapshotProbe final : public store::RowSink {
public:
    explicit SnapshotProbe(std::function<void()> on_start) : on_start_(std::move(on_start)) {}
    Result<void> begin_table(std::string_view table, const std::vector<std::string>&) override {
        if (on_start_) std::exchange(on_start_, nullptr)();
        rows_[std::string(table)] = 0;
        current_ = std::string(table);
        return {};
    }
    Result<void> row(const std::vector<store::DumpValue>&) override {
        ++rows_[current_];
        return {};
    }
    Result<void> end_table() override { return {}; }
    std::map<std::string, std::int64_t> rows_;

private:
    std::function<void()> on_start_;
    std::string current_;
};

TEST_P(DumpFileTest, ExportIsOneSnapshotWhateverIsWrittenMeanwhile) {
    const auto w = seed();
    add_project(make_project("BEFORE", w.taiyuan_zone));
    SnapshotProbe probe([&] { add_project(make_project("DURING", w.taiyuan_zone)); });
    must(store().export_data(probe));
    EXPECT_EQ(probe.rows_["projects"], 1);  // committed during the export, after its snapshot began
    EXPECT_EQ(probe.rows_["regions"], 4);
    const auto sums = checksums(store());
    const auto projects = std::find_if(sums.begin(), sums.end(), [](const auto& t) { return t.table == "projects"; });
    ASSERT_NE(projects, sums.end());
    EXPECT_EQ(projects->rows, 2);
}

SANPI_STORE_SUITE(DumpFileTest);

}  // namespace
}  // namespace sanpi::store_test
