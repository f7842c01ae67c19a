// The narrow connection interface (store/sql/connection.hpp) as each backend adapts it: the one
// shared Tx relies on SQLite and PostgreSQL answering these the same way.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/raw_connection.hpp"
#include "store/sql/bind.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/store_fault.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

namespace sql = store::sql;
using sql::FailureKind;

class SqlConnectionTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db_ = testing::make_test_store(GetParam());
        conn_ = open_raw_connection(*db_, GetParam());
    }

    void add_region(const std::string& code, const std::string& name) {
        auto q = conn_->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
        sql::bind_all(*q, code, name, name, name);
        sql::run(*q);
    }

    // The kind of failure running `text` (no parameters) reports.
    FailureKind failure_of(const std::string& text) {
        try {
            conn_->prepare(text)->step();
        } catch (const sql::DbError& e) {
            return e.kind();
        }
        ADD_FAILURE() << "no failure from " << text;
        return FailureKind::kOther;
    }

    std::unique_ptr<testing::TestStore> db_;
    std::unique_ptr<sql::Connection> conn_;
};

TEST_P(SqlConnectionTest, QuestionMarksInQuotesAreNotParameters) {
    auto q = conn_->prepare("SELECT '?' AS \"a?\", CAST(? AS TEXT)");
    sql::bind_all(*q, "bound");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->text_at(0), "?");
    EXPECT_EQ(q->text_at(1), "bound");
    EXPECT_FALSE(q->step());
}

TEST_P(SqlConnectionTest, DialectTokensAreExpandedAtPreparation) {
    auto q = conn_->prepare("SELECT x FROM (SELECT 'a' AS x UNION ALL SELECT 'B') t ORDER BY x{{BYTEWISE}}");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->text_at(0), "B");  // byte order: upper case first
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->text_at(0), "a");
}

TEST_P(SqlConnectionTest, NullsIntegersAndTextReadBack) {
    auto q = conn_->prepare("SELECT CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT)");
    sql::bind_all(*q, std::int64_t{-9007199254740993}, std::string("太原"), std::optional<std::string>());
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->int64_at(0), -9007199254740993);
    EXPECT_EQ(q->text_at(1), "太原");
    EXPECT_FALSE(q->null_at(1));
    EXPECT_TRUE(q->null_at(2));
}

TEST_P(SqlConnectionTest, RowsAffectedAndResetForAnotherRun) {
    add_region("140100", "Taiyuan");
    add_region("140200", "Datong");
    auto update = conn_->prepare("UPDATE regions SET slug = ? WHERE code LIKE ?");
    sql::bind_all(*update, "x", "14%");
    sql::run(*update);
    EXPECT_EQ(update->rows_affected(), 2);
    update->reset();
    sql::bind_all(*update, "y", "1402%");
    sql::run(*update);
    EXPECT_EQ(update->rows_affected(), 1);
}

TEST_P(SqlConnectionTest, AnInsertGivesTheNewRowsIdAndNoneWhenItInsertedNothing) {
    add_region("140100", "Taiyuan");
    // PostgreSQL returns the id as a row; SQLite's {{RETURNING_ID}} is empty and the id is the
    // connection's last inserted rowid.
    auto insert =
        conn_->prepare("INSERT INTO zones (code, name, level, region_code) VALUES (?, ?, ?, ?){{RETURNING_ID}}");
    sql::bind_all(*insert, "Z1", "Zone 1", "provincial", "140100");
    const auto first = sql::returned_id(*insert);
    insert->reset();
    sql::bind_all(*insert, "Z2", "Zone 2", "provincial", "140100");
    EXPECT_EQ(sql::returned_id(*insert), first + 1);
    // A row that is not inserted has no id, not the previous insert's.
    auto ignored = conn_->prepare(
        "INSERT INTO zones (code, name, level, region_code) VALUES (?, ?, ?, ?) ON CONFLICT DO "
        "NOTHING{{RETURNING_ID}}");
    sql::bind_all(*ignored, "Z2", "Zone 2 again", "provincial", "140100");
    EXPECT_THROW(sql::returned_id(*ignored), sql::StoreFault);
}

// m0026 (SQLite): allowed values are compared one by one, because an IN list of three or more
// values makes SQLite build a temporary index of the list for every row it checks. The
// constraints still refuse what they refused, on both backends.
TEST_P(SqlConnectionTest, AllowedValuesAreCheckedWithoutATemporaryIndexPerRow) {
    add_region("140100", "Taiyuan");
    EXPECT_EQ(failure_of("INSERT INTO zones (code, name, level, region_code) VALUES ('Z', 'Z', 'national', '140100')"),
              FailureKind::kCheckViolation);
    EXPECT_EQ(failure_of("INSERT INTO enterprises (name, credit_code, ownership, chain_role) "
                         "VALUES ('E', '91140100MA00004DCC', 'public', 'none')"),
              FailureKind::kCheckViolation);
    EXPECT_EQ(failure_of("INSERT INTO enterprises (name, credit_code, ownership, chain_role) "
                         "VALUES ('E', '91140100MA00004DCC', 'state', 'owner')"),
              FailureKind::kCheckViolation);
    conn_
        ->prepare(
            "INSERT INTO enterprises (name, credit_code, ownership, chain_role) "
            "VALUES ('E', '91140100MA00004DCC', 'other', 'supporting')")
        ->step();
    if (GetParam() != testing::Backend::kSqlite) return;
    for (const std::string table : {"zones", "enterprises", "projects", "coordination_items", "campaign_entries",
                                    "notice_events", "project_funding", "users"}) {
        // Every column, so that every CHECK of the table is in the program.
        auto columns = conn_->prepare("SELECT group_concat(name, ', '), count(*) FROM pragma_table_info(?)");
        sql::bind_all(*columns, table);
        ASSERT_TRUE(columns->step());
        std::string values;
        for (std::int64_t i = 0; i < columns->int64_at(1); ++i) values += i == 0 ? "?" : ", ?";
        auto program =
            conn_->prepare("EXPLAIN INSERT INTO " + table + " (" + columns->text_at(0) + ") VALUES (" + values + ")");
        while (program->step()) EXPECT_NE(program->text_at(1), "OpenEphemeral") << table;
    }
}

TEST_P(SqlConnectionTest, ConstraintFailuresHaveNeutralKinds) {
    add_region("140100", "Taiyuan");
    EXPECT_EQ(failure_of("INSERT INTO regions (code, name_zh, name_en, slug) VALUES ('140100', 'a', 'b', 'c')"),
              FailureKind::kUniqueViolation);
    EXPECT_EQ(failure_of("INSERT INTO regions (code, name_zh, name_en, slug) VALUES ('14', 'a', 'b', 'c')"),
              FailureKind::kCheckViolation);
    EXPECT_EQ(failure_of("INSERT INTO zones (code, name, level, region_code) VALUES ('Z', 'Z', 'provincial', '990000')"),
              FailureKind::kForeignKeyViolation);
    EXPECT_EQ(failure_of("INSERT INTO regions (code, name_zh, name_en, slug) VALUES ('140200', NULL, 'b', 'c')"),
              FailureKind::kNotNullViolation);
    EXPECT_EQ(failure_of("SELECT no_such_column FROM regions"), FailureKind::kOther);
}

TEST_P(SqlConnectionTest, UniqueViolationNamesItsKeyForTheSharedRules) {
    add_region("140100", "Taiyuan");
    auto insert = conn_->prepare("INSERT INTO zones (code, name, level, region_code) VALUES (?, ?, ?, ?)");
    sql::bind_all(*insert, "Z1", "Zone 1", "provincial", "140100");
    sql::run(*insert);
    insert->reset();
    sql::bind_all(*insert, "Z1", "Zone 1 again", "provincial", "140100");
    try {
        sql::run(*insert);
        FAIL() << "duplicate zone code accepted";
    } catch (const sql::DbError& e) {
        EXPECT_EQ(e.kind(), FailureKind::kUniqueViolation);
        // SQLite names the key by its first column, PostgreSQL by the constraint's default name.
        EXPECT_TRUE(e.constraint() == "zones.code" || e.constraint() == "zones_code_key") << e.constraint();
    }
}

// Statements sent together (one round trip on PostgreSQL) answer as if each ran on its own.
TEST_P(SqlConnectionTest, StatementsRunTogetherAnswerAsIfRunOneByOne) {
    add_region("140100", "Taiyuan");
    add_region("140200", "Datong");
    conn_->begin("BEGIN");
    auto count = conn_->prepare("SELECT COUNT(*) FROM regions");
    auto names = conn_->prepare("SELECT name_en FROM regions WHERE code LIKE ? ORDER BY code");
    sql::bind_all(*names, "14%");
    auto none = conn_->prepare("SELECT name_en FROM regions WHERE code = ?");
    sql::bind_all(*none, "999999");
    sql::Statement* const together[] = {count.get(), names.get(), none.get()};
    conn_->run_together(together);
    ASSERT_TRUE(count->step());
    EXPECT_EQ(count->int64_at(0), 2);
    ASSERT_TRUE(names->step());
    EXPECT_EQ(names->text_at(0), "Taiyuan");
    ASSERT_TRUE(names->step());
    EXPECT_EQ(names->text_at(0), "Datong");
    EXPECT_FALSE(names->step());
    EXPECT_FALSE(none->step());
    conn_->commit();
    EXPECT_FALSE(conn_->in_transaction());
}

TEST_P(SqlConnectionTest, AFailureAmongStatementsRunTogetherIsReportedByItsStatement) {
    add_region("140100", "Taiyuan");
    conn_->begin("BEGIN");
    auto before = conn_->prepare("SELECT COUNT(*) FROM regions");
    auto duplicate = conn_->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
    sql::bind_all(*duplicate, "140100", "太原", "Taiyuan", "taiyuan-2");
    sql::Statement* const together[] = {before.get(), duplicate.get()};
    conn_->run_together(together);
    ASSERT_TRUE(before->step());
    EXPECT_EQ(before->int64_at(0), 1);
    try {
        duplicate->step();
        FAIL() << "duplicate region accepted";
    } catch (const sql::DbError& e) {
        EXPECT_EQ(e.kind(), FailureKind::kUniqueViolation);
    }
    conn_->rollback();
    EXPECT_FALSE(conn_->in_transaction());
    // The session is as good as new.
    add_region("140200", "Datong");
    auto count = conn_->prepare("SELECT COUNT(*) FROM regions");
    ASSERT_TRUE(count->step());
    EXPECT_EQ(count->int64_at(0), 2);
}

// A write nobody reads back may wait for the next statement (which then sees it) or the COMMIT.
TEST_P(SqlConnectionTest, AWriteRunLaterIsPartOfItsTransaction) {
    conn_->begin("BEGIN");
    auto insert = conn_->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
    sql::bind_all(*insert, "140100", "太原", "Taiyuan", "taiyuan");
    conn_->run_later(std::move(insert));
    auto seen = conn_->prepare("SELECT name_en FROM regions");
    ASSERT_TRUE(seen->step());
    EXPECT_EQ(seen->text_at(0), "Taiyuan");
    auto second = conn_->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
    sql::bind_all(*second, "140200", "大同", "Datong", "datong");
    conn_->run_later(std::move(second));
    conn_->commit();
    auto count = conn_->prepare("SELECT COUNT(*) FROM regions");
    ASSERT_TRUE(count->step());
    EXPECT_EQ(count->int64_at(0), 2);
}

// Its failure fails the transaction (at once on SQLite, with the COMMIT on PostgreSQL): the COMMIT
// never reports success for a transaction whose held-back write failed.
TEST_P(SqlConnectionTest, AFailedWriteRunLaterFailsTheTransaction) {
    add_region("140100", "Taiyuan");
    conn_->begin("BEGIN");
    auto fine = conn_->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
    sql::bind_all(*fine, "140200", "大同", "Datong", "datong");
    conn_->run_later(std::move(fine));
    auto duplicate = conn_->prepare("INSERT INTO regions (code, name_zh, name_en, slug) VALUES (?, ?, ?, ?)");
    sql::bind_all(*duplicate, "140100", "太原", "Taiyuan", "taiyuan-2");
    try {
        conn_->run_later(std::move(duplicate));
        conn_->commit();
        FAIL() << "a transaction with a failed write committed";
    } catch (const sql::DbError& e) {
        EXPECT_EQ(e.kind(), FailureKind::kUniqueViolation);
    }
    conn_->rollback();
    auto count = conn_->prepare("SELECT COUNT(*) FROM regions");
    ASSERT_TRUE(count->step());
    EXPECT_EQ(count->int64_at(0), 1);
}

// Savepoints held back (execute_later) still undo exactly the statements after them.
TEST_P(SqlConnectionTest, ASavepointHeldBackUndoesOnlyWhatFollowedIt) {
    conn_->begin("BEGIN");
    add_region("140100", "Taiyuan");
    conn_->execute_later("SAVEPOINT sanpi_call");
    add_region("140200", "Datong");
    try {
        add_region("140200", "Datong again");
        FAIL() << "duplicate region accepted";
    } catch (const sql::DbError& e) {
        EXPECT_EQ(e.kind(), FailureKind::kUniqueViolation);
    }
    conn_->execute_later("ROLLBACK TO SAVEPOINT sanpi_call");
    conn_->execute_later("RELEASE SAVEPOINT sanpi_call");
    EXPECT_FALSE(conn_->transaction_failed());
    conn_->commit();
    auto names = conn_->prepare("SELECT name_en FROM regions ORDER BY code");
    ASSERT_TRUE(names->step());
    EXPECT_EQ(names->text_at(0), "Taiyuan");
    EXPECT_FALSE(names->step());
}

// A read-only transaction's COMMIT may go unanswered for a while (PostgreSQL); the session is
// ready for the next transaction all the same, and a transaction that ran nothing ends cleanly.
TEST_P(SqlConnectionTest, TransactionsFollowEachOtherOnOneSession) {
    const bool pg = conn_->dialect() == store::Dialect::kPostgres;
    add_region("140100", "Taiyuan");
    for (int i = 0; i < 3; ++i) {
        conn_->begin(pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
        auto q = conn_->prepare("SELECT COUNT(*) FROM regions");
        ASSERT_TRUE(q->step());
        EXPECT_EQ(q->int64_at(0), 1 + i);
        conn_->commit();
        EXPECT_FALSE(conn_->in_transaction());
        conn_->begin("BEGIN");
        EXPECT_TRUE(conn_->in_transaction());
        conn_->commit();
        conn_->begin("BEGIN");
        conn_->rollback();
        add_region("14020" + std::to_string(i), "Datong " + std::to_string(i));
    }
}

SANPI_STORE_SUITE(SqlConnectionTest);

}  // namespace
}  // namespace sanpi::store_test
