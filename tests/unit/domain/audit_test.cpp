#include "domain/audit.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sanpi::domain {
namespace audit_test {

// TEST ONLY: 64-bit FNV-1a as 16 hex digits. Deterministic and sensitive to every byte, which is
// all these tests need; it is not a cryptographic hash and never seals a real log.
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

AuditEntry entry(std::int64_t seq, std::string action, std::vector<FieldChange> changes = {}) {
    AuditEntry e;
    e.seq = seq;
    e.actor_id = 21;
    e.actor_name = "太原经开区管理员";
    e.at = 1'656'000'000 + seq * 60;
    e.action = std::move(action);
    e.entity_type = "project";
    e.entity_id = 7;
    e.changes = std::move(changes);
    return e;
}

// A sealed chain of five entries, as the store would write it.
std::vector<AuditEntry> make_chain() {
    const std::vector<AuditEntry> drafts = {
        entry(1, "session.login"),
        entry(2, "project.create", {{"name", std::nullopt, "煤基新材料项目"}}),
        entry(3, "project.update", {{"stage", "signed", "started"}, {"actual.start", std::nullopt, "2022-06-22"}}),
        entry(4, "report.submit", {{"status", "draft", "submitted"}}),
        entry(5, "report.approve", {{"status", "submitted", "approved"}}),
    };
    std::vector<AuditEntry> chain;
    std::string prev(kGenesisHash);
    for (const auto& d : drafts) {
        chain.push_back(seal(d, prev, kTestHash));
        prev = chain.back().hash;
    }
    return chain;
}

TEST(AuditCanonical, PinsTheFormat) {
    // Stored hashes depend on these exact bytes: if this test has to change, so does the format tag.
    AuditEntry e = entry(3, "project.update", {{"stage", "signed", "started"}, {"tags", std::nullopt, ""}});
    e.actor_name = "张";
    e.prev_hash = "ab";
    e.hash = "ignored";
    EXPECT_EQ(canonical_content(e),
              "14:sanpi.audit.v11:32:213:张10:165600018014:project.update7:project1:72:ab1:2"
              "5:stage6:signed7:started4:tags~0:");
}

TEST(AuditCanonical, CoversEveryFieldButTheHash) {
    const AuditEntry base = make_chain()[2];
    std::vector<AuditEntry> variants(10, base);
    variants[0].seq = 4;
    variants[1].actor_id = 0;
    variants[2].actor_name += "x";
    variants[3].at += 1;
    variants[4].action = "project.delete";
    variants[5].entity_type = "report";
    variants[6].entity_id = 8;
    variants[7].prev_hash = "x" + variants[7].prev_hash;
    variants[8].changes[0].after = "producing";
    variants[9].changes.pop_back();
    for (std::size_t i = 0; i < variants.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_NE(canonical_content(variants[i]), canonical_content(base));
    }
    AuditEntry rehashed = base;
    rehashed.hash = "something else";
    EXPECT_EQ(canonical_content(rehashed), canonical_content(base));
}

TEST(AuditCanonical, NeverLetsTwoDifferentEntriesSerialiseTheSame) {
    // Pairs that plain concatenation or naive separators would confuse.
    auto with = [](auto change) {
        AuditEntry e = entry(1, "a");
        change(e);
        return e;
    };
    const std::vector<AuditEntry> entries = {
        with([](AuditEntry& e) {
            e.action = "ab";
            e.entity_type = "c";
        }),
        with([](AuditEntry& e) {
            e.action = "a";
            e.entity_type = "bc";
        }),
        with([](AuditEntry& e) {
            e.action = "a:1";
            e.entity_type = "";
        }),
        with([](AuditEntry& e) {
            e.action = "a";
            e.entity_type = "1";
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", std::nullopt, "x"}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", "", "x"}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", "~", "x"}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", "x", std::nullopt}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", std::nullopt, std::nullopt}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", "1:x", std::nullopt}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", "1", "x"}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"f", std::nullopt, "x"}, {"g", std::nullopt, std::nullopt}};
        }),
        with([](AuditEntry& e) {
            e.changes = {{"g", std::nullopt, std::nullopt}, {"f", std::nullopt, "x"}};
        }),
        with([](AuditEntry& e) {
            e.seq = 11;
            e.actor_id = 1;
        }),
        with([](AuditEntry& e) {
            e.seq = 1;
            e.actor_id = 11;
        }),
        with([](AuditEntry& e) { e.entity_id = -1; }),
        with([](AuditEntry& e) { e.actor_name = ""; }),
    };
    std::set<std::string> seen;
    for (const auto& e : entries) EXPECT_TRUE(seen.insert(canonical_content(e)).second) << canonical_content(e);
}

TEST(AuditSeal, LinksEachEntryToThePreviousHash) {
    const auto chain = make_chain();
    EXPECT_EQ(chain[0].prev_hash, kGenesisHash);
    EXPECT_EQ(kGenesisHash, std::string(64, '0'));
    for (std::size_t i = 1; i < chain.size(); ++i) EXPECT_EQ(chain[i].prev_hash, chain[i - 1].hash);
    EXPECT_EQ(chain[2].hash, chain_hash(chain[1].hash, canonical_content(chain[2]), kTestHash));
    EXPECT_EQ(chain[2].hash, fnv1a_hex("16:" + chain[1].hash + canonical_content(chain[2])));
}

TEST(AuditVerify, AcceptsAnIntactChainAndAnEmptyOne) {
    const auto result = verify_chain(make_chain(), kTestHash);
    EXPECT_EQ(result.verified, 5);
    EXPECT_EQ(result.broken, std::nullopt);
    const auto empty = verify_chain({}, kTestHash);
    EXPECT_EQ(empty.verified, 0);
    EXPECT_EQ(empty.broken, std::nullopt);
}

struct Tampering {
    std::string name;
    void (*tamper)(std::vector<AuditEntry>&);
    std::int64_t broken_seq;
    ChainFault fault;
    std::int64_t verified;
};

// An attacker with the hash function re-seals what they touch, as a careful one would.
void reseal(AuditEntry& e) { e = seal(e, e.prev_hash, kTestHash); }

TEST(AuditVerify, FindsTheFirstBrokenEntryAfterAnyTampering) {
    const Tampering cases[] = {
        {"edited change", [](auto& c) { c[2].changes[0].after = "producing"; }, 3, ChainFault::kHashMismatch, 2},
        {"edited actor", [](auto& c) { c[3].actor_id = 1; }, 4, ChainFault::kHashMismatch, 3},
        {"edited and resealed",
         [](auto& c) {
             c[2].action = "project.delete";
             reseal(c[2]);
         },
         4, ChainFault::kPrevHashMismatch, 3},
        {"edited hash", [](auto& c) { c[4].hash = std::string(16, 'f'); }, 5, ChainFault::kHashMismatch, 4},
        {"deleted, seq left", [](auto& c) { c.erase(c.begin() + 2); }, 4, ChainFault::kSeqGap, 2},
        {"two deleted", [](auto& c) { c.erase(c.begin() + 1, c.begin() + 3); }, 4, ChainFault::kSeqGap, 1},
        {"deleted, renumbered",
         [](auto& c) {
             c.erase(c.begin() + 2);
             for (std::size_t i = 2; i < c.size(); ++i) c[i].seq -= 1;
         },
         3, ChainFault::kPrevHashMismatch, 2},
        {"inserted, renumbered",
         [](auto& c) {
             AuditEntry forged =
                 seal(entry(3, "project.update", {{"stage", "started", "signed"}}), c[1].hash, kTestHash);
             c.insert(c.begin() + 2, forged);
             for (std::size_t i = 3; i < c.size(); ++i) c[i].seq += 1;
         },
         4, ChainFault::kPrevHashMismatch, 3},
        {"inserted with a repeated seq",
         [](auto& c) { c.insert(c.begin() + 3, seal(entry(3, "report.delete"), c[2].hash, kTestHash)); }, 3,
         ChainFault::kSeqOutOfOrder, 3},
        {"reordered",
         [](auto& c) {
             std::swap(c[1], c[2]);
             std::swap(c[1].seq, c[2].seq);
         },
         2, ChainFault::kPrevHashMismatch, 1},
        {"first edited", [](auto& c) { c[0].actor_name = "省级管理员"; }, 1, ChainFault::kHashMismatch, 0},
        {"first re-linked",
         [](auto& c) {
             c[0].prev_hash = std::string(64, '1');
             reseal(c[0]);
         },
         1, ChainFault::kPrevHashMismatch, 0},
        {"first deleted", [](auto& c) { c.erase(c.begin()); }, 2, ChainFault::kSeqGap, 0},
        {"last edited", [](auto& c) { c[4].at += 3600; }, 5, ChainFault::kHashMismatch, 4},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        auto chain = make_chain();
        c.tamper(chain);
        const auto result = verify_chain(chain, kTestHash);
        ASSERT_TRUE(result.broken);
        EXPECT_EQ(result.broken->seq, c.broken_seq);
        EXPECT_EQ(result.broken->fault, c.fault);
        EXPECT_EQ(result.verified, c.verified);
        EXPECT_NE(result.broken->message.en.find("audit entry " + std::to_string(c.broken_seq)), std::string::npos)
            << result.broken->message.en;
        EXPECT_NE(result.broken->message.zh.find("第" + std::to_string(c.broken_seq) + "条"), std::string::npos);
    }
}

TEST(AuditVerify, SaysWhichEntriesAreMissing) {
    auto chain = make_chain();
    chain.erase(chain.begin() + 1, chain.begin() + 3);
    EXPECT_NE(verify_chain(chain, kTestHash).broken->message.en.find("entries 2 to 3 are missing"), std::string::npos);
    chain = make_chain();
    chain.erase(chain.begin() + 1);
    EXPECT_NE(verify_chain(chain, kTestHash).broken->message.en.find("entry 2 is missing"), std::string::npos);
}

TEST(AuditVerify, WalksInPages) {
    const auto chain = make_chain();
    ChainVerifier verifier(kTestHash);
    for (const auto& e : chain) ASSERT_EQ(verifier.add(e), std::nullopt);
    EXPECT_EQ(verifier.verified(), 5);
    const AuditEntry next = seal(entry(6, "session.logout"), chain.back().hash, kTestHash);
    EXPECT_EQ(verifier.add(next), std::nullopt);
    EXPECT_EQ(verifier.verified(), 6);
}

TEST(AuditDiff, ListsOnlyChangedFieldsInNameOrder) {
    const FieldValues before = {
        {"name", "煤基新材料项目"}, {"stage", "signed"}, {"planned.start", "2022-09-01"},
        {"tags", std::nullopt},     {"zone_id", "3"},
    };
    const FieldValues after = {
        {"name", "煤基新材料项目"}, {"stage", "started"},           {"planned.start", std::nullopt},
        {"tags", std::nullopt},     {"actual.start", "2022-06-22"},
    };
    const std::vector<FieldChange> expected = {
        {"actual.start", std::nullopt, "2022-06-22"},
        {"planned.start", "2022-09-01", std::nullopt},
        {"stage", "signed", "started"},
        {"zone_id", "3", std::nullopt},
    };
    EXPECT_EQ(diff_fields(before, after), expected);
}

TEST(AuditDiff, AnEmptyStringIsAValueAndNothingChangedIsEmpty) {
    EXPECT_EQ(diff_fields({{"note", std::nullopt}}, {{"note", ""}}),
              (std::vector<FieldChange>{{"note", std::nullopt, ""}}));
    const FieldValues same = {{"a", "1"}, {"b", std::nullopt}};
    EXPECT_TRUE(diff_fields(same, same).empty());
    EXPECT_TRUE(diff_fields({}, {}).empty());
    EXPECT_TRUE(diff_fields({{"b", std::nullopt}}, {}).empty());
}

}  // namespace audit_test
}  // namespace sanpi::domain
