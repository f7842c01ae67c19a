// The real `sanpi` binary end to end: demo → backup → restore → copy, checking exit codes, the
// printed summary and that every resulting database has the source's checksums.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>

#include "service/clock.hpp"
#include "store/dump_fixture.hpp"
#include "store/open_store.hpp"
#include "support/demo_store.hpp"

namespace sanpi::store_test {
namespace {

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class BackupCliTest : public ::testing::Test {
protected:
    void SetUp() override {
#ifndef SANPI_BINARY
        GTEST_SKIP() << "built without SANPI_BINARY";
#endif
        std::filesystem::create_directories(dir_.path());
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_.path(), ec);
    }

    // Runs `sanpi <args>` in the scratch directory (so no stray sanpi.conf is read).
    CommandResult sanpi(const std::string& args) {
#ifdef SANPI_BINARY
        const std::string command = "cd " + quoted(dir_.path()) + " && " + quoted(SANPI_BINARY) + " " + args + " 2>&1";
        CommandResult run;
        std::FILE* pipe = ::popen(command.c_str(), "r");
        if (pipe == nullptr) return run;
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
        const int status = ::pclose(pipe);
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return run;
#else
        (void)args;
        return {};
#endif
    }

    std::string file(const std::string& name) const { return dir_.path() + "/" + name; }

    // The demo as a SQLite file `name`, copied from the one this binary loads once (each `sanpi
    // demo` costs seconds; the first test runs that command itself).
    void copy_demo_to(const std::string& name) {
        auto demo = testing::make_demo_store(testing::Backend::kSqlite, service::FixedClock{testing::kSharedDemoNow});
        const std::string path = demo.db->url.substr(std::string("sqlite:").size());
        demo.db->store.reset();  // closed: its WAL folded into the file
        std::filesystem::copy_file(path, file(name));
    }
    std::string db(const std::string& name) const { return quoted("sqlite:" + file(name)); }

    std::vector<store::TableChecksum> sums_of(const std::string& url) {
        auto opened = must(store::open_store(url));
        return checksums(*opened);
    }

    ScratchFile dir_{"cli"};
};

TEST_F(BackupCliTest, DemoBackupRestoreAndCopyKeepEveryRow) {
    ASSERT_EQ(sanpi("demo --db " + db("a.db")).exit_code, 0);

    auto backup = sanpi("backup --db " + db("a.db") + " --to " + quoted(file("a.bak")));
    ASSERT_EQ(backup.exit_code, 0) << backup.output;
    EXPECT_NE(backup.output.find("projects 1000"), std::string::npos) << backup.output;
    EXPECT_EQ(sanpi("backup --db " + db("a.db") + " --to " + quoted(file("a.bak"))).exit_code, 1);  // no overwrite

    auto restored = sanpi("restore --db " + db("b.db") + " --from " + quoted(file("a.bak")));
    ASSERT_EQ(restored.exit_code, 0) << restored.output;

    ASSERT_EQ(sanpi("backup --format dump --db " + db("a.db") + " --to " + quoted(file("a.dump"))).exit_code, 0);
    auto from_dump = sanpi("restore --db " + db("c.db") + " --from " + quoted(file("a.dump")));
    ASSERT_EQ(from_dump.exit_code, 0) << from_dump.output;

    auto copied = sanpi("copy --from " + db("a.db") + " --to " + db("d.db"));
    ASSERT_EQ(copied.exit_code, 0) << copied.output;
    EXPECT_NE(copied.output.find("checksums match"), std::string::npos) << copied.output;

    const auto source = sums_of("sqlite:" + file("a.db"));
    const auto projects =
        std::find_if(source.begin(), source.end(), [](const auto& t) { return t.table == "projects"; });
    ASSERT_NE(projects, source.end());
    EXPECT_GT(projects->rows, 0);
    for (const char* name : {"b.db", "c.db", "d.db"}) {
        SCOPED_TRACE(name);
        expect_same_tables(sums_of("sqlite:" + file(name)), source);
    }
}

TEST_F(BackupCliTest, RefusalsExitNonZeroAndChangeNothing) {
    copy_demo_to("a.db");
    write_file(file("junk"), "not a backup");
    EXPECT_EQ(sanpi("restore --db " + db("x.db") + " --from " + quoted(file("junk"))).exit_code, 2);
    EXPECT_EQ(sanpi("restore --db " + db("x.db") + " --from " + quoted(file("missing"))).exit_code, 2);

    ASSERT_EQ(sanpi("backup --db " + db("a.db") + " --to " + quoted(file("a.bak"))).exit_code, 0);
    const auto before = sums_of("sqlite:" + file("a.db"));
    auto onto_data = sanpi("restore --db " + db("a.db") + " --from " + quoted(file("a.bak")));
    EXPECT_EQ(onto_data.exit_code, 1) << onto_data.output;
    EXPECT_NE(onto_data.output.find("--force"), std::string::npos) << onto_data.output;
    auto into_full = sanpi("copy --from " + db("a.db") + " --to " + db("a.db"));
    EXPECT_EQ(into_full.exit_code, 1) << into_full.output;
    expect_same_tables(sums_of("sqlite:" + file("a.db")), before);
}

// SQLite → PostgreSQL → dump → SQLite, when a server is available (scripts/with-postgres.sh).
TEST_F(BackupCliTest, MovesADeploymentToPostgresAndBack) {
    if (!testing::postgres_url()) GTEST_SKIP() << "SANPI_TEST_PG not set";
    const auto [pg_url, pg_schema] = testing::make_postgres_schema();
    copy_demo_to("a.db");
    auto to_pg = sanpi("copy --from " + db("a.db") + " --to " + quoted(pg_url));
    EXPECT_EQ(to_pg.exit_code, 0) << to_pg.output;
    auto pg_backup = sanpi("backup --db " + quoted(pg_url) + " --to " + quoted(file("pg.dump")));
    EXPECT_EQ(pg_backup.exit_code, 0) << pg_backup.output;
    auto back = sanpi("restore --db " + db("e.db") + " --from " + quoted(file("pg.dump")));
    EXPECT_EQ(back.exit_code, 0) << back.output;
    const auto source = sums_of("sqlite:" + file("a.db"));
    expect_same_tables(sums_of(pg_url), source);
    expect_same_tables(sums_of("sqlite:" + file("e.db")), source);
    testing::drop_postgres_schema(pg_schema);
}

}  // namespace
}  // namespace sanpi::store_test
