// Photos in the store (m0006): bytes round-trip exactly (NULs, every byte value, 5 MB) on both
// backends, metadata reads leave the bytes out, exactly one owner, scoped reads, the owner lock,
// counting and deletion; history records read back with their ids.
#include "domain/photo.hpp"
#include "store/dump_fixture.hpp"
#include "store/report_builders.hpp"

namespace sanpi::store_test {
namespace {

using domain::Scope;
using store::PhotoOwner;
using store::PhotoOwnerKind;
using store::PhotoPart;
using store::PhotoRecord;

class StorePhotosTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        w_ = seed();
        user_ = write<std::int64_t>([&](store::Tx& tx) { return tx.insert_user(make_user("xiaodian", domain::Role::kZone)); });
        project_ = add_project(make_project("P-1", w_.xiaodian_zone));
        report_ = write<std::int64_t>(
            [&](store::Tx& tx) { return tx.insert_progress_report(make_report(project_, "2022-05", user_)); });
        write_void([&](store::Tx& tx) {
            domain::StageChange pause;
            pause.project_id = project_;
            pause.from_status = domain::ProjectStatus::kActive;
            pause.to_status = domain::ProjectStatus::kSuspended;
            pause.reason = "资金未到位";
            return tx.insert_stage_change(pause, user_, 1705276800);
        });
        change_ = read<std::vector<domain::StageChange>>([&](store::Tx& tx) { return tx.list_stage_changes(project_); })
                      .back()
                      .id;
    }

    PhotoRecord on_report(std::size_t size) {
        auto p = make_photo(project_, user_, size);
        p.report_id = report_;
        return p;
    }
    std::int64_t insert(const PhotoRecord& p, const std::string& bytes, const std::string& thumb = "thumb") {
        return write<std::int64_t>([&](store::Tx& tx) { return tx.insert_photo(p, bytes, thumb); });
    }
    std::optional<std::string> bytes_of(std::int64_t id, PhotoPart part = PhotoPart::kImage) {
        return read<std::optional<std::string>>([&](store::Tx& tx) { return tx.photo_bytes(id, part); });
    }
    std::vector<PhotoRecord> list(PhotoOwner owner) {
        return read<std::vector<PhotoRecord>>([&](store::Tx& tx) { return tx.list_photos(owner); });
    }

    World w_;
    std::int64_t user_ = 0;
    std::int64_t project_ = 0;
    std::int64_t report_ = 0;
    std::int64_t change_ = 0;
};

TEST_P(StorePhotosTest, BytesWithNulsRoundTripWithTheirMetadata) {
    const auto bytes = awkward_bytes();
    const std::string thumb("\0\xff\xd8 thumb \0", 12);
    const auto id = insert(on_report(bytes.size()), bytes, thumb);
    EXPECT_EQ(bytes_of(id), bytes);
    EXPECT_EQ(bytes_of(id, PhotoPart::kThumbnail), thumb);

    auto got = read<std::optional<PhotoRecord>>([&](store::Tx& tx) { return tx.get_photo(Scope::all(), id); });
    ASSERT_TRUE(got);
    EXPECT_EQ(got->id, id);
    EXPECT_EQ(got->project_id, project_);
    EXPECT_EQ(got->report_id, report_);
    EXPECT_EQ(got->stage_change_id, std::nullopt);
    EXPECT_EQ(got->content_type, "image/png");
    EXPECT_EQ(got->width, 640);
    EXPECT_EQ(got->height, 480);
    EXPECT_EQ(got->size, static_cast<std::int64_t>(bytes.size()));
    EXPECT_EQ(got->digest, std::string(64, 'a'));
    EXPECT_EQ(got->created_by, user_);
    EXPECT_EQ(got->created_by_name, "xiaodian");
    EXPECT_EQ(got->created_at, 1705276800);
}

TEST_P(StorePhotosTest, FiveMegabytesRoundTrip) {
    std::string bytes(domain::kMaxPhotoBytes, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7919) % 256);
    const auto id = insert(on_report(bytes.size()), bytes);
    const auto back = bytes_of(id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->size(), bytes.size());
    EXPECT_TRUE(*back == bytes);
}

TEST_P(StorePhotosTest, ListsByOwnerInOrderAndCounts) {
    const auto a = insert(on_report(3), "abc");
    const auto b = insert(on_report(3), "def");
    auto evidence = make_photo(project_, user_, 3);
    evidence.stage_change_id = change_;
    const auto c = insert(evidence, "ghi");

    const auto of_report = list({PhotoOwnerKind::kReport, report_});
    ASSERT_EQ(of_report.size(), 2u);
    EXPECT_EQ(of_report[0].id, a);
    EXPECT_EQ(of_report[1].id, b);
    const auto of_change = list({PhotoOwnerKind::kStageChange, change_});
    ASSERT_EQ(of_change.size(), 1u);
    EXPECT_EQ(of_change[0].id, c);
    EXPECT_EQ(of_change[0].stage_change_id, change_);
    const auto of_history = read<std::vector<PhotoRecord>>([&](store::Tx& tx) { return tx.list_stage_change_photos(project_); });
    ASSERT_EQ(of_history.size(), 1u);
    EXPECT_EQ(of_history[0].id, c);

    write_void([&](store::Tx& tx) -> Result<void> {
        for (auto owner : {PhotoOwner{PhotoOwnerKind::kReport, report_}, PhotoOwner{PhotoOwnerKind::kStageChange, change_}}) {
            auto locked = tx.lock_photo_owner(owner);
            if (!locked) return locked.error();
            EXPECT_TRUE(*locked);
        }
        EXPECT_FALSE(tx.lock_photo_owner({PhotoOwnerKind::kReport, report_ + 1000}).value());
        EXPECT_EQ(tx.count_photos({PhotoOwnerKind::kReport, report_}).value(), 2);
        EXPECT_EQ(tx.count_photos({PhotoOwnerKind::kStageChange, change_}).value(), 1);
        return {};
    });
}

TEST_P(StorePhotosTest, APhotoHasExactlyOneOwner) {
    auto both = on_report(3);
    both.stage_change_id = change_;
    auto none = make_photo(project_, user_, 3);
    for (const auto& p : {both, none}) {
        auto e = write_error([&](store::Tx& tx) -> Result<void> {
            auto id = tx.insert_photo(p, "abc", "t");
            if (!id) return id.error();
            return {};
        });
        EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    }
    EXPECT_TRUE(list({PhotoOwnerKind::kReport, report_}).empty());
}

TEST_P(StorePhotosTest, AMissingOwnerIsNamed) {
    auto p = on_report(3);
    p.report_id = report_ + 1000;
    auto e = write_error([&](store::Tx& tx) -> Result<void> {
        auto id = tx.insert_photo(p, "abc", "t");
        if (!id) return id.error();
        return {};
    });
    EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
    ASSERT_FALSE(e.fields.empty());
    EXPECT_EQ(e.fields[0].field, "report_id");
}

TEST_P(StorePhotosTest, ScopedReadsHideOtherZones) {
    const auto id = insert(on_report(3), "abc");
    auto get = [&](const Scope& scope) {
        return read<std::optional<PhotoRecord>>([&](store::Tx& tx) { return tx.get_photo(scope, id); });
    };
    EXPECT_TRUE(get(Scope::zone(w_.xiaodian_zone)));
    EXPECT_TRUE(get(Scope::region(region_code("140100"))));
    EXPECT_FALSE(get(Scope::zone(w_.datong_zone)));
    EXPECT_FALSE(get(Scope::region(region_code("140200"))));
}

TEST_P(StorePhotosTest, DeleteRemovesTheRowAndItsBytes) {
    const auto id = insert(on_report(3), "abc");
    write_void([&](store::Tx& tx) { return tx.delete_photo(id); });
    EXPECT_EQ(bytes_of(id), std::nullopt);
    EXPECT_TRUE(list({PhotoOwnerKind::kReport, report_}).empty());
    auto e = write_error([&](store::Tx& tx) { return tx.delete_photo(id); });
    EXPECT_EQ(e.code, ErrorCode::kNotFound);
}

TEST_P(StorePhotosTest, HistoryRecordsCarryTheirIds) {
    auto got = read<std::optional<domain::StageChange>>([&](store::Tx& tx) { return tx.get_stage_change(project_, change_); });
    ASSERT_TRUE(got);
    EXPECT_EQ(got->id, change_);
    EXPECT_EQ(got->to_status, domain::ProjectStatus::kSuspended);
    EXPECT_FALSE(read<std::optional<domain::StageChange>>(
        [&](store::Tx& tx) { return tx.get_stage_change(project_ + 1000, change_); }));
}

SANPI_STORE_SUITE(StorePhotosTest);

}  // namespace
}  // namespace sanpi::store_test
