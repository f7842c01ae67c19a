// Accounts, tokens and sessions in the audit log (never a secret, never a typed name), the demo's
// chain, and who may read the log.
#include "audit_fixture.hpp"

namespace sanpi::testing {
namespace {

class AccountAuditTest : public AuditTest {
protected:
    // True if `text` appears anywhere in the entry.
    static bool mentions(const domain::AuditEntry& e, const std::string& text) {
        return domain::canonical_content(e).find(text) != std::string::npos;
    }
};

TEST_P(AccountAuditTest, AddingAUserRecordsItsAccountButNotItsPassword) {
    const auto seq = head_seq();
    auto user = auth().add_user("ops-bot", domain::Role::kViewer, "140100", "a-long-password").value();
    const auto e = only_entry_after(seq);
    EXPECT_EQ(e.action, "user.create");
    EXPECT_EQ(e.entity_id, user.id);
    EXPECT_EQ(e.actor_id, 0);
    EXPECT_EQ(e.actor_name, "system");
    EXPECT_EQ(change_of(e, "name"), change("name", std::nullopt, "ops-bot"));
    EXPECT_EQ(change_of(e, "role"), change("role", std::nullopt, "viewer"));
    EXPECT_EQ(change_of(e, "region_code"), change("region_code", std::nullopt, "140100"));
    EXPECT_EQ(change_of(e, "password"), change("password", std::nullopt, "(set)"));
    EXPECT_FALSE(mentions(e, user.password_hash));
    EXPECT_FALSE(mentions(e, "a-long-password"));

    const auto before_reset = head_seq();
    ASSERT_TRUE(auth().set_password("ops-bot", "another-password"));
    const auto reset = only_entry_after(before_reset);
    EXPECT_EQ(reset.action, "user.update");
    EXPECT_EQ(reset.changes, std::vector<domain::FieldChange>{change("password", "(hidden)", "(changed)")});

    const auto before_token = head_seq();
    auto token = auth().create_api_token("ops-bot", "nightly export").value();
    const auto t = only_entry_after(before_token);
    EXPECT_EQ(t.action, "token.create");
    EXPECT_EQ(t.entity_id, user.id);
    EXPECT_EQ(t.changes, std::vector<domain::FieldChange>{change("token.label", std::nullopt, "nightly export")});
    EXPECT_FALSE(mentions(t, token));
}

TEST_P(AccountAuditTest, RefusedAccountWritesAppendNothing) {
    const auto seq = head_seq();
    EXPECT_FALSE(auth().add_user("x y", domain::Role::kViewer, "140100", "a-long-password"));
    EXPECT_FALSE(auth().add_user("province", domain::Role::kViewer, "140100", "a-long-password"));  // taken
    EXPECT_FALSE(auth().add_user("new-city", domain::Role::kCity, "999900", "a-long-password"));
    EXPECT_FALSE(auth().create_api_token("nobody", "x"));
    EXPECT_FALSE(auth().set_password("nobody", "a-long-password"));
    EXPECT_EQ(head_seq(), seq);
}

TEST_P(AccountAuditTest, LogInAndLogOutAreRecordedAsTheUser) {
    const auto seq = head_seq();
    auto login = auth().login("taiyuan", service::kDemoPassword).value();
    const auto in = only_entry_after(seq);
    EXPECT_EQ(in.action, "session.login");
    EXPECT_EQ(in.actor_name, "taiyuan");
    EXPECT_EQ(in.actor_id, login.user.id);
    EXPECT_EQ(in.entity_id, login.user.id);
    EXPECT_EQ(in.changes, std::vector<domain::FieldChange>{
                              change("session.expires_at", std::nullopt, std::to_string(login.expires_at))});
    EXPECT_FALSE(mentions(in, login.session_token));
    EXPECT_FALSE(mentions(in, login.csrf_token));

    const auto before_logout = head_seq();
    ASSERT_TRUE(auth().logout(login.session_token));
    const auto out = only_entry_after(before_logout);
    EXPECT_EQ(out.action, "session.logout");
    EXPECT_EQ(out.actor_name, "taiyuan");
    EXPECT_EQ(out.changes, std::vector<domain::FieldChange>{
                               change("session.expires_at", std::to_string(login.expires_at), std::nullopt)});
    const auto again = head_seq();
    ASSERT_TRUE(auth().logout(login.session_token));
    EXPECT_EQ(head_seq(), again) << "ending a session that is already gone records nothing";
}

TEST_P(AccountAuditTest, FailedLogInsAreRecordedWithoutWhatWasTyped) {
    const auto seq = head_seq();
    EXPECT_EQ(auth().login("taiyuan", "wrong-password-1").error().code, ErrorCode::kUnauthorized);
    EXPECT_EQ(auth().login("secret-typed-into-name", "wrong-password-2").error().code, ErrorCode::kUnauthorized);
    const auto entries = entries_after(seq);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "session.login_failed");
    EXPECT_EQ(entries[0].actor_name, "anonymous");
    EXPECT_EQ(entries[0].entity_id, as("taiyuan").user.id);
    EXPECT_EQ(entries[0].changes, std::vector<domain::FieldChange>{change("reason", std::nullopt, "wrong_password")});
    EXPECT_EQ(entries[1].entity_id, 0);
    EXPECT_EQ(entries[1].changes, std::vector<domain::FieldChange>{change("reason", std::nullopt, "unknown_user")});
    for (const auto& e : entries) {
        EXPECT_FALSE(mentions(e, "secret-typed-into-name"));
        EXPECT_FALSE(mentions(e, "wrong-password"));
    }
}

TEST_P(AccountAuditTest, TheDemoLeavesAVerifiableChainAndARerunOnlyRecordsWhatItChanged) {
    auto first = verify();
    EXPECT_FALSE(first.broken) << first.broken->message.en;
    EXPECT_GT(first.verified, 2000) << "zones, enterprises, projects, campaign entries and accounts";
    EXPECT_EQ(first.verified, head_seq());

    const auto seq = head_seq();
    ASSERT_TRUE(service::load_demo(store(), clock_));
    const auto rerun = entries_after(seq);
    EXPECT_EQ(static_cast<std::int64_t>(rerun.size()), demo_.users) << "one refreshed password per demo account";
    for (const auto& e : rerun) {
        EXPECT_EQ(e.action, "user.update");
        EXPECT_EQ(e.changes, std::vector<domain::FieldChange>{change("password", "(hidden)", "(changed)")});
    }
    auto second = verify();
    EXPECT_FALSE(second.broken);
    EXPECT_EQ(second.verified, seq + demo_.users);
}

TEST_P(AccountAuditTest, OnlyTheProvinceAndSupervisorsReadTheWholeLog) {
    service::AuditService audit(store());
    for (const char* who : {"province", "supervisor"}) {
        auto page = audit.list(as(who), {});
        ASSERT_TRUE(page) << who;
        EXPECT_EQ(page->items.size(), 50u);
        EXPECT_EQ(page->items.front().seq, head_seq()) << "newest first";
    }
    for (const char* who : {"taiyuan", "taiyuan-zgq", "viewer"}) {
        auto page = audit.list(as(who), {});
        ASSERT_FALSE(page) << who;
        EXPECT_EQ(page.error().code, ErrorCode::kForbidden) << who;
    }
}

TEST_P(AccountAuditTest, AProjectsEntriesAreForWhoeverCanSeeIt) {
    service::AuditService audit(store());
    const auto zone_user = as("taiyuan-zgq");
    store::ProjectQuery q;
    q.limit = 1;
    const auto id = projects().list(zone_user, q).value().items.at(0).project.id;
    auto mine = audit.project_audit(zone_user, id, {});
    ASSERT_TRUE(mine) << mine.error().message.en;
    ASSERT_FALSE(mine->items.empty());
    for (const auto& e : mine->items) {
        EXPECT_EQ(e.entity_type, "project");
        EXPECT_EQ(e.entity_id, id);
    }
    EXPECT_EQ(mine->items.back().action, "project.create");
    for (const char* who : {"datong-etdz", "datong"}) {
        auto other = audit.project_audit(as(who), id, {});
        ASSERT_FALSE(other) << who;
        EXPECT_EQ(other.error().code, ErrorCode::kNotFound) << who;
    }
    EXPECT_EQ(audit.project_audit(zone_user, 999999, {}).error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountAuditTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
