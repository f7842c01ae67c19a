#include "domain/audit_check.hpp"

#include <array>

namespace sanpi::domain {
namespace {

struct TamperKindNames {
    TamperKind kind;
    std::string_view name;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array<TamperKindNames, 5> kTamperKinds{{
    {TamperKind::kEdited, "edited", "已被修改", "edited"},
    {TamperKind::kInserted, "inserted", "被插入", "inserted"},
    {TamperKind::kDeleted, "deleted", "已被删除", "deleted"},
    {TamperKind::kReordered, "reordered", "顺序被调换", "reordered"},
    {TamperKind::kTailTruncated, "tail_truncated", "末尾被截断", "tail truncated"},
}};

const TamperKindNames& names_of(TamperKind k) {
    for (const auto& n : kTamperKinds) {
        if (n.kind == k) return n;
    }
    return kTamperKinds[0];
}

ChainFinding finding(std::int64_t seq, TamperKind kind, const std::string& zh, const std::string& en) {
    const std::string n = std::to_string(seq);
    return {seq, kind, {"第" + n + "条审计记录：" + zh, "audit entry " + n + ": " + en}};
}

std::string range_zh(std::int64_t first, std::int64_t last) {
    return first == last ? "第" + std::to_string(first) + "条"
                         : "第" + std::to_string(first) + "至" + std::to_string(last) + "条";
}

std::string range_en(std::int64_t first, std::int64_t last) {
    return first == last ? "entry " + std::to_string(first) + " is"
                         : "entries " + std::to_string(first) + " to " + std::to_string(last) + " are";
}

ChainFinding head_missing(std::int64_t seq) {
    return finding(seq, TamperKind::kDeleted, "链头记录（audit_head）缺失，无法确认日志末尾是否完整（已被删除）",
                   "the chain head (audit_head) is missing, so the end of the log cannot be confirmed (deleted)");
}

}  // namespace

std::string_view to_string(TamperKind k) { return names_of(k).name; }
std::string_view label_zh(TamperKind k) { return names_of(k).zh; }
std::string_view label_en(TamperKind k) { return names_of(k).en; }

AuditChainCheck::AuditChainCheck(HashFunction hash_fn, std::optional<ChainHead> head)
    : hash_fn_(hash_fn), head_(std::move(head)), verifier_(std::move(hash_fn)) {}

std::optional<ChainFinding> AuditChainCheck::add(const AuditEntry& entry) {
    if (!head_) return head_missing(entry.seq);
    // Checked before the chain: an entry past the head was never appended by the system, whether
    // or not whoever added it also computed a plausible hash.
    if (entry.seq > head_->seq) {
        const std::string last = std::to_string(head_->seq);
        return finding(entry.seq, TamperKind::kInserted, "日志只追加到第" + last + "条，此条不是由系统追加的（被插入）",
                       "the log appended entries only up to " + last + "; this one was not appended by the system "
                       "(inserted)");
    }
    if (auto broken = verifier_.add(entry)) return classify(*broken, entry);
    return std::nullopt;
}

ChainFinding AuditChainCheck::classify(const ChainBreak& broken, const AuditEntry& entry) const {
    switch (broken.fault) {
        case ChainFault::kSeqGap:
            return {verifier_.last_seq() + 1, TamperKind::kDeleted, broken.message};
        case ChainFault::kSeqOutOfOrder:
            return {entry.seq, TamperKind::kInserted, broken.message};
        case ChainFault::kPrevHashMismatch: {
            // An entry whose own hash still matches was sealed as it stands, only elsewhere in
            // some chain: moved or slipped in. One that matches nothing had its link edited.
            const bool sealed = entry.hash == chain_hash(entry.prev_hash, canonical_content(entry), hash_fn_);
            return {entry.seq, sealed ? TamperKind::kReordered : TamperKind::kEdited, broken.message};
        }
        case ChainFault::kHashMismatch:
            break;
    }
    return {entry.seq, TamperKind::kEdited, broken.message};
}

std::optional<ChainFinding> AuditChainCheck::finish() const {
    if (!head_) {
        if (verifier_.verified() == 0) return std::nullopt;
        return head_missing(verifier_.last_seq());
    }
    const std::int64_t last = verifier_.last_seq();
    if (last < head_->seq) {
        return finding(last + 1, TamperKind::kTailTruncated,
                       "日志已追加到第" + std::to_string(head_->seq) + "条，" + range_zh(last + 1, head_->seq) +
                           "记录缺失（末尾被删除）",
                       "the log appended entries up to " + std::to_string(head_->seq) + " but " +
                           range_en(last + 1, head_->seq) + " missing (the end was deleted)");
    }
    if (verifier_.last_hash() != head_->hash) {
        return finding(last, TamperKind::kEdited, "与日志记录的最后一条不符（记录被替换）",
                       "it differs from the last entry the log recorded (replaced)");
    }
    return std::nullopt;
}

}  // namespace sanpi::domain
