#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::Role;
using OptionalUser = std::optional<domain::User>;

class StoreUsersTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
    }

    std::int64_t add_user(const domain::User& u) {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_user(u); });
    }

    OptionalUser by_name(std::string name) {
        return read<OptionalUser>([&](store::Tx& tx) { return tx.find_user_by_name(name); });
    }

    World w_;
};

TEST_P(StoreUsersTest, UserRoundTripsByNameAndId) {
    auto u = make_user("ty-etdz", Role::kZone);
    u.region.reset();
    u.zone_id = w_.taiyuan_zone;
    u.active = false;
    const auto id = add_user(u);
    auto found = by_name("ty-etdz");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->role, Role::kZone);
    EXPECT_FALSE(found->region);
    EXPECT_EQ(found->zone_id, w_.taiyuan_zone);
    EXPECT_EQ(found->password_hash, u.password_hash);
    EXPECT_FALSE(found->active);
    EXPECT_EQ(found->version, 1);
    auto by_id = read<OptionalUser>([&](store::Tx& tx) { return tx.get_user(id); });
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->name, "ty-etdz");
    EXPECT_FALSE(by_name("nobody"));
    EXPECT_FALSE(read<OptionalUser>([](store::Tx& tx) { return tx.get_user(999); }));
}

TEST_P(StoreUsersTest, EveryRoleIsStored) {
    for (auto role : {Role::kProvince, Role::kCity, Role::kZone, Role::kSupervisor, Role::kViewer}) {
        const std::string name = "user-" + std::string(domain::to_string(role));
        add_user(make_user(name, role));
        EXPECT_EQ(by_name(name)->role, role);
        EXPECT_EQ(by_name(name)->region->str(), "140000");
    }
}

TEST_P(StoreUsersTest, DuplicateNameIsAConflictNamingTheField) {
    add_user(make_user("li"));
    auto e = write_error([](store::Tx& tx) { return tx.insert_user(make_user("li")).error(); });
    EXPECT_EQ(e.code, ErrorCode::kConflict);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "name");
}

TEST_P(StoreUsersTest, UnknownZoneOrRegionIsInvalidInput) {
    auto u = make_user("wang", Role::kZone);
    u.zone_id = 999;
    auto e = write_error([&](store::Tx& tx) { return tx.insert_user(u).error(); });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "zone_id");
    u.zone_id.reset();
    u.region = region_code("141100");
    e = write_error([&](store::Tx& tx) { return tx.insert_user(u).error(); });
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "region_code");
}

TEST_P(StoreUsersTest, UpdateChecksTheVersion) {
    add_user(make_user("zhao"));
    auto u = *by_name("zhao");
    u.password_hash = "new-hash";
    u.role = Role::kSupervisor;
    write_void([&](store::Tx& tx) { return tx.update_user(u, 1); });
    auto after = *by_name("zhao");
    EXPECT_EQ(after.version, 2);
    EXPECT_EQ(after.password_hash, "new-hash");
    EXPECT_EQ(after.role, Role::kSupervisor);

    u.password_hash = "stale";
    auto stale = write_error([&](store::Tx& tx) { return tx.update_user(u, 1); });
    EXPECT_EQ(stale.code, ErrorCode::kConflict);
    EXPECT_EQ(by_name("zhao")->password_hash, "new-hash");

    u.id = 999;
    auto missing = write_error([&](store::Tx& tx) { return tx.update_user(u, 1); });
    EXPECT_EQ(missing.code, ErrorCode::kNotFound);
}

TEST_P(StoreUsersTest, ApiTokenFindsItsUser) {
    const auto id = add_user(make_user("bot"));
    write_void([&](store::Tx& tx) { return tx.insert_api_token({"hash-1", id, "nightly export", 1'700'000'000, {}, std::nullopt}); });
    using OptionalHolder = std::optional<store::TokenHolder>;
    auto found = read<OptionalHolder>([](store::Tx& tx) { return tx.find_user_by_token_hash("hash-1", 0); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user.id, id);
    EXPECT_FALSE(found->expires_at);
    EXPECT_FALSE(read<OptionalHolder>([](store::Tx& tx) { return tx.find_user_by_token_hash("hash-2", 0); }));
    auto dup = write_error([&](store::Tx& tx) { return tx.insert_api_token({"hash-1", id, "again", 0, {}, std::nullopt}); });
    EXPECT_EQ(dup.code, ErrorCode::kConflict);
    auto orphan = write_error([](store::Tx& tx) { return tx.insert_api_token({"hash-3", 999, "", 0, {}, std::nullopt}); });
    EXPECT_EQ(orphan.code, ErrorCode::kInvalidInput);
}

TEST_P(StoreUsersTest, SessionIsFoundUntilItExpiresAndUntilDeleted) {
    const auto id = add_user(make_user("sun"));
    const store::Timestamp expires = 1'700'043'200;
    write_void([&](store::Tx& tx) { return tx.insert_session({"sess-1", id, "csrf-1", expires, expires - 60}); });
    using OptionalSession = std::optional<store::SessionRecord>;
    auto at = [&](store::Timestamp now) {
        return read<OptionalSession>([&](store::Tx& tx) { return tx.find_session("sess-1", now); });
    };
    auto live = at(expires - 1);
    ASSERT_TRUE(live);
    EXPECT_EQ(live->user_id, id);
    EXPECT_EQ(live->csrf_token, "csrf-1");
    EXPECT_EQ(live->expires_at, expires);
    EXPECT_FALSE(at(expires));
    EXPECT_FALSE(at(expires + 3600));
    write_void([](store::Tx& tx) { return tx.delete_session("sess-1"); });
    EXPECT_FALSE(at(expires - 1));
    write_void([](store::Tx& tx) { return tx.delete_session("never-existed"); });
}

TEST_P(StoreUsersTest, DisplayNameAndForcedChangeRoundTrip) {
    auto u = make_user("temp-user");
    u.display_name = "太原市商务局";
    u.must_change_password = true;
    const auto id = add_user(u);
    auto found = by_name("temp-user");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->display_name, "太原市商务局");
    EXPECT_TRUE(found->must_change_password);
    found->must_change_password = false;
    write_void([&](store::Tx& tx) { return tx.update_user(*found, 1); });
    EXPECT_FALSE(by_name("temp-user")->must_change_password);
    EXPECT_EQ(by_name("temp-user")->id, id);
}

TEST_P(StoreUsersTest, ACityListsOnlyTheZoneAccountsOfItsZones) {
    auto zone_user = make_user("ty-zone", Role::kZone);
    zone_user.zone_id = w_.taiyuan_zone;
    add_user(zone_user);
    add_user(make_user("ty-city", Role::kCity));
    using Users = std::vector<domain::User>;
    auto names = [](const Users& users) {
        std::vector<std::string> out;
        for (const auto& u : users) out.push_back(u.name);
        return out;
    };
    auto all = read<Users>([](store::Tx& tx) { return tx.list_users(std::nullopt); });
    EXPECT_EQ(names(all), (std::vector<std::string>{"ty-city", "ty-zone"}));
    auto city = read<Users>([](store::Tx& tx) { return tx.list_users(std::string_view("1401")); });
    EXPECT_EQ(names(city), (std::vector<std::string>{"ty-zone"}));
    auto other = read<Users>([](store::Tx& tx) { return tx.list_users(std::string_view("1402")); });
    EXPECT_TRUE(other.empty());
}

TEST_P(StoreUsersTest, TokensExpireAreListedByIdAndDeletedOnlyByTheirOwner) {
    const auto id = add_user(make_user("owner"));
    const auto other = add_user(make_user("other"));
    write_void([&](store::Tx& tx) {
        return tx.insert_api_token({"hash-exp", id, "one day", 1'700'000'000, "tok-1", 1'700'086'400});
    });
    auto at = [&](store::Timestamp now) {
        return read<std::optional<store::TokenHolder>>(
            [&](store::Tx& tx) { return tx.find_user_by_token_hash("hash-exp", now); });
    };
    ASSERT_TRUE(at(1'700'086'399));
    EXPECT_EQ(at(1'700'086'399)->expires_at, 1'700'086'400);
    EXPECT_FALSE(at(1'700'086'400));
    using Tokens = std::vector<store::ApiToken>;
    auto listed = read<Tokens>([&](store::Tx& tx) { return tx.list_api_tokens(id); });
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].token_id, "tok-1");
    EXPECT_EQ(listed[0].label, "one day");
    EXPECT_EQ(listed[0].expires_at, 1'700'086'400);
    using Deleted = std::optional<std::string>;
    EXPECT_FALSE(write<Deleted>([&](store::Tx& tx) { return tx.delete_api_token_of(other, "tok-1"); }));
    EXPECT_EQ(write<Deleted>([&](store::Tx& tx) { return tx.delete_api_token_of(id, "tok-1"); }), "hash-exp");
    EXPECT_TRUE(read<Tokens>([&](store::Tx& tx) { return tx.list_api_tokens(id); }).empty());
}

TEST_P(StoreUsersTest, SessionsArePurgedWhenExpiredOrIdleAndEndedPerUser) {
    const auto id = add_user(make_user("many-sessions"));
    const store::Timestamp now = 1'700'000'000;
    write_void([&](store::Tx& tx) -> Result<void> {
        if (auto r = tx.insert_session({"expired", id, "c", now, now - 100}); !r) return r;
        if (auto r = tx.insert_session({"idle", id, "c", now + 3600, now - 4000}); !r) return r;
        if (auto r = tx.insert_session({"live-1", id, "c", now + 3600, now - 10}); !r) return r;
        return tx.insert_session({"live-2", id, "c", now + 3600, now - 10});
    });
    EXPECT_EQ(write<std::int64_t>([&](store::Tx& tx) { return tx.purge_sessions(now, now - 1800); }), 2);
    using OptionalSession = std::optional<store::SessionRecord>;
    auto find = [&](const char* hash) {
        return read<OptionalSession>([&](store::Tx& tx) { return tx.find_session(hash, now - 1000); });
    };
    EXPECT_FALSE(find("expired"));
    EXPECT_FALSE(find("idle"));
    write_void([&](store::Tx& tx) { return tx.touch_session("live-1", now); });
    EXPECT_EQ(find("live-1")->last_seen_at, now);
    write_void([&](store::Tx& tx) { return tx.touch_session("live-1", now - 5); });  // never moves back
    EXPECT_EQ(find("live-1")->last_seen_at, now);
    EXPECT_EQ(write<std::int64_t>([&](store::Tx& tx) { return tx.delete_user_sessions(id, "live-1"); }), 1);
    EXPECT_TRUE(find("live-1"));
    EXPECT_FALSE(find("live-2"));
}

SANPI_STORE_SUITE(StoreUsersTest);

}  // namespace
}  // namespace sanpi::store_test
