#pragma once
// The audit log: one entry per write, each sealed with a hash over the previous entry's hash and
// its own canonical content, so that editing, inserting, deleting or reordering entries directly
// in the table breaks the chain where it happened. The domain has no crypto library: the hash
// function is injected (the service passes BLAKE2b-256 as lowercase hex).
//
// The chain is unkeyed: it proves the log was not altered by someone who did not also recompute
// every later hash, and deleting entries at the end leaves no trace in the chain itself; keeping
// the latest hash somewhere else (a printed report, another system) closes both gaps.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace sanpi::domain {

using HashFunction = std::function<std::string(std::string_view)>;

// The prev_hash of entry 1: 64 zeros (the width of a BLAKE2b-256 hex digest).
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

struct FieldChange {
    std::string field;                  // e.g. "stage", "planned.start", "investment_completed"
    std::optional<std::string> before;  // none: the field had no value (or the entity did not exist)
    std::optional<std::string> after;   // none: the field has no value now (or the entity was deleted)
    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

struct AuditEntry {
    std::int64_t seq = 0;       // 1-based and dense: a gap means entries were deleted
    std::int64_t actor_id = 0;  // user id; 0 is the system itself
    std::string actor_name;
    std::int64_t at = 0;      // Unix seconds, UTC
    std::string action;       // "project.update", "report.approve", "session.login" ...
    std::string entity_type;  // "project", "report", "coordination_item", "user" ...
    std::int64_t entity_id = 0;
    std::vector<FieldChange> changes;
    std::string prev_hash;
    std::string hash;
};

// Every field except `hash`, as bytes no other entry can produce. Format "sanpi.audit.v1": a
// sequence of items, each either "<byte length in decimal>:<bytes>" or "~" for an absent optional,
// in this fixed order: the tag "sanpi.audit.v1", seq, actor_id, actor_name, at, action,
// entity_type, entity_id, prev_hash, the number of changes, then for each change its field, before
// and after. Integers are plain decimal ("-" only for negatives, no leading zeros). Since every
// item announces its own end and the order and count are fixed, the bytes decode to exactly one
// entry. Changing this format invalidates every stored hash: add a new tag instead.
std::string canonical_content(const AuditEntry& entry);

// hash_fn("<length>:<prev_hash>" followed by the canonical content).
std::string chain_hash(std::string_view prev_hash, std::string_view canonical, const HashFunction& hash_fn);

// Sets prev_hash and hash; everything else must already be final.
AuditEntry seal(AuditEntry entry, std::string_view prev_hash, const HashFunction& hash_fn);

enum class ChainFault {
    kSeqGap,            // a seq is skipped: entries were deleted
    kSeqOutOfOrder,     // a seq repeats or goes back: entries were inserted or reordered
    kPrevHashMismatch,  // the link to the previous entry is broken: inserted, deleted or reordered
    kHashMismatch,      // the content does not match its hash: the entry was edited
};

struct ChainBreak {
    std::int64_t seq = 0;  // of the first entry found broken
    ChainFault fault = ChainFault::kHashMismatch;
    Text message;
};

// Walks a chain one entry at a time (in seq order), so a long log can be read in pages.
class ChainVerifier {
public:
    explicit ChainVerifier(HashFunction hash_fn) : hash_fn_(std::move(hash_fn)) {}
    // The break this entry reveals, if any; after a break the verifier should not be fed further.
    std::optional<ChainBreak> add(const AuditEntry& entry);
    std::int64_t verified() const { return verified_; }
    // The last entry found intact (0 and the genesis hash before any).
    std::int64_t last_seq() const { return last_seq_; }
    const std::string& last_hash() const { return last_hash_; }

private:
    HashFunction hash_fn_;
    std::string last_hash_{kGenesisHash};
    std::int64_t last_seq_ = 0;
    std::int64_t verified_ = 0;
};

struct ChainVerification {
    std::int64_t verified = 0;         // entries found intact before the first break
    std::optional<ChainBreak> broken;  // none: the whole chain is intact
};

ChainVerification verify_chain(const std::vector<AuditEntry>& entries_in_seq_order, const HashFunction& hash_fn);

// Field name -> value as text; a missing name and an absent value both mean "no value".
using FieldValues = std::map<std::string, std::optional<std::string>>;

// The fields whose value differs, in field-name order.
std::vector<FieldChange> diff_fields(const FieldValues& before, const FieldValues& after);

}  // namespace sanpi::domain
