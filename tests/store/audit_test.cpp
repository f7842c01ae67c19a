// The audit log in the store, on both backends: appending under the chain head, reading back
// exactly what was sealed, filters and keyset pages, rollback, and concurrent appends.
#include <atomic>
#include <thread>

#include "domain/audit_check.hpp"
#include "store/store_fixture.hpp"

namespace sanpi::store_test {
namespace {

using domain::AuditEntry;
using domain::FieldChange;

// TEST ONLY: 64-bit FNV-1a as hex, standing in for the service's BLAKE2b.
std::string test_hash(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kDigits[h & 0xf];
    return out;
}

const domain::HashFunction kHash = test_hash;

AuditEntry draft(std::string action, std::string entity_type, std::int64_t entity_id, std::string actor = "province",
                 store::Timestamp at = 1705276800, std::vector<FieldChange> changes = {}) {
    AuditEntry e;
    e.actor_id = 7;
    e.actor_name = std::move(actor);
    e.at = at;
    e.action = std::move(action);
    e.entity_type = std::move(entity_type);
    e.entity_id = entity_id;
    e.changes = std::move(changes);
    return e;
}

class StoreAuditTest : public StoreTest {
protected:
    AuditEntry append(const AuditEntry& e) {
        return write<AuditEntry>([&](store::Tx& tx) { return tx.append_audit(e, kHash); });
    }
    std::optional<domain::ChainHead> head() {
        return read<std::optional<domain::ChainHead>>([](store::Tx& tx) { return tx.audit_head(); });
    }
    store::AuditPage list(const store::AuditQuery& q) {
        return read<store::AuditPage>([&](store::Tx& tx) { return tx.list_audit(q); });
    }
    std::vector<AuditEntry> chain() {
        return read<std::vector<AuditEntry>>([](store::Tx& tx) { return tx.audit_chain_page(0, 1000); });
    }
};

std::vector<std::int64_t> seqs(const std::vector<AuditEntry>& entries) {
    std::vector<std::int64_t> out;
    for (const auto& e : entries) out.push_back(e.seq);
    return out;
}

TEST_P(StoreAuditTest, AppendsNumberFromOneAndMoveTheHead) {
    EXPECT_FALSE(head()) << "the head is created by the first append, not by the migration";
    const auto first = append(draft("project.create", "project", 1));
    EXPECT_EQ(first.seq, 1);
    EXPECT_EQ(first.prev_hash, domain::kGenesisHash);
    EXPECT_EQ(first.hash, domain::chain_hash(first.prev_hash, domain::canonical_content(first), kHash));
    const auto second = append(draft("project.update", "project", 1));
    const auto third = append(draft("session.login", "user", 7));
    EXPECT_EQ(second.seq, 2);
    EXPECT_EQ(second.prev_hash, first.hash);
    EXPECT_EQ(third.seq, 3);
    EXPECT_EQ(third.prev_hash, second.hash);
    EXPECT_EQ(head(), (domain::ChainHead{3, third.hash}));
    const auto stored = chain();
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[2].hash, third.hash);
    EXPECT_FALSE(domain::verify_chain(stored, kHash).broken);
}

TEST_P(StoreAuditTest, StoredChangesReproduceTheSealedEntryByteForByte) {
    const std::vector<FieldChange> awkward = {
        {"name", std::nullopt, "煤基新材料项目"},
        {"construction_content", "", "tab\there, line\nbreak, cr\rhere, back\\slash, \\N, 山西"},
        {"tags", "3:abc~", "~"},
        {"weird:field~", "12:", std::nullopt},
        {"zero", "0", "00"},
    };
    const auto sealed = append(draft("project.update", "project", 9, "taiyuan-zgq", 1705276801, awkward));
    const auto stored = chain();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].changes, awkward);
    EXPECT_EQ(domain::canonical_content(stored[0]), domain::canonical_content(sealed));
    EXPECT_EQ(stored[0].hash, sealed.hash);
    EXPECT_EQ(stored[0].actor_name, "taiyuan-zgq");
    EXPECT_EQ(stored[0].at, 1705276801);
    EXPECT_FALSE(domain::verify_chain(stored, kHash).broken);
}

TEST_P(StoreAuditTest, AnAppendInARolledBackWriteLeavesNothing) {
    append(draft("project.create", "project", 1));
    const auto before = head();
    auto error = write_error([&](store::Tx& tx) -> Result<void> {
        if (auto r = tx.append_audit(draft("project.update", "project", 1), kHash); !r) return r.error();
        return Error::conflict("refused", "refused");
    });
    EXPECT_EQ(error.code, ErrorCode::kConflict);
    EXPECT_EQ(head(), before);
    EXPECT_EQ(chain().size(), 1u);
    EXPECT_EQ(append(draft("project.update", "project", 1)).seq, 2) << "the refused entry's number is reused";
}

TEST_P(StoreAuditTest, ListsNewestFirstByFilterInKeysetPages) {
    append(draft("project.create", "project", 1, "province", 1000));
    append(draft("project.update", "project", 1, "taiyuan-zgq", 2000));
    append(draft("project.update", "project", 2, "taiyuan-zgq", 3000));
    append(draft("session.login", "user", 7, "province", 4000));
    append(draft("project.transition", "project", 1, "province", 5000));

    EXPECT_EQ(seqs(list({}).items), (std::vector<std::int64_t>{5, 4, 3, 2, 1}));
    store::AuditQuery q;
    q.entity_type = "project";
    q.entity_id = 1;
    EXPECT_EQ(seqs(list(q).items), (std::vector<std::int64_t>{5, 2, 1}));
    q = {};
    q.actor = "taiyuan-zgq";
    EXPECT_EQ(seqs(list(q).items), (std::vector<std::int64_t>{3, 2}));
    q = {};
    q.action = "project.update";
    EXPECT_EQ(seqs(list(q).items), (std::vector<std::int64_t>{3, 2}));
    q = {};
    q.from = 2000;
    q.to = 4000;
    EXPECT_EQ(seqs(list(q).items), (std::vector<std::int64_t>{3, 2})) << "from inclusive, to exclusive";
    q = {};
    q.entity_type = "report";
    EXPECT_TRUE(list(q).items.empty());

    q = {};
    q.limit = 2;
    auto page = list(q);
    EXPECT_EQ(seqs(page.items), (std::vector<std::int64_t>{5, 4}));
    ASSERT_TRUE(page.next_before);
    q.before_seq = page.next_before;
    page = list(q);
    EXPECT_EQ(seqs(page.items), (std::vector<std::int64_t>{3, 2}));
    q.before_seq = page.next_before;
    page = list(q);
    EXPECT_EQ(seqs(page.items), (std::vector<std::int64_t>{1}));
    EXPECT_FALSE(page.next_before) << "the last page says so";
}

TEST_P(StoreAuditTest, ChainPagesReadInSeqOrderFromAnyPoint) {
    for (int i = 0; i < 7; ++i) append(draft("project.update", "project", i));
    auto page = read<std::vector<AuditEntry>>([](store::Tx& tx) { return tx.audit_chain_page(3, 2); });
    EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{4, 5}));
    page = read<std::vector<AuditEntry>>([](store::Tx& tx) { return tx.audit_chain_page(6, 10); });
    EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{7}));
}

// Writers on separate connections take turns on the head: one dense chain, whatever the backend.
TEST_P(StoreAuditTest, ConcurrentWritersKeepOneChain) {
    constexpr int kThreads = 4;
    constexpr int kAppendsPerThread = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kAppendsPerThread; ++i) {
                auto r = store().write([&](store::Tx& tx) -> Result<void> {
                    auto e = tx.append_audit(draft("project.update", "project", t * 1000 + i), kHash);
                    if (!e) return e.error();
                    return {};
                });
                if (!r) ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    const auto stored = chain();
    ASSERT_EQ(stored.size(), static_cast<std::size_t>(kThreads * kAppendsPerThread));
    domain::AuditChainCheck check(kHash, head());
    for (const auto& e : stored) {
        auto found = check.add(e);
        ASSERT_FALSE(found) << found->message.en;
    }
    EXPECT_FALSE(check.finish());
    EXPECT_EQ(check.verified(), kThreads * kAppendsPerThread);
}

SANPI_STORE_SUITE(StoreAuditTest);

}  // namespace
}  // namespace sanpi::store_test
