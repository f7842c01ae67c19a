#include "domain/audit_check.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sanpi::domain {
namespace audit_check_test {

// TEST ONLY: 64-bit FNV-1a as hex; sensitive to every byte, not a cryptographic hash.
std::string fnv1a_hex(std::string_view bytes) {
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

const HashFunction kTestHash = fnv1a_hex;

AuditEntry draft(std::int64_t seq) {
    AuditEntry e;
    e.seq = seq;
    e.actor_id = 3;
    e.actor_name = "province";
    e.at = 1'656'000'000 + seq;
    e.action = "project.update";
    e.entity_type = "project";
    e.entity_id = 40 + seq;
    e.changes = {{"expected_jobs", std::to_string(seq), std::to_string(seq + 1)}};
    return e;
}

std::vector<AuditEntry> chain_of(std::int64_t n) {
    std::vector<AuditEntry> out;
    std::string prev(kGenesisHash);
    for (std::int64_t s = 1; s <= n; ++s) {
        out.push_back(seal(draft(s), prev, kTestHash));
        prev = out.back().hash;
    }
    return out;
}

ChainHead head_of(const std::vector<AuditEntry>& chain) { return {chain.back().seq, chain.back().hash}; }

// The first finding of the whole check, as `sanpi audit verify` reports it.
std::optional<ChainFinding> check(const std::vector<AuditEntry>& entries, std::optional<ChainHead> head,
                                  std::int64_t* verified = nullptr) {
    AuditChainCheck c(kTestHash, std::move(head));
    std::optional<ChainFinding> found;
    for (const auto& e : entries) {
        if ((found = c.add(e))) break;
    }
    if (!found) found = c.finish();
    if (verified) *verified = c.verified();
    return found;
}

TEST(AuditChainCheck, AnIntactChainWithItsHeadPasses) {
    auto chain = chain_of(6);
    std::int64_t verified = 0;
    EXPECT_FALSE(check(chain, head_of(chain), &verified));
    EXPECT_EQ(verified, 6);
}

TEST(AuditChainCheck, AnEmptyLogWithoutAHeadPasses) {
    std::int64_t verified = -1;
    EXPECT_FALSE(check({}, std::nullopt, &verified));
    EXPECT_EQ(verified, 0);
}

TEST(AuditChainCheck, AnEditedEntryIsNamed) {
    auto chain = chain_of(6);
    const auto head = head_of(chain);
    chain[2].changes[0].after = "9999";
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 3);
    EXPECT_EQ(found->kind, TamperKind::kEdited);
    EXPECT_NE(found->message.en.find("audit entry 3"), std::string::npos) << found->message.en;
}

TEST(AuditChainCheck, AnEditedLinkIsAnEdit) {
    auto chain = chain_of(4);
    const auto head = head_of(chain);
    chain[1].prev_hash = std::string(kGenesisHash);
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 2);
    EXPECT_EQ(found->kind, TamperKind::kEdited);
}

TEST(AuditChainCheck, AMiddleDeletionNamesTheMissingEntry) {
    auto chain = chain_of(6);
    const auto head = head_of(chain);
    chain.erase(chain.begin() + 3);  // seq 4
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 4);
    EXPECT_EQ(found->kind, TamperKind::kDeleted);
    EXPECT_NE(found->message.en.find("entry 4 is missing"), std::string::npos) << found->message.en;
}

TEST(AuditChainCheck, ADeletedTailIsFoundThroughTheHead) {
    auto chain = chain_of(6);
    const auto head = head_of(chain);
    chain.pop_back();
    chain.pop_back();
    std::int64_t verified = 0;
    auto found = check(chain, head, &verified);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 5);
    EXPECT_EQ(found->kind, TamperKind::kTailTruncated);
    EXPECT_NE(found->message.en.find("entries 5 to 6 are missing"), std::string::npos) << found->message.en;
    EXPECT_NE(found->message.zh.find("第5至6条"), std::string::npos) << found->message.zh;
    EXPECT_EQ(verified, 4);
}

TEST(AuditChainCheck, EverythingDeletedButTheHeadIsATruncatedTail) {
    auto chain = chain_of(2);
    auto found = check({}, head_of(chain));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 1);
    EXPECT_EQ(found->kind, TamperKind::kTailTruncated);
}

TEST(AuditChainCheck, AnEntryPastTheHeadIsInsertedEvenWithAValidHash) {
    auto chain = chain_of(5);
    const auto head = head_of(chain);
    chain.push_back(seal(draft(6), chain.back().hash, kTestHash));  // a forger who knows the format
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 6);
    EXPECT_EQ(found->kind, TamperKind::kInserted);
}

TEST(AuditChainCheck, AnEntryBeforeTheFirstIsInserted) {
    auto chain = chain_of(3);
    const auto head = head_of(chain);
    chain.insert(chain.begin(), seal(draft(0), kGenesisHash, kTestHash));
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 0);
    EXPECT_EQ(found->kind, TamperKind::kInserted);
}

TEST(AuditChainCheck, AResealedEntryThatDoesNotLinkIsReordered) {
    auto chain = chain_of(5);
    const auto head = head_of(chain);
    // Entry 3 replaced by one sealed against another chain's entry 2: its own hash holds.
    chain[2] = seal(draft(3), "feedfacefeedface", kTestHash);
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 3);
    EXPECT_EQ(found->kind, TamperKind::kReordered);
}

TEST(AuditChainCheck, AReplacedLastEntryDiffersFromTheHead) {
    auto chain = chain_of(4);
    const auto head = head_of(chain);
    auto forged = draft(4);
    forged.actor_name = "mallory";
    chain[3] = seal(forged, chain[2].hash, kTestHash);  // resealed, so the chain alone holds
    auto found = check(chain, head);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->seq, 4);
    EXPECT_EQ(found->kind, TamperKind::kEdited);
}

TEST(AuditChainCheck, EntriesWithoutAHeadMeanTheHeadWasDeleted) {
    auto found = check(chain_of(2), std::nullopt);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->kind, TamperKind::kDeleted);
    EXPECT_NE(found->message.en.find("audit_head"), std::string::npos);
}

TEST(AuditChainCheck, KindsHaveStableNamesAndBothLanguages) {
    EXPECT_EQ(to_string(TamperKind::kTailTruncated), "tail_truncated");
    EXPECT_EQ(label_en(TamperKind::kTailTruncated), "tail truncated");
    EXPECT_EQ(label_zh(TamperKind::kEdited), "已被修改");
    EXPECT_EQ(to_string(TamperKind::kReordered), "reordered");
    EXPECT_EQ(label_en(TamperKind::kDeleted), "deleted");
}

}  // namespace audit_check_test
}  // namespace sanpi::domain
