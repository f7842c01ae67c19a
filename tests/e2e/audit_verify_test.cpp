// `sanpi audit verify` against a log altered by direct SQL, on SQLite and PostgreSQL: an edit, a
// deleted middle entry, a deleted last entry and a forged entry are each found and named.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "server_process.hpp"
#include "service/audit_trail.hpp"
#include "service/clock.hpp"
#include "service/demo.hpp"
#include "store/transact.hpp"
#include "support/test_store.hpp"

namespace sanpi::testing {
namespace {

constexpr int kEntries = 10;

class AuditVerifyCli : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db_ = make_test_store(GetParam());
        service::FixedClock clock{1705276800};
        service::AuditTrail trail(clock);
        for (int i = 1; i <= kEntries; ++i) {
            auto r = db_->store->write([&](store::Tx& tx) -> Result<void> {
                service::AuditEvent event{"project.update", "project", 100 + i,
                                          {{"expected_jobs", std::to_string(i), std::to_string(i + 1)}}};
                if (auto e = trail.record(tx, {3, "province"}, std::move(event)); !e) return e.error();
                return {};
            });
            ASSERT_TRUE(r) << r.error().message.en;
        }
    }

    // Runs SQL on the test database behind the store's back; {log} is the audit table's name.
    void tamper(std::string sql) {
        const bool pg = GetParam() == Backend::kPostgres;
        const std::string table = pg ? db_->pg_schema + ".audit_log" : "audit_log";
        for (auto at = sql.find("{log}"); at != std::string::npos; at = sql.find("{log}")) sql.replace(at, 5, table);
        if (pg) {
            postgres_admin(sql);
            return;
        }
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(db_->url.substr(7).c_str(), &raw), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(raw);
        ASSERT_EQ(rc, SQLITE_OK) << message;
    }

    int verify(std::string& out) { return run_sanpi({"audit", "verify", "--db", db_->url}, &out); }

    // The exit code and both languages of a finding.
    void expect_broken(std::int64_t seq, const std::string& kind_en, const std::string& kind_zh) {
        std::string out;
        EXPECT_EQ(verify(out), 3) << out;
        const std::string n = std::to_string(seq);
        EXPECT_NE(out.find("audit chain broken at entry " + n + " (" + kind_en + ")"), std::string::npos) << out;
        EXPECT_NE(out.find("审计链已损坏：第 " + n + " 条记录" + kind_zh), std::string::npos) << out;
    }

    std::unique_ptr<TestStore> db_;
};

TEST_P(AuditVerifyCli, AnIntactLogPassesWithItsCount) {
    std::string out;
    EXPECT_EQ(verify(out), 0) << out;
    EXPECT_NE(out.find("audit chain intact: 10 entries verified"), std::string::npos) << out;
    EXPECT_NE(out.find("审计链完整：已核验 10 条记录"), std::string::npos) << out;
}

TEST_P(AuditVerifyCli, AnEditedEntryIsNamed) {
    tamper("UPDATE {log} SET actor_name = 'mallory' WHERE seq = 4");
    expect_broken(4, "edited", "已被修改");
}

TEST_P(AuditVerifyCli, AnEditedChangeIsNamed) {
    tamper("UPDATE {log} SET changes = replace(changes, '7', '9') WHERE seq = 6");
    expect_broken(6, "edited", "已被修改");
}

TEST_P(AuditVerifyCli, ADeletedMiddleEntryIsNamed) {
    tamper("DELETE FROM {log} WHERE seq = 5");
    expect_broken(5, "deleted", "已被删除");
}

TEST_P(AuditVerifyCli, ADeletedLastEntryIsATruncatedTail) {
    tamper("DELETE FROM {log} WHERE seq = 10");
    expect_broken(10, "tail truncated", "末尾被截断");
}

// Even sealed with the real hash function on the real last hash: the head never moved for it.
TEST_P(AuditVerifyCli, AForgedEntryIsInserted) {
    auto last = store::read_value<std::optional<domain::ChainHead>>(*db_->store,
                                                                    [](store::Tx& tx) { return tx.audit_head(); });
    ASSERT_TRUE(last && *last);
    domain::AuditEntry forged;
    forged.seq = kEntries + 1;
    forged.actor_name = "mallory";
    forged.at = 1705276900;
    forged.action = "user.update";
    forged.entity_type = "user";
    forged.entity_id = 1;
    forged = domain::seal(forged, (*last)->hash, service::audit_hash_function());
    tamper("INSERT INTO {log} (seq, actor_id, actor_name, at, action, entity_type, entity_id, changes, prev_hash, hash) "
           "VALUES (11, 0, 'mallory', 1705276900, 'user.update', 'user', 1, '', '" +
           forged.prev_hash + "', '" + forged.hash + "')");
    expect_broken(11, "inserted", "被插入");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditVerifyCli, ::testing::ValuesIn(all_backends()), backend_param_name);

class AuditDemoCli : public ::testing::TestWithParam<Backend> {};

TEST_P(AuditDemoCli, TheDemoDatabaseVerifies) {
    auto db = make_test_store(GetParam());
    std::string out;
    ASSERT_EQ(run_sanpi({"demo", "--db", db->url}, &out), 0) << out;
    EXPECT_EQ(run_sanpi({"audit", "verify", "--db", db->url}, &out), 0) << out;
    EXPECT_NE(out.find("audit chain intact: "), std::string::npos) << out;
    EXPECT_EQ(run_sanpi({"audit", "--help"}, &out), 0);
    EXPECT_NE(out.find("verify"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditDemoCli, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
