// Store-to-store copy (export_data into import_data) on every ordered pair of available
// backends: sqlite→sqlite always, sqlite→postgresql, postgresql→sqlite and postgresql→postgresql
// when SANPI_TEST_PG names a server. This is what `sanpi copy` does to move a deployment.
#include <algorithm>
#include <map>

#include "domain/photo.hpp"
#include "store/dump_fixture.hpp"

namespace sanpi::store_test {
namespace {

struct BackendPair {
    Backend from;
    Backend to;
};

std::vector<BackendPair> backend_pairs() {
    std::vector<BackendPair> pairs;
    for (const auto from : testing::all_backends()) {
        for (const auto to : testing::all_backends()) pairs.push_back({from, to});
    }
    return pairs;
}

std::string pair_name(const ::testing::TestParamInfo<BackendPair>& info) {
    return testing::backend_name(info.param.from) + "_to_" + testing::backend_name(info.param.to);
}

// The largest `id` of every table whose first column is `id`.
class MaxIdSink final : public store::RowSink {
public:
    Result<void> begin_table(std::string_view table, const std::vector<std::string>& columns) override {
        table_ = columns.front() == "id" ? std::string(table) : std::string();
        return {};
    }
    Result<void> row(const std::vector<store::DumpValue>& values) override {
        if (!table_.empty()) max_[table_] = std::max<std::int64_t>(max_[table_], std::stoll(*values.front()));
        return {};
    }
    Result<void> end_table() override { return {}; }
    std::map<std::string, std::int64_t> max_;

private:
    std::string table_;
};

class StoreCopyTest : public ::testing::TestWithParam<BackendPair> {
protected:
    void SetUp() override {
        source_ = testing::make_test_store(GetParam().from);
        target_ = testing::make_test_store(GetParam().to);
    }
    store::Store& source() { return *source_->store; }
    store::Store& target() { return *target_->store; }
    Result<void> copy() {
        return target().import_data([&](store::RowSink& sink) { return source().export_data(sink); });
    }

    std::unique_ptr<testing::TestStore> source_;
    std::unique_ptr<testing::TestStore> target_;
};

TEST_P(StoreCopyTest, CopyHasEqualRowCountsAndChecksums) {
    populate(source_, GetParam().from);
    must(copy());
    const auto expected = checksums(source());
    expect_every_table_has_rows(expected);
    expect_same_tables(checksums(target()), expected);
}

TEST_P(StoreCopyTest, NewRowsGetIdsAfterEveryCopiedOne) {
    populate(source_, GetParam().from);
    must(copy());
    MaxIdSink copied;
    must(target().export_data(copied));

    must(target().write([&](store::Tx& tx) -> Result<void> {
        const auto zone = tx.insert_zone(make_zone("NEW-ZONE", "140100")).value();
        const auto enterprise = tx.insert_enterprise(make_enterprise("新企业", 123456)).value();
        const auto project = tx.insert_project(make_project("NEW-P", zone, {enterprise})).value();
        const auto user = tx.insert_user(make_user("new-user")).value();
        const auto campaign = tx.insert_campaign(make_campaign("新活动")).value();
        domain::StageChange change{project,
                                   domain::Stage::kSigned,
                                   domain::Stage::kStarted,
                                   domain::ProjectStatus::kActive,
                                   domain::ProjectStatus::kActive,
                                   std::nullopt,
                                   false,
                                   ""};
        tx.insert_stage_change(change, user, 1705276800).value();
        EXPECT_GT(zone, copied.max_["zones"]);
        EXPECT_GT(enterprise, copied.max_["enterprises"]);
        EXPECT_GT(project, copied.max_["projects"]);
        EXPECT_GT(user, copied.max_["users"]);
        EXPECT_GT(campaign, copied.max_["campaigns"]);
        return {};
    }));
    MaxIdSink after;
    must(target().export_data(after));
    EXPECT_GT(after.max_["project_stage_changes"], copied.max_["project_stage_changes"]);
}

TEST_P(StoreCopyTest, NonEmptyTargetIsRefusedAndKeepsItsRows) {
    populate(source_, GetParam().from);
    must(target().write([](store::Tx& tx) { return tx.upsert_region(make_region("140000", "山西省", "Shanxi")); }));
    const auto before = checksums(target());
    auto r = copy();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_NE(r.error().message.zh.find("目标数据库不是空的"), std::string::npos) << r.error().message.zh;
    expect_same_tables(checksums(target()), before);
}

TEST_P(StoreCopyTest, CopyingAnEmptyStoreLeavesAnEmptyStore) {
    must(copy());
    expect_same_tables(checksums(target()), checksums(source()));
    EXPECT_EQ(total_rows(target()), 0);
}

// Every id a list query answers, page after page.
std::vector<std::int64_t> list_ids(store::Store& s, store::ProjectQuery q) {
    std::vector<std::int64_t> out;
    q.limit = 500;
    for (int page = 0; page < 100; ++page) {
        auto got = must(store::read_value<store::Page<domain::ProjectView>>(
            s, [&](store::Tx& tx) { return tx.list_projects(domain::Scope::all(), q); }));
        for (const auto& v : got.items) out.push_back(v.project.id);
        if (!got.next) break;
        q.after = got.next;
    }
    return out;
}

// Derived data is rebuilt, not carried (a SQLite import suspends its indexes and triggers and
// derives once at the end): the copy answers city and indexed text queries as the source does,
// and its triggers keep the search index right on later writes.
TEST_P(StoreCopyTest, TheCopyAnswersCityAndTextQueriesAndKeepsItsSearchIndexCurrent) {
    populate(source_, GetParam().from);
    must(copy());
    for (const std::string city : {"140100", "140700", "141000"}) {
        store::ProjectQuery q;
        q.city_code = city;
        const auto ids = list_ids(target(), q);
        EXPECT_FALSE(ids.empty()) << city;
        EXPECT_EQ(ids, list_ids(source(), q)) << city;
    }
    for (const std::string text : {"新材料", "有限公司", "DUMP-P1", "代号·"}) {
        store::ProjectQuery indexed;
        indexed.text = text;
        auto exact = indexed;
        exact.text_without_index = true;
        const auto ids = list_ids(target(), indexed);
        EXPECT_EQ(ids, list_ids(target(), exact)) << text;
        EXPECT_EQ(ids, list_ids(source(), exact)) << text;
    }
    // A write after the copy: the restored triggers index the new name and the new investor.
    const auto moved = must(store::read_value<std::optional<domain::Project>>(
        target(), [](store::Tx& tx) { return tx.find_project_by_code("DUMP-P1"); }));
    ASSERT_TRUE(moved);
    must(target().write([&](store::Tx& tx) -> Result<void> {
        auto p = *moved;
        p.name = "复制后改名的氢能项目";
        const auto investor = tx.insert_enterprise(make_enterprise("复制后新增投资方", 765432));
        if (!investor) return investor.error();
        p.investor_ids.push_back(*investor);
        return tx.update_project(p, p.version);
    }));
    for (const std::string text : {"改名的氢能", "复制后新增投资方"}) {
        store::ProjectQuery q;
        q.text = text;
        EXPECT_EQ(list_ids(target(), q), std::vector<std::int64_t>{moved->id}) << text;
    }
}

// A largest-allowed photo crosses backends byte for byte (BLOB <-> BYTEA through the dump's hex).
TEST_P(StoreCopyTest, CarriesAFiveMegabytePhotoByteForByte) {
    std::string bytes(domain::kMaxPhotoBytes, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 131) % 256);
    std::int64_t photo = 0;
    must(source().write([&](store::Tx& tx) -> Result<void> {
        for (const auto& r : {make_region("140000", "山西省", "Shanxi"), make_region("140100", "太原市", "Taiyuan")}) {
            if (auto ok = tx.upsert_region(r); !ok) return ok;
        }
        for (const auto* code : {"coal_chemical", "new_materials"}) {
            if (auto ok = tx.upsert_industry(make_industry(code, 1)); !ok) return ok;
        }
        const auto zone = tx.insert_zone(make_zone("PHOTO-ZONE", "140100")).value();
        const auto project = tx.insert_project(make_project("PHOTO-P", zone)).value();
        const auto user = tx.insert_user(make_user("photographer")).value();
        domain::StageChange pause;
        pause.project_id = project;
        pause.to_status = domain::ProjectStatus::kSuspended;
        tx.insert_stage_change(pause, user, 1705276800).value();
        auto p = make_photo(project, user, bytes.size());
        p.stage_change_id = tx.list_stage_changes(project).value().back().id;
        photo = tx.insert_photo(p, bytes, awkward_bytes()).value();
        return {};
    }));
    must(copy());
    expect_same_tables(checksums(target()), checksums(source()));
    must(target().read([&](store::Tx& tx) -> Result<void> {
        const auto image = tx.photo_bytes(photo, store::PhotoPart::kImage).value();
        EXPECT_TRUE(image && *image == bytes);
        EXPECT_EQ(tx.photo_bytes(photo, store::PhotoPart::kThumbnail).value(), awkward_bytes());
        return {};
    }));
}

INSTANTIATE_TEST_SUITE_P(BackendPairs, StoreCopyTest, ::testing::ValuesIn(backend_pairs()), pair_name);

}  // namespace
}  // namespace sanpi::store_test
