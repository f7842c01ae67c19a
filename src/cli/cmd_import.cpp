// import FILE: a project table, a campaign's batch list, monthly reports or coordination items (XLSX
// or CSV) previewed, then committed as a whole unless
// --dry-run. A terminal sees a progress bar and a readable summary; --json prints the preview
// (or what was committed) as JSON on standard output, in the API's shape (http/import_codec.hpp).
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "http/import_codec.hpp"
#include "service/auth_service.hpp"
#include "service/clock.hpp"
#include "service/enterprise_service.hpp"
#include "service/project_import.hpp"
#include "service/project_service.hpp"
#include "store/transact.hpp"

namespace sanpi::cli {
namespace {

namespace json = boost::json;

struct ImportOptions {
    std::string file;
    std::string kind = "projects";
    std::string zone;
    std::int32_t sheet = 1;
    std::int64_t campaign = 0;
    std::string batch;
    std::string user;  // act as this user; none: the province, as the system
    bool dry_run = false;
    bool as_json = false;
};

// The command line acts for the province over every zone of the database, or as the user --user
// names (their role and scope). Monthly reports are filed in a user's name, so they need one.
Result<service::Principal> importer(store::Store& store, const ImportOptions& o) {
    if (o.user.empty()) {
        if (o.kind == "reports") {
            return Error::invalid_field("user", "月报须以某个用户的名义填报：请用 --user 指定用户",
                                        "monthly reports are filed in a user's name: give one with --user");
        }
        service::Principal who;
        who.user.name = "sanpi-import";
        who.user.role = domain::Role::kProvince;
        return who;
    }
    auto user = store::read_value<std::optional<domain::User>>(
        store, [&](store::Tx& tx) { return tx.find_user_by_name(o.user); });
    if (!user) return user.error();
    if (!*user || !(*user)->active) {
        return Error::invalid_field("user", "没有该用户，或该用户已停用：" + o.user, "no such active user: " + o.user);
    }
    return service::AuthService::principal_for(**user);
}

void print_summary(const service::ImportPreview& p, bool committed) {
    const auto n = p.counts();
    std::cout << "文件 / file: " << p.record.file_name << " · 工作表 / sheet: " << p.sheet << "\n"
              << (committed ? "已导入 / imported" : "预览 / preview (nothing written)") << ": 新增 created "
              << n.created << " · 更新 updated " << n.updated << " · 无变化 unchanged " << n.unchanged
              << " · 拒绝 rejected " << n.rejected << " · 重复 repeated " << n.repeated << " · 疑似重复 near-duplicates "
              << p.near_duplicates.size() << "\n";
    if (p.campaign) {
        std::cout << "活动 / campaign: " << p.campaign->name << " (#" << p.campaign->id << ", " << p.campaign->date.iso()
                  << ") · " << domain::label_zh(*p.record.batch) << " / " << domain::to_string(*p.record.batch) << ": "
                  << (committed ? "已登记 entered " : "将登记 to enter ") << n.entered << " · 已在批次中 already entered "
                  << p.already_entered.size() << "\n";
    }
    if (!p.rejected.empty()) std::cout << "拒绝的行 / rejected rows:\n";
    for (const auto& r : p.rejected) {
        std::cout << "  第" << r.row << "行 row " << r.row << (r.column.empty() ? "" : " " + r.column + "列")
                  << (r.value.empty() ? "" : " 「" + r.value + "」") << "：" << r.reason.zh << " / " << r.reason.en
                  << "\n";
    }
    if (!p.repeated.empty()) std::cout << "重复的行 / repeated rows:\n";
    for (const auto& r : p.repeated) {
        std::cout << "  第" << r.row << "行与第" << r.same_as_row << "行重复 / row " << r.row << " repeats row "
                  << r.same_as_row << "\n";
    }
    if (!p.near_duplicates.empty()) std::cout << "疑似重复 / near-duplicates (left out):\n";
    for (const auto& d : p.near_duplicates) {
        std::cout << "  第" << d.row << "行「" << d.name << "」疑似已有项目 #" << d.project_id << "「" << d.project_name
                  << "」，未导入 / looks like project #" << d.project_id << ", left out\n";
    }
    if (!p.total_checks.empty()) std::cout << "合计核对 / total checks:\n";
    for (const auto& t : p.total_checks) {
        std::cout << "  第" << t.row << "行 " << t.label << " " << t.column << "列 " << t.field << "：表中 stated "
                  << t.stated.format(domain::MoneyUnit::kWan) << "，计算 computed "
                  << t.computed.format(domain::MoneyUnit::kWan) << " " << (t.agrees() ? "✓" : "✗ 不一致 differs")
                  << "\n";
    }
    if (committed) std::cout << "导入记录 / import #" << p.record.id << "\n";
}

int run_import(const GlobalOptions& global, const ImportOptions& o) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) return report_error(Error::invalid_field("file", "无法读取文件 " + o.file, "cannot read the file " + o.file));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    service::ImportUpload upload;
    upload.file_name = std::filesystem::path(o.file).filename().string();
    upload.content = bytes.str();
    upload.kind = o.kind;
    upload.sheet = o.sheet - 1;
    if (!o.zone.empty()) upload.zone_code = o.zone;
    if (o.campaign != 0) upload.campaign_id = o.campaign;
    if (!o.batch.empty()) upload.batch = domain::batch_kind_from_string(o.batch);

    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::ProjectService projects(**store, clock);
    service::EnterpriseService enterprises(**store, clock);
    service::ProjectImportService imports(**store, clock, projects, enterprises);
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    if (terminal) {
        imports.on_progress([](std::int64_t rows) { std::cerr << "\r读取中 / reading: " << rows << " 行 rows" << std::flush; });
    }
    auto acting = importer(**store, o);
    if (!acting) return report_error(acting.error());
    const auto& who = *acting;
    if (o.dry_run) {
        auto preview = imports.preview(who, upload);
        if (terminal) std::cerr << "\r\033[K" << std::flush;
        if (!preview) return report_error(preview.error());
        if (o.as_json) {
            std::cout << json::serialize(http::import_preview_json(*preview, http::Lang::kZh)) << "\n";
        } else {
            print_summary(*preview, false);
        }
        return 0;
    }
    // Read and planned once, written in the same transaction: nothing can change in between.
    auto committed = imports.import_now(who, upload);
    if (terminal) std::cerr << "\r\033[K" << std::flush;
    if (!committed) return report_error(committed.error());
    if (o.as_json) {
        std::cout << json::serialize(http::import_preview_json(*committed, http::Lang::kZh)) << "\n";
    } else {
        print_summary(*committed, true);
    }
    return 0;
}

}  // namespace

void add_import_command(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto options = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand("import", "Import a spreadsheet (XLSX or CSV) / 导入表格");
    cmd->add_option("file", options->file, "The XLSX or CSV file")->required();
    cmd->add_option("--kind", options->kind,
                    "What the table holds: projects, entries (a campaign's batch list), reports (monthly progress) "
                    "or coordination (coordination items)")
        ->check(CLI::IsMember({"projects", "entries", "reports", "coordination"}))
        ->capture_default_str();
    cmd->add_option("--campaign", options->campaign, "The campaign a batch list is for (its id)")->check(CLI::PositiveNumber);
    cmd->add_option("--batch", options->batch, "The batch a batch list is for: sign, start or produce")
        ->check(CLI::IsMember({"sign", "start", "produce"}));
    cmd->add_option("--zone", options->zone, "Zone code for rows that name no zone");
    cmd->add_option("--user", options->user,
                    "Act as this user (their role and scope; required for reports); default: the province");
    cmd->add_option("--sheet", options->sheet, "Sheet number, from 1")->check(CLI::PositiveNumber)->capture_default_str();
    cmd->add_flag("--dry-run", options->dry_run, "Preview only: nothing but the import's record is written");
    cmd->add_flag("--json", options->as_json, "Print the preview as JSON on standard output");
    cmd->callback([&action, &global, options] { action = [&global, options] { return run_import(global, *options); }; });
}

}  // namespace sanpi::cli
