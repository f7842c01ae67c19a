// audit verify: walks the hash-chained audit log and names the first entry tampered with.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "service/audit_service.hpp"

namespace sanpi::cli {

namespace {

// Distinct from 1 (could not check) and 2 (bad input): the check ran and found the log altered.
constexpr int kChainBroken = 3;

int verify_audit_log(const GlobalOptions& global) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::AuditService audit(**store);
    auto result = audit.verify();
    if (!result) return report_error(result.error());
    const std::string count = std::to_string(result->verified);
    if (!result->broken) {
        std::cout << "审计链完整：已核验 " << count << " 条记录 / audit chain intact: " << count << " entries verified\n";
        return 0;
    }
    const auto& b = *result->broken;
    const std::string seq = std::to_string(b.seq);
    std::cout << "审计链已损坏：第 " << seq << " 条记录" << domain::label_zh(b.kind) << "。" << b.message.zh << "\n"
              << "audit chain broken at entry " << seq << " (" << domain::label_en(b.kind) << "): " << b.message.en
              << "\n"
              << "此前已核验 " << count << " 条记录 / " << count << " entries verified before it\n";
    return kChainBroken;
}

}  // namespace

void add_audit_commands(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* audit = app.add_subcommand("audit", "Audit log / 审计日志");
    audit->require_subcommand(1);
    auto* cmd = audit->add_subcommand(
        "verify",
        "Check the audit log's hash chain; exit 0 when intact, 3 naming the first entry edited, inserted, deleted "
        "or reordered / 核验审计日志的哈希链");
    cmd->callback([&action, &global] { action = [&global] { return verify_audit_log(global); }; });
}

}  // namespace sanpi::cli
