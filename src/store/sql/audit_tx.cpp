// The audit log: appending under the chain head's lock, and reading entries back.
#include <algorithm>
#include <utility>

#include "store/sql/audit_changes.hpp"
#include "store/sql/audit_sql.hpp"
#include "store/sql/conditions.hpp"
#include "store/sql/sql_tx.hpp"

namespace sanpi::store::sql {

using namespace audit;
using domain::AuditEntry;
using domain::ChainHead;

namespace {

constexpr std::int64_t kMaxAuditPage = 1000;

AuditEntry read_entry(const Statement& st) {
    Row row(st);
    AuditEntry e;
    e.seq = row.int64();
    e.actor_id = row.int64();
    e.actor_name = row.text();
    e.at = row.int64();
    e.action = row.text();
    e.entity_type = row.text();
    e.entity_id = row.int64();
    e.changes = decode_changes_or_raw(row.text());
    e.prev_hash = row.text();
    e.hash = row.text();
    return e;
}

std::optional<ChainHead> first_head(Statement& q) {
    if (!q.step()) return std::nullopt;
    Row row(q);
    ChainHead head;
    head.seq = row.int64();
    head.hash = row.text();
    return head;
}

std::optional<ChainHead> lock_head(Connection& conn) {
    auto q = conn.prepare(kLockHead);
    return first_head(*q);
}

Conditions audit_filters(const AuditQuery& q) {
    Conditions where;
    if (q.entity_type) where.add("entity_type = ?", *q.entity_type);
    if (q.entity_id) where.add("entity_id = ?", *q.entity_id);
    if (q.project_id) where.add(kOfProject, {*q.project_id, *q.project_id, *q.project_id});
    if (q.actor) where.add("actor_name = ?", *q.actor);
    if (q.action) where.add("action = ?", *q.action);
    if (q.from) where.add("at >= ?", *q.from);
    if (q.to) where.add("at < ?", *q.to);
    if (q.before_seq) where.add("seq < ?", *q.before_seq);
    return where;
}

}  // namespace

// No savepoint, unlike other writes: a failed append fails the whole use case (the contract in
// store.hpp), so there is nothing to carry on with, and each write saves two round trips.
Result<AuditEntry> SqlTx::append_audit(const AuditEntry& entry, const domain::HashFunction& hash_fn) {
    auto sealed = append_audits({entry}, hash_fn);
    if (!sealed) return sealed.error();
    return std::move(sealed->front());
}

Result<std::vector<AuditEntry>> SqlTx::append_audits(const std::vector<AuditEntry>& entries,
                                                     const domain::HashFunction& hash_fn) {
    return guarded([&]() -> Result<std::vector<AuditEntry>> {
        std::vector<AuditEntry> sealed;
        if (entries.empty()) return sealed;
        auto head = lock_head(conn_);
        if (!head) {
            auto create = conn_.prepare(kCreateHead);
            bind_all(*create, domain::kGenesisHash);
            run(*create);
            head = lock_head(conn_);
            if (!head) throw StoreFault("the audit chain head is missing right after it was created");
        }
        sealed.reserve(entries.size());
        for (const auto& entry : entries) {
            AuditEntry next = entry;
            next.seq = head->seq + 1;
            sealed.push_back(domain::seal(std::move(next), head->hash, hash_fn));
            head = ChainHead{sealed.back().seq, sealed.back().hash};
        }
        // Sent with the COMMIT (run_later), so the chain head's lock is held for one round trip less.
        write_rows_later(kInsertEntries, kEntryRow, "", std::span(std::as_const(sealed)),
                         [](Statement& q, int index, const AuditEntry& e) {
                             return bind_from(q, index, e.seq, e.actor_id, e.actor_name, e.at, e.action, e.entity_type,
                                              e.entity_id, encode_changes(e.changes), e.prev_hash, e.hash);
                         });
        auto move = conn_.prepare(kMoveHead);
        bind_all(*move, head->seq, head->hash);
        conn_.run_later(std::move(move));
        return sealed;
    });
}

Result<std::optional<ChainHead>> SqlTx::audit_head() {
    return guarded([&]() -> Result<std::optional<ChainHead>> {
        auto q = conn_.prepare(kSelectHead);
        return first_head(*q);
    });
}

Result<AuditPage> SqlTx::list_audit(const AuditQuery& q) {
    return guarded([&]() -> Result<AuditPage> {
        const auto where = audit_filters(q);
        const std::int64_t limit = std::clamp<std::int64_t>(q.limit, 1, kMaxAuditPage);
        auto rows = conn_.prepare(std::string(kEntrySelect) + where.where() + std::string(kNewestFirst));
        const int next = where.bind(*rows);
        bind_from(*rows, next, limit + 1);  // one more than asked tells whether a next page exists
        AuditPage page;
        while (rows->step()) page.items.push_back(read_entry(*rows));
        if (static_cast<std::int64_t>(page.items.size()) > limit) {
            page.items.pop_back();
            page.next_before = page.items.back().seq;
        }
        return page;
    });
}

Result<std::vector<AuditEntry>> SqlTx::audit_chain_page(std::int64_t after_seq, std::int64_t limit) {
    return guarded([&]() -> Result<std::vector<AuditEntry>> {
        auto q = conn_.prepare(std::string(kEntrySelect) + std::string(kChainPage));
        bind_all(*q, after_seq, std::clamp<std::int64_t>(limit, 1, kMaxAuditPage));
        std::vector<AuditEntry> out;
        while (q->step()) out.push_back(read_entry(*q));
        return out;
    });
}

Result<std::vector<AuditEntry>> SqlTx::audit_entries_after(std::string_view entity_type, Timestamp after) {
    return guarded([&]() -> Result<std::vector<AuditEntry>> {
        auto q = conn_.prepare(std::string(kEntrySelect) + std::string(kOfTypeAfter));
        bind_all(*q, std::string(entity_type), after);
        std::vector<AuditEntry> out;
        while (q->step()) out.push_back(read_entry(*q));
        return out;
    });
}

}  // namespace sanpi::store::sql
