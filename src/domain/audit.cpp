#include "domain/audit.hpp"

#include <string>

namespace sanpi::domain {
namespace {

constexpr std::string_view kFormatTag = "sanpi.audit.v1";

void put(std::string& out, std::string_view bytes) {
    out += std::to_string(bytes.size());
    out += ':';
    out += bytes;
}

void put(std::string& out, std::int64_t n) { put(out, std::to_string(n)); }

void put(std::string& out, const std::optional<std::string>& value) {
    if (value) {
        put(out, std::string_view(*value));
    } else {
        out += '~';
    }
}

ChainBreak broken(std::int64_t seq, ChainFault fault, std::string zh, std::string en) {
    const std::string n = std::to_string(seq);
    return ChainBreak{seq, fault, {"第" + n + "条审计记录：" + zh, "audit entry " + n + ": " + en}};
}

}  // namespace

std::string canonical_content(const AuditEntry& e) {
    std::string out;
    put(out, kFormatTag);
    put(out, e.seq);
    put(out, e.actor_id);
    put(out, std::string_view(e.actor_name));
    put(out, e.at);
    put(out, std::string_view(e.action));
    put(out, std::string_view(e.entity_type));
    put(out, e.entity_id);
    put(out, std::string_view(e.prev_hash));
    put(out, static_cast<std::int64_t>(e.changes.size()));
    for (const auto& c : e.changes) {
        put(out, std::string_view(c.field));
        put(out, c.before);
        put(out, c.after);
    }
    return out;
}

std::string chain_hash(std::string_view prev_hash, std::string_view canonical, const HashFunction& hash_fn) {
    std::string input;
    put(input, prev_hash);
    input += canonical;
    return hash_fn(input);
}

AuditEntry seal(AuditEntry entry, std::string_view prev_hash, const HashFunction& hash_fn) {
    entry.prev_hash = std::string(prev_hash);
    entry.hash = chain_hash(entry.prev_hash, canonical_content(entry), hash_fn);
    return entry;
}

std::optional<ChainBreak> ChainVerifier::add(const AuditEntry& e) {
    const std::int64_t expected = last_seq_ + 1;
    if (e.seq > expected) {
        const std::string first = std::to_string(expected), last = std::to_string(e.seq - 1);
        const bool one = expected == e.seq - 1;
        return broken(
            e.seq, ChainFault::kSeqGap, "缺少第" + (one ? first : first + "至" + last) + "条记录（已被删除）",
            (one ? "entry " + first + " is" : "entries " + first + " to " + last + " are") + " missing (deleted)");
    }
    if (e.seq < expected) {
        return broken(e.seq, ChainFault::kSeqOutOfOrder, "序号重复或倒退（记录被插入或调换顺序）",
                      "its seq repeats or goes back (entries were inserted or reordered)");
    }
    if (e.prev_hash != last_hash_) {
        return broken(e.seq, ChainFault::kPrevHashMismatch, "与上一条记录的链接断开（记录被插入、删除或调换顺序）",
                      "its link to the previous entry is broken (entries were inserted, deleted or reordered)");
    }
    if (e.hash != chain_hash(e.prev_hash, canonical_content(e), hash_fn_)) {
        return broken(e.seq, ChainFault::kHashMismatch, "内容与哈希值不符（记录被修改）",
                      "its content does not match its hash (the entry was edited)");
    }
    last_seq_ = e.seq;
    last_hash_ = e.hash;
    ++verified_;
    return std::nullopt;
}

ChainVerification verify_chain(const std::vector<AuditEntry>& entries_in_seq_order, const HashFunction& hash_fn) {
    ChainVerifier verifier(hash_fn);
    for (const auto& e : entries_in_seq_order) {
        if (auto fault = verifier.add(e)) return {verifier.verified(), std::move(fault)};
    }
    return {verifier.verified(), std::nullopt};
}

// Both maps are ordered by field name, so one walk through the two in step gives the changes in
// that order (an import's commit makes one per new project, a few dozen fields each).
std::vector<FieldChange> diff_fields(const FieldValues& before, const FieldValues& after) {
    std::vector<FieldChange> out;
    out.reserve(after.size());
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            if (b->second) out.push_back({b->first, b->second, std::nullopt});  // gone
            ++b;
        } else if (b == before.end() || a->first < b->first) {
            if (a->second) out.push_back({a->first, std::nullopt, a->second});  // new
            ++a;
        } else {
            if (b->second != a->second) out.push_back({a->first, b->second, a->second});
            ++a;
            ++b;
        }
    }
    return out;
}

}  // namespace sanpi::domain
