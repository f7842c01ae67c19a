// Coordination items in the store: every field round trip, optimistic versions, references,
// scope inside SQL, every filter, and the overdue filter against the domain's rule.
#include <algorithm>

#include "domain/coordination_item.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::CoordinationCategory;
using domain::CoordinationItem;
using domain::CoordinationLevel;
using domain::CoordinationStatus;
using domain::Scope;
using Record = store::CoordinationItemRecord;

constexpr store::Timestamp kRaisedAt = 1656639000;  // 2022-07-01 09:30 in Beijing

constexpr CoordinationStatus kEveryStatus[] = {CoordinationStatus::kOpen, CoordinationStatus::kInProgress,
                                               CoordinationStatus::kResolved, CoordinationStatus::kClosed,
                                               CoordinationStatus::kReopened};

CoordinationItem make_item(std::int64_t project_id, domain::Date deadline = date(2022, 8, 31)) {
    CoordinationItem item;
    item.project_id = project_id;
    item.category = CoordinationCategory::kLand;
    item.description = "二期用地指标不足";
    item.level = CoordinationLevel::kZone;
    item.responsible_department = "市自然资源和规划局";
    item.deadline = deadline;
    return item;
}

class StoreCoordinationTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        xiaodian_project_ = add_project(make_project("XD-1", w_.xiaodian_zone));
        taiyuan_project_ = add_project(make_project("TY-1", w_.taiyuan_zone));
        datong_project_ = add_project(make_project("DT-1", w_.datong_zone));
        user_ = write<std::int64_t>([](store::Tx& tx) { return tx.insert_user(make_user("raiser")); });
    }

    std::int64_t add(const CoordinationItem& item, std::int64_t user_id = 0, store::Timestamp at = kRaisedAt) {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_coordination_item(item, user_id, at); });
    }
    std::optional<Record> get(const Scope& scope, std::int64_t id) {
        return read<std::optional<Record>>([&](store::Tx& tx) { return tx.get_coordination_item(scope, id); });
    }
    Record get(std::int64_t id) {
        auto r = get(Scope::all(), id);
        EXPECT_TRUE(r) << "item " << id;
        return r ? *r : Record{};
    }
    store::Page<Record> list(const Scope& scope, const store::CoordinationQuery& q = {}) {
        return read<store::Page<Record>>([&](store::Tx& tx) { return tx.list_coordination_items(scope, q); });
    }
    std::vector<std::int64_t> ids(const store::Page<Record>& page) {
        std::vector<std::int64_t> out;
        for (const auto& r : page.items) out.push_back(r.item.id);
        return out;
    }

    World w_;
    std::int64_t xiaodian_project_ = 0;
    std::int64_t taiyuan_project_ = 0;
    std::int64_t datong_project_ = 0;
    std::int64_t user_ = 0;
};

TEST_P(StoreCoordinationTest, InsertedItemReadsBackWithEveryFieldAndItsProject) {
    auto item = make_item(taiyuan_project_);
    item.category = CoordinationCategory::kUtilities;
    item.level = CoordinationLevel::kProvince;
    item.status = CoordinationStatus::kResolved;
    item.resolution = "已接通 110 千伏线路";
    item.reopen_reason = "上次未彻底解决";
    const auto id = add(item, user_);
    const auto got = get(id);
    EXPECT_EQ(got.item.id, id);
    EXPECT_EQ(got.item.project_id, taiyuan_project_);
    EXPECT_EQ(got.item.category, CoordinationCategory::kUtilities);
    EXPECT_EQ(got.item.description, item.description);
    EXPECT_EQ(got.item.level, CoordinationLevel::kProvince);
    EXPECT_EQ(got.item.responsible_department, item.responsible_department);
    EXPECT_EQ(got.item.deadline, date(2022, 8, 31));
    EXPECT_EQ(got.item.status, CoordinationStatus::kResolved);
    EXPECT_EQ(got.item.resolution, item.resolution);
    EXPECT_EQ(got.item.reopen_reason, item.reopen_reason);
    EXPECT_EQ(got.item.version, 1);
    EXPECT_EQ(got.project_code, "TY-1");
    EXPECT_EQ(got.project_name, "项目 TY-1");
    EXPECT_EQ(got.zone_id, w_.taiyuan_zone);
    EXPECT_EQ(got.zone_name, "TY-ETDZ开发区");
    EXPECT_EQ(got.region_code, "140100");
    EXPECT_EQ(got.city_code, "140100");
    EXPECT_EQ(got.created_by, user_);
    EXPECT_EQ(got.created_at, kRaisedAt);
    EXPECT_EQ(got.updated_at, kRaisedAt);
}

// The service decides from these which name of the project a viewer is shown (code names).
TEST_P(StoreCoordinationTest, ItemsCarryTheProjectsCodeNameAndStage) {
    auto secret = make_project("TY-2", w_.taiyuan_zone);
    secret.stage = domain::Stage::kReserve;
    secret.actual.sign.reset();
    secret.code_name = "代号·鲲鹏";
    const auto got = get(add(make_item(add_project(secret))));
    EXPECT_EQ(got.project_name, "项目 TY-2");
    EXPECT_EQ(got.project_code_name, "代号·鲲鹏");
    EXPECT_EQ(got.project_stage, domain::Stage::kReserve);
    store::CoordinationQuery q;
    q.project_id = got.item.project_id;
    const auto listed = list(Scope::all(), q);
    ASSERT_EQ(listed.items.size(), 1u);
    EXPECT_EQ(listed.items[0].project_code_name, "代号·鲲鹏");
    EXPECT_EQ(listed.items[0].project_stage, domain::Stage::kReserve);
    const auto plain = get(add(make_item(taiyuan_project_)));
    EXPECT_EQ(plain.project_code_name, "");
    EXPECT_EQ(plain.project_stage, domain::Stage::kSigned);
}

TEST_P(StoreCoordinationTest, AbsentTextsAndTheSystemAsAuthorAreNull) {
    const auto got = get(add(make_item(xiaodian_project_)));
    EXPECT_FALSE(got.item.resolution);
    EXPECT_FALSE(got.item.reopen_reason);
    EXPECT_FALSE(got.created_by);
    EXPECT_EQ(got.city_code, "140100");  // a county zone belongs to its city
}

TEST_P(StoreCoordinationTest, UpdateNeedsTheCurrentVersionAndBumpsIt) {
    const auto id = add(make_item(taiyuan_project_), user_);
    auto changed = get(id).item;
    changed.status = CoordinationStatus::kInProgress;
    changed.level = CoordinationLevel::kCity;
    changed.deadline = date(2022, 9, 30);
    write_void([&](store::Tx& tx) { return tx.update_coordination_item(changed, 1, kRaisedAt + 3600); });
    auto got = get(id);
    EXPECT_EQ(got.item.version, 2);
    EXPECT_EQ(got.item.status, CoordinationStatus::kInProgress);
    EXPECT_EQ(got.item.level, CoordinationLevel::kCity);
    EXPECT_EQ(got.item.deadline, date(2022, 9, 30));
    EXPECT_EQ(got.created_at, kRaisedAt);
    EXPECT_EQ(got.updated_at, kRaisedAt + 3600);

    changed.description = "不应写入";
    auto stale = write_error([&](store::Tx& tx) { return tx.update_coordination_item(changed, 1, kRaisedAt + 7200); });
    EXPECT_EQ(stale.code, ErrorCode::kConflict);
    EXPECT_EQ(get(id).item.description, make_item(0).description);
    EXPECT_EQ(get(id).item.version, 2);
}

TEST_P(StoreCoordinationTest, UpdateOfAMissingItemIsNotFound) {
    auto ghost = make_item(taiyuan_project_);
    ghost.id = 987654;
    auto e = write_error([&](store::Tx& tx) { return tx.update_coordination_item(ghost, 1, kRaisedAt); });
    EXPECT_EQ(e.code, ErrorCode::kNotFound);
}

TEST_P(StoreCoordinationTest, UnknownProjectOrAuthorIsNamedAndNothingIsWritten) {
    auto e = write_error([&](store::Tx& tx) -> Result<void> {
        auto r = tx.insert_coordination_item(make_item(987654), 0, kRaisedAt);
        if (!r) return r.error();
        return {};
    });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "project_id");
    auto by = write_error([&](store::Tx& tx) -> Result<void> {
        auto r = tx.insert_coordination_item(make_item(taiyuan_project_), 987654, kRaisedAt);
        if (!r) return r.error();
        return {};
    });
    ASSERT_EQ(by.fields.size(), 1u);
    EXPECT_EQ(by.fields[0].field, "created_by");
    EXPECT_EQ(list(Scope::all()).total, 0);
}

TEST_P(StoreCoordinationTest, NamedChecksReportTheirField) {
    auto item = make_item(taiyuan_project_);
    item.description = "";
    auto e = write_error([&](store::Tx& tx) -> Result<void> {
        auto r = tx.insert_coordination_item(item, 0, kRaisedAt);
        if (!r) return r.error();
        return {};
    });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_EQ(e.fields.size(), 1u);
    EXPECT_EQ(e.fields[0].field, "description");
    EXPECT_EQ(list(Scope::all()).total, 0);
}

TEST_P(StoreCoordinationTest, ScopeFiltersReadsInsideTheQuery) {
    const auto xd = add(make_item(xiaodian_project_));
    const auto ty = add(make_item(taiyuan_project_));
    const auto dt = add(make_item(datong_project_));
    const auto zone = Scope::zone(w_.taiyuan_zone);
    EXPECT_TRUE(get(zone, ty));
    EXPECT_FALSE(get(zone, xd));
    EXPECT_FALSE(get(zone, dt));
    EXPECT_EQ(ids(list(zone)), (std::vector<std::int64_t>{ty}));
    const auto city = Scope::region(region_code("140100"));
    EXPECT_EQ(list(city).total, 2);
    EXPECT_FALSE(get(city, dt));
    EXPECT_EQ(list(Scope::region(region_code("140000"))).total, 3);
    EXPECT_EQ(list(Scope::zone(0)).total, 0);  // a user without a zone sees nothing
}

TEST_P(StoreCoordinationTest, FiltersCombineAndTheListIsMostUrgentFirst) {
    auto late = make_item(taiyuan_project_, date(2022, 12, 31));
    late.category = CoordinationCategory::kFinancing;
    const auto a = add(late);
    auto soon = make_item(taiyuan_project_, date(2022, 7, 15));
    soon.level = CoordinationLevel::kCity;
    const auto b = add(soon);
    auto other = make_item(datong_project_, date(2022, 7, 15));
    other.status = CoordinationStatus::kInProgress;
    const auto c = add(other);
    const auto d = add(make_item(xiaodian_project_, date(2022, 10, 1)));

    EXPECT_EQ(ids(list(Scope::all())), (std::vector<std::int64_t>{b, c, d, a}));
    store::CoordinationQuery q;
    q.project_id = taiyuan_project_;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{b, a}));
    q = {};
    q.status = CoordinationStatus::kInProgress;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{c}));
    q = {};
    q.category = CoordinationCategory::kFinancing;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{a}));
    q = {};
    q.level = CoordinationLevel::kCity;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{b}));
    q = {};
    q.zone_id = w_.xiaodian_zone;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{d}));
    q = {};
    q.city_code = "140100";
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{b, d, a}));
    q.level = CoordinationLevel::kZone;
    EXPECT_EQ(ids(list(Scope::all(), q)), (std::vector<std::int64_t>{d, a}));
}

TEST_P(StoreCoordinationTest, PagesCountEveryMatchAndStayInOrder) {
    std::vector<std::int64_t> made;
    for (int day = 1; day <= 5; ++day) made.push_back(add(make_item(taiyuan_project_, date(2022, 8, day))));
    store::CoordinationQuery q;
    q.limit = 2;
    q.offset = 2;
    auto page = list(Scope::all(), q);
    EXPECT_EQ(page.total, 5);
    EXPECT_EQ(ids(page), (std::vector<std::int64_t>{made[2], made[3]}));
}

TEST_P(StoreCoordinationTest, OverdueFilterAgreesWithTheDomainForEveryStatusAndDeadline) {
    const auto today = date(2022, 9, 1);
    std::vector<CoordinationItem> made;
    for (auto status : kEveryStatus) {
        for (int offset : {-30, -1, 0, 1}) {
            auto item = make_item(taiyuan_project_, today.add_days(offset));
            item.status = status;
            if (domain::is_settled(status)) item.resolution = "已解决";
            item.id = add(item);
            made.push_back(item);
        }
    }
    std::vector<std::int64_t> overdue, on_time;
    for (const auto& item : made) (domain::is_overdue(item, today) ? overdue : on_time).push_back(item.id);
    ASSERT_FALSE(overdue.empty());
    ASSERT_FALSE(on_time.empty());
    store::CoordinationQuery q;
    q.today = today;
    q.limit = 500;
    for (bool wanted : {true, false}) {
        q.overdue = wanted;
        auto got = ids(list(Scope::all(), q));
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, wanted ? overdue : on_time) << "overdue=" << wanted;
    }
}

SANPI_STORE_SUITE(StoreCoordinationTest);

}  // namespace
}  // namespace sanpi::store_test
