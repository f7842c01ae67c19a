#pragma once
// Shared by the dump, copy and backup tests: a realistic populated store (the demo plus rows that
// exercise every table, NULLs and every escaped character), checksums, and scratch files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "service/clock.hpp"
#include "service/demo.hpp"
#include "store/builders.hpp"
#include "store/checksum.hpp"
#include "store/store_fixture.hpp"
#include "support/demo_store.hpp"

namespace sanpi::store_test {

// Every character the dump escapes, a value that looks like the NULL marker, and non-ASCII text.
inline constexpr std::string_view kAwkwardText = "tab\there, line\nbreak, cr\rhere, back\\slash, \\N, 山西\\t";

// A scratch path in the temporary directory, removed (with SQLite side files) at scope end.
class ScratchFile {
public:
    explicit ScratchFile(std::string_view stem) {
        static std::atomic<int> counter{0};
        path_ = (std::filesystem::temp_directory_path() /
                 ("sanpi-" + std::string(stem) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                    .string();
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    ~ScratchFile() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::vector<store::TableChecksum> checksums(store::Store& s) { return must(store::table_checksums(s)); }

// Rows besides those every migrated database starts with (m0017's default warning rules, version 1).
inline std::int64_t total_rows(store::Store& s) {
    std::int64_t n = 0;
    for (const auto& t : checksums(s)) n += t.table == "warning_rules" ? std::max<std::int64_t>(t.rows - 1, 0) : t.rows;
    return n;
}

// Every byte value, NULs first, and the dump's escape characters: what a photo's bytes may hold.
inline std::string awkward_bytes() {
    std::string out(3, '\0');
    for (int i = 0; i < 256; ++i) out += static_cast<char>(i);
    return out + std::string(kAwkwardText) + std::string(2, '\0');
}

inline store::PhotoRecord make_photo(std::int64_t project_id, std::int64_t user_id, std::size_t size) {
    store::PhotoRecord p;
    p.project_id = project_id;
    p.content_type = "image/png";
    p.width = 640;
    p.height = 480;
    p.size = static_cast<std::int64_t>(size);
    p.digest = std::string(64, 'a');
    p.created_by = user_id;
    p.created_at = 1705276800;
    return p;
}

// A photo on a demo report and one on the project's latest history record (made by the system).
inline Result<void> add_photos(store::Tx& tx, std::int64_t project_id, std::int64_t user_id) {
    store::ReportQuery q;
    q.limit = 1;
    auto reports = tx.list_progress_reports(domain::Scope::all(), q);
    if (!reports) return reports.error();
    if (reports->items.empty()) return Error::internal("no demo report", "no demo report");
    const auto& report = reports->items.front().record.report;
    const auto bytes = awkward_bytes();
    auto on_report = make_photo(report.project_id, user_id, bytes.size());
    on_report.report_id = report.id;
    if (auto id = tx.insert_photo(on_report, bytes, "thumb\0"); !id) return id.error();
    auto history = tx.list_stage_changes(project_id);
    if (!history) return history.error();
    auto evidence = make_photo(project_id, 0, bytes.size());
    evidence.stage_change_id = history->back().id;
    evidence.content_type = "image/jpeg";
    if (auto id = tx.insert_photo(evidence, bytes, std::string(1, '\0')); !id) return id.error();
    return {};
}

// The demo (about a thousand projects) plus a stage change, an API token, a session and a log-in
// failure count, so every data table has rows, with awkward text and NULLs in them.
// `db` is replaced by a new store of backend `b`.
inline void populate(std::unique_ptr<testing::TestStore>& db, testing::Backend b) {
    service::FixedClock clock{1705276800};
    db = testing::make_demo_store(b, clock).db;
    must(db->store->write([&](store::Tx& tx) -> Result<void> {
        const auto zone = tx.insert_zone(make_zone("DUMP-ZONE", "140100"));
        if (!zone) return zone.error();
        const auto investor = tx.insert_enterprise(make_enterprise(std::string(kAwkwardText), 987654));
        if (!investor) return investor.error();
        auto project = make_project("DUMP-P1", *zone, {*investor});
        project.construction_content = std::string(kAwkwardText);
        project.responsible_unit = "";
        const auto id = tx.insert_project(project);
        if (!id) return id.error();
        auto user = tx.find_user_by_name("province");
        if (!user || !*user) return Error::internal("no demo user", "no demo user province");
        domain::StageChange change{*id,
                                   domain::Stage::kSigned,
                                   domain::Stage::kStarted,
                                   domain::ProjectStatus::kActive,
                                   domain::ProjectStatus::kActive,
                                   std::nullopt,
                                   true,
                                   std::string(kAwkwardText)};
        if (auto ok = tx.insert_stage_change(change, (**user).id, 1705276800); !ok) return ok;
        if (auto ok = add_photos(tx, *id, (**user).id); !ok) return ok;
        // An import whose file is awkward bytes (NUL, invalid UTF-8), one by the command line (no user).
        store::ImportRecord upload;
        upload.kind = "projects";
        upload.file_name = std::string(kAwkwardText);
        upload.checksum = std::string(64, 'a');
        const auto bytes = awkward_bytes();
        upload.byte_size = static_cast<std::int64_t>(bytes.size());
        upload.zone_id = *zone;
        upload.created_by = (**user).id;
        upload.created_at = 1705276800;
        if (auto ok = tx.insert_import(upload, bytes); !ok) return ok.error();
        upload.zone_id.reset();
        upload.created_by = 0;
        if (auto ok = tx.insert_import(upload, bytes); !ok) return ok.error();
        if (auto ok = tx.insert_api_token({"ab12", (**user).id, "\\N", 1705276800, "ab12-id", 1705363200}); !ok) return ok;
        // A second version of the warning rules (by a user) and a swept day, beside the demo's lights.
        store::WarningRulesRecord rules{domain::WarningRules{}, (**user).id, "province", 1705276800};
        rules.rules.version = 2;
        rules.rules.start_overdue_red_days = 60;
        if (auto ok = tx.insert_warning_rules(rules); !ok) return ok;
        if (auto ok = tx.claim_sweep(domain::Date::from_ymd(2024, 1, 15).value(), 1705276800); !ok) return ok.error();
        // A version of the escalation ladder, and two notices (one by the ladder: no issuer, awkward
        // text) with history rows, one of them by the system.
        store::EscalationLadderRecord ladder{domain::EscalationLadder{}, (**user).id, "province", 1705276800};
        ladder.ladder.version = 2;
        ladder.ladder.yellow_streak_days = 45;
        if (auto ok = tx.insert_escalation_ladder(ladder); !ok) return ok;
        // A second version of the ranking weights (m0019).
        store::RankingWeightsRecord weights{domain::RankingWeights::defaults(), (**user).id, "province", 1705276800};
        weights.weights.version = 2;
        weights.weights.weights = {40, 10, 10, 10, 10, 10, 5, 5};
        if (auto ok = tx.insert_ranking_weights(weights); !ok) return ok;
        domain::Notice notice;
        notice.project_id = *id;
        notice.zone_id = *zone;
        notice.problem = std::string(kAwkwardText);
        notice.action_requested = "整改";
        notice.deadline = domain::Date::from_ymd(2024, 2, 1).value();
        notice.issued_by = (**user).id;
        const auto notice_id = tx.insert_notice(notice, 1705276800);
        if (!notice_id) return notice_id.error();
        store::NoticeEvent event{0, *notice_id, domain::NoticeStep::kIssue, (**user).id, "", 1705276800,
                                 std::string(kAwkwardText), notice.deadline, domain::NoticeLevel::kCity};
        if (auto ok = tx.insert_notice_event(event); !ok) return ok;
        notice.target = domain::NoticeTarget::kZone;
        notice.project_id.reset();
        notice.issued_by.reset();
        notice.level = domain::NoticeLevel::kProvince;
        notice.ladder_step = domain::LadderStep::kRed;
        notice.ladder_since = domain::Date::from_ymd(2024, 1, 15).value();
        const auto ladder_id = tx.insert_notice(notice, 1705276800);
        if (!ladder_id) return ladder_id.error();
        event = {0, *ladder_id, domain::NoticeStep::kEscalate, std::nullopt, "", 1705276801, std::nullopt,
                 std::nullopt, domain::NoticeLevel::kProvince};
        if (auto ok = tx.insert_notice_event(event); !ok) return ok;
        // A chain with awkward text whose first node was moved under a later one (a parent with a
        // larger id, which a load in id order meets after its child).
        const auto chain = tx.insert_chain({0, std::string(kAwkwardText), "new_energy", std::string(kAwkwardText), 1});
        if (!chain) return chain.error();
        domain::ChainNode child{0, *chain, std::nullopt, std::string(kAwkwardText), domain::ChainSegment::kUpstream, 1};
        const auto child_id = tx.insert_chain_node(child);
        if (!child_id) return child_id.error();
        const domain::ChainNode parent{0, *chain, std::nullopt, "后建的上级", domain::ChainSegment::kUpstream, 2};
        const auto parent_id = tx.insert_chain_node(parent);
        if (!parent_id) return parent_id.error();
        child.id = *child_id;
        child.parent_id = *parent_id;
        if (auto ok = tx.update_chain_node(child); !ok) return ok;
        if (auto ok = tx.map_chain_enterprise(*child_id, *investor); !ok) return ok.error();
        // A zone that registered the investor (m0023), so the dump carries enterprise_zones too.
        if (auto ok = tx.link_enterprise_zone(*investor, *zone); !ok) return ok.error();
        if (auto ok = tx.insert_session({"cd34", (**user).id, "csrf\ttoken", 1705280000, 1705276800}); !ok) return ok;
        // A failed log-in's count (m0024).
        return tx.put_login_failures({"ef56", 6, 1705276800, 1705276802});
    }));
}

// Same tables, same row counts, same digests.
inline void expect_same_tables(const std::vector<store::TableChecksum>& actual,
                               const std::vector<store::TableChecksum>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(actual[i].table, expected[i].table);
        EXPECT_EQ(actual[i].rows, expected[i].rows) << expected[i].table;
        EXPECT_EQ(actual[i].digest, expected[i].digest) << expected[i].table;
    }
}

inline void expect_every_table_has_rows(const std::vector<store::TableChecksum>& sums) {
    for (const auto& t : sums) EXPECT_GT(t.rows, 0) << t.table;
}

}  // namespace sanpi::store_test
