// A damaged or hand-edited dump is refused with the line that is wrong, and the target is left
// exactly as it was: the import is one transaction, so rows read before the problem vanish too.
#include <algorithm>
#include <functional>

#include "store/dump_file.hpp"
#include "store/dump_fixture.hpp"

namespace sanpi::store_test {
namespace {

struct Edit {
    std::string text;
    long line = 0;  // the line the reader must name
};

long line_of(const std::string& text, std::size_t pos) {
    return 1 + std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n');
}

long line_count(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// Replaces the first `from` with `to`; the edit's line is where `from` was.
Edit replace(const std::string& text, std::string_view from, std::string_view to) {
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << "fixture lacks " << from;
    if (pos == std::string::npos) return {text, 0};
    std::string out = text;
    out.replace(pos, from.size(), to);
    return {out, line_of(text, pos)};
}

// Recomputes the checksum line, as someone editing the file by hand with care would.
std::string reseal(const std::string& text) {
    const auto body = text.substr(0, text.rfind("checksum "));
    store::Blake2b hash;
    hash.update(body);
    return body + "checksum " + hash.hex_digest() + "\n";
}

struct Corruption {
    std::string name;
    std::function<Edit(const std::string&)> edit;
    bool resealed;  // checksum recomputed, so the specific check (not the checksum) must catch it
};

std::vector<Corruption> corruptions() {
    return {
        {"flipped byte",
         [](auto& t) {
             return Edit{replace(t, "Xiaodian", "Xiaodiam").text, line_count(t)};
         },
         false},
        {"truncated mid-row",
         [](auto& t) {
             auto cut = t.find("Xiaodian");
             return Edit{t.substr(0, cut), line_of(t, cut)};
         },
         false},
        {"checksum line missing",
         [](auto& t) {
             auto cut = t.rfind("checksum ");
             return Edit{t.substr(0, cut), line_count(t) - 1};
         },
         false},
        {"text after checksum",
         [](auto& t) {
             return Edit{t + "more\n", line_count(t) + 1};
         },
         false},
        {"wrong header", [](auto& t) { return replace(t, "SANPI-DUMP 1", "SANPI-DUMP 9"); }, true},
        {"wrong schema number", [](auto& t) { return replace(t, "schema ", "schema 9"); }, true},
        {"unknown table", [](auto& t) { return replace(t, "table industries ", "table industrees "); }, true},
        {"repeated table", [](auto& t) { return replace(t, "table industries ", "table regions "); }, true},
        {"unknown column",
         [](auto& t) { return replace(t, "table zones id code name ", "table zones id code nickname "); }, true},
        {"bad escape", [](auto& t) { return replace(t, "\tXiaodian", "\tXiao\\qdian"); }, true},
        {"wrong column count", [](auto& t) { return replace(t, "\tXiaodian\t", "\t"); }, true},
        {"wrong end count", [](auto& t) { return replace(t, "end 4\n", "end 5\n"); }, true},
        {"not a number in an integer column",
         [](auto& t) { return replace(t, "\tcoal_chemical (en)\t1\n", "\tcoal_chemical (en)\tone\n"); }, true},
    };
}

class DumpCorruptionTest : public StoreTest {};

TEST_P(DumpCorruptionTest, EveryCorruptionIsInvalidInputNamingTheLineAndWritesNothing) {
    seed();
    ScratchFile dump("dump");
    must(store::write_dump(store(), dump.path()));
    const std::string original = read_file(dump.path());

    for (const auto& c : corruptions()) {
        SCOPED_TRACE(c.name);
        Edit edit = c.edit(original);
        ASSERT_GT(edit.line, 0);
        ScratchFile bad("bad-dump");
        write_file(bad.path(), c.resealed ? reseal(edit.text) : edit.text);

        auto target = testing::make_test_store(GetParam());
        auto r = target->store->import_data([&](store::RowSink& sink) { return store::read_dump(bad.path(), sink); });
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << r.error().message.en;
        EXPECT_NE(r.error().message.en.find("line " + std::to_string(edit.line) + ":"), std::string::npos)
            << r.error().message.en;
        EXPECT_EQ(total_rows(*target->store), 0);
    }
}

SANPI_STORE_SUITE(DumpCorruptionTest);

}  // namespace
}  // namespace sanpi::store_test
