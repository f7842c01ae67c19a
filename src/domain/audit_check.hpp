#pragma once
// Checking a stored audit log as a whole: the chain itself (ChainVerifier) plus the chain head,
// the one-row record of the last entry that every append updates in the same transaction. The
// head is what reveals a deleted tail, which leaves no trace in the chain, and an entry added
// at the end without going through the log. Each finding names the entry and what was done to
// it, in the words an auditor uses: edited, inserted, deleted, reordered, tail truncated.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/audit.hpp"
#include "domain/error.hpp"

namespace sanpi::domain {

// The last entry as the log recorded it when appending.
struct ChainHead {
    std::int64_t seq = 0;
    std::string hash;
    friend bool operator==(const ChainHead&, const ChainHead&) = default;
};

enum class TamperKind {
    kEdited,         // an entry's content no longer matches its hash
    kInserted,       // an entry the log never appended (beyond the head, or before entry 1)
    kDeleted,        // entries missing from the middle, or the head itself
    kReordered,      // a self-consistent entry that does not link to the one before it
    kTailTruncated,  // entries missing at the end: the head names a later entry
};

std::string_view to_string(TamperKind k);  // "edited", "inserted", "deleted", "reordered", "tail_truncated"
std::string_view label_zh(TamperKind k);   // 已被修改, 被插入, 已被删除, 顺序被调换, 末尾被截断
std::string_view label_en(TamperKind k);   // edited, inserted, deleted, reordered, tail truncated

struct ChainFinding {
    std::int64_t seq = 0;  // the entry concerned: for deletions, the first missing one
    TamperKind kind = TamperKind::kEdited;
    Text message;
};

// Fed the stored entries in seq order, page by page, then finish() once. After a finding the
// check should not be fed further.
class AuditChainCheck {
public:
    // `head`: none when the log never recorded one (then the log must be empty).
    AuditChainCheck(HashFunction hash_fn, std::optional<ChainHead> head);

    std::optional<ChainFinding> add(const AuditEntry& entry);
    // After the last entry: the head must name the last entry seen.
    std::optional<ChainFinding> finish() const;
    std::int64_t verified() const { return verifier_.verified(); }

private:
    ChainFinding classify(const ChainBreak& broken, const AuditEntry& entry) const;

    HashFunction hash_fn_;
    std::optional<ChainHead> head_;
    ChainVerifier verifier_;
};

}  // namespace sanpi::domain
