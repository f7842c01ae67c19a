// How a PostgreSQL session saves round trips (postgres/pg_connection.hpp) without changing what
// a transaction means: BEGIN held back to its first statement, statements sent together, writes
// held back to the COMMIT, and read-only COMMITs not waited for. Runs when SANPI_TEST_PG is set.
#include <unistd.h>

#include <memory>
#include <string>

#include "store/open_store.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql/bind.hpp"
#include "store/store_fixture.hpp"
#include "store/transact.hpp"

namespace sanpi::store_test {
namespace {

namespace sql = store::sql;
using store::postgres::Connection;
using store::postgres::Params;
using store::postgres::PgError;

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

class PostgresPipelineTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { db_ = testing::make_test_store(GetParam()); }

    std::unique_ptr<Connection> connect(const std::string& application_name = "") {
        const auto url = application_name.empty() ? db_->url : db_->url + "&application_name=" + application_name;
        auto target = store::postgres::parse_target(url, {});
        if (!target) throw std::runtime_error(target.error().message.en);
        return Connection::connect(*target);
    }

    static std::string count_regions(Connection& c) { return c.query("SELECT COUNT(*) FROM regions").text(0, 0); }

    static void add_region(Connection& c, const std::string& code) {
        c.query("INSERT INTO regions (code, name_zh, name_en, slug) VALUES ($1, $1, $1, $1)", Params::of(code));
    }

    std::unique_ptr<testing::TestStore> db_;
};

// What another session sees of this one: "idle", "idle in transaction", ...
std::string state_of(const std::string& application_name) {
    return testing::postgres_admin("SELECT state FROM pg_stat_activity WHERE application_name = '" + application_name +
                                   "'");
}

TEST_P(PostgresPipelineTest, BeginReachesTheServerWithTheFirstStatement) {
    const std::string app = "sanpi_begin_" + std::to_string(::getpid());
    auto c = connect(app);
    c->begin("BEGIN");
    EXPECT_TRUE(c->in_transaction());
    EXPECT_EQ(state_of(app), "idle");  // nothing sent yet
    add_region(*c, "140100");
    EXPECT_EQ(state_of(app), "idle in transaction");
    c->rollback();
    EXPECT_EQ(count_regions(*c), "0");
}

TEST_P(PostgresPipelineTest, ASessionThatBrokeBeforeItsTransactionBeganIsReplaced) {
    const std::string app = "sanpi_broken_" + std::to_string(::getpid());
    auto c = connect(app);
    EXPECT_EQ(count_regions(*c), "0");
    c->begin("BEGIN");
    testing::postgres_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + app +
                            "'");
    const std::string alive = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + app + "'";
    for (int i = 0; i < 100 && testing::postgres_admin(alive) != "0"; ++i) ::usleep(20'000);
    add_region(*c, "140100");  // BEGIN and this go to a new session
    c->commit();
    EXPECT_FALSE(c->lost());
    EXPECT_EQ(count_regions(*c), "1");
}

// Once the transaction has begun, a broken session fails it: nothing is retried behind its back.
TEST_P(PostgresPipelineTest, ASessionThatBrokeMidTransactionFailsIt) {
    const std::string app = "sanpi_mid_" + std::to_string(::getpid());
    auto c = connect(app);
    c->begin("BEGIN");
    add_region(*c, "140100");
    testing::postgres_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + app +
                            "'");
    const std::string alive = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + app + "'";
    for (int i = 0; i < 100 && testing::postgres_admin(alive) != "0"; ++i) ::usleep(20'000);
    EXPECT_THROW(add_region(*c, "140200"), PgError);
    EXPECT_TRUE(c->lost());
    EXPECT_EQ(count_regions(*connect()), "0");
}

// A read-only transaction's COMMIT travels with the session's next statement (or is sent by the
// pool, below); either way the session is ready for the next transaction.
TEST_P(PostgresPipelineTest, AReadOnlyCommitGoesWithTheNextStatement) {
    const std::string app = "sanpi_ro_" + std::to_string(::getpid());
    auto c = connect(app);
    add_region(*c, "140100");
    for (int i = 0; i < 3; ++i) {
        c->begin(kBeginRead);
        EXPECT_EQ(count_regions(*c), "1");
        c->commit();
        EXPECT_FALSE(c->in_transaction());
        EXPECT_TRUE(c->idle_and_healthy());
        EXPECT_EQ(state_of(app), "idle in transaction");  // held back
    }
    c->send_held_commit();
    EXPECT_TRUE(c->idle_and_healthy());  // reads the COMMIT's answer first
    EXPECT_EQ(state_of(app), "idle");
    c->begin(kBeginRead);
    EXPECT_EQ(count_regions(*c), "1");
    c->commit();
    add_region(*c, "140200");  // goes with the COMMIT, outside any transaction
    EXPECT_EQ(state_of(app), "idle");
    EXPECT_EQ(count_regions(*connect()), "2");
}

// A finished read holds no lock for long: the pool sends a COMMIT held back by an idle session.
TEST_P(PostgresPipelineTest, AFinishedReadDoesNotKeepItsLocks) {
    const std::string app = "sanpi_locks_" + std::to_string(::getpid());
    auto store = must(store::open_store(db_->url + "&application_name=" + app));
    auto regions =
        must(store::read_value<std::vector<domain::Region>>(*store, [](store::Tx& tx) { return tx.list_regions(); }));
    EXPECT_TRUE(regions.empty());
    // An exclusive lock waits for the read's share lock on regions until its COMMIT is sent.
    auto other = connect();
    EXPECT_NO_THROW(
        other->exec("BEGIN; SET LOCAL lock_timeout = '2s'; LOCK TABLE regions IN ACCESS EXCLUSIVE MODE; "
                    "COMMIT"));
    for (int i = 0; i < 100 && state_of(app) != "idle"; ++i) ::usleep(10'000);
    EXPECT_EQ(state_of(app), "idle");
}

// A read-only transaction really is one: its snapshot holds across statements sent apart.
TEST_P(PostgresPipelineTest, AReadTransactionKeepsOneSnapshot) {
    auto reader = connect();
    auto writer = connect();
    add_region(*writer, "140100");
    reader->begin(kBeginRead);
    EXPECT_EQ(count_regions(*reader), "1");
    add_region(*writer, "140200");
    EXPECT_EQ(count_regions(*reader), "1");
    reader->commit();
    EXPECT_EQ(count_regions(*reader), "2");
}

TEST_P(PostgresPipelineTest, AStatementThatFailsToPrepareInAPipelineCanBeFixedAndSentAgain) {
    auto c = connect();
    c->begin("BEGIN");
    auto good = c->prepare("SELECT COUNT(*) FROM regions");
    auto bad = c->prepare("SELECT no_such_column FROM regions");
    sql::Statement* const together[] = {good.get(), bad.get()};
    c->run_together(together);
    ASSERT_TRUE(good->step());
    try {
        bad->step();
        FAIL() << "a query of a missing column ran";
    } catch (const PgError& e) {
        EXPECT_EQ(e.sqlstate(), "42703");  // undefined column
    }
    c->rollback();
    // Not remembered as prepared: the same text fails the same way again, not as "does not exist".
    c->begin("BEGIN");
    auto again = c->prepare("SELECT no_such_column FROM regions");
    try {
        again->step();
        FAIL() << "a query of a missing column ran";
    } catch (const PgError& e) {
        EXPECT_EQ(e.sqlstate(), "42703");
    }
    c->rollback();
    EXPECT_EQ(count_regions(*c), "0");
}

// The COMMIT of a transaction whose statement failed unhandled is refused, not reported as done.
TEST_P(PostgresPipelineTest, ACommitAfterAnUnhandledFailureThrows) {
    auto c = connect();
    add_region(*c, "140100");
    c->begin("BEGIN");
    EXPECT_THROW(add_region(*c, "140100"), PgError);
    auto fine = c->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
    sql::bind_all(*fine, "140200", "大同", "Datong", "datong");
    c->run_later(std::move(fine));
    EXPECT_THROW(c->commit(), PgError);
    c->rollback();
    EXPECT_EQ(count_regions(*c), "1");
}

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresPipelineTest);
INSTANTIATE_TEST_SUITE_P(Postgres, PostgresPipelineTest, ::testing::ValuesIn(testing::postgres_only()),
                         ::sanpi::store_test::backend_test_name);

}  // namespace
}  // namespace sanpi::store_test
