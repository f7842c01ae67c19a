// The dump's field escaping and the table checksum's encoding, as tables of cases.
#include "store/dump_escape.hpp"

#include <gtest/gtest.h>

#include "store/checksum.hpp"

namespace sanpi::store {
namespace {

struct EscapeCase {
    DumpValue value;
    std::string field;
};

TEST(DumpEscape, WritesCopyTextFieldsAndReadsThemBack) {
    const std::vector<EscapeCase> cases = {
        {DumpValue{}, "\\N"},     {"", ""},
        {"\\N", "\\\\N"},         {"a\tb", "a\\tb"},
        {"a\nb\rc", "a\\nb\\rc"}, {"back\\slash", "back\\\\slash"},
        {"\\t", "\\\\t"},         {"山西 太原", "山西 太原"},
    };
    for (const auto& c : cases) {
        std::string line;
        append_field(line, c.value);
        EXPECT_EQ(line, c.field);
        std::vector<DumpValue> fields;
        ASSERT_TRUE(parse_fields(line + "\t" + line, fields)) << line;
        ASSERT_EQ(fields.size(), 2u);
        EXPECT_EQ(fields[0], c.value) << line;
        EXPECT_EQ(fields[1], c.value) << line;
    }
}

TEST(DumpEscape, SplitsAtTabsKeepingEmptyFields) {
    std::vector<DumpValue> fields;
    ASSERT_TRUE(parse_fields("\t\\N\t", fields));
    ASSERT_EQ(fields.size(), 3u);
    EXPECT_EQ(fields[0], DumpValue(""));
    EXPECT_EQ(fields[1], DumpValue());
    EXPECT_EQ(fields[2], DumpValue(""));
}

TEST(DumpEscape, RefusesEscapesTheWriterNeverWrites) {
    for (const std::string line : {"a\\q", "trailing\\", "\\x41", "\\Nx", "x\\N", "\\b"}) {
        std::vector<DumpValue> fields;
        auto r = parse_fields(line, fields);
        ASSERT_FALSE(r) << line;
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    }
}

TEST(Blake2b, MatchesTheKnownEmptyDigest) {
    Blake2b hash;
    // BLAKE2b-256 of the empty input.
    EXPECT_EQ(hash.hex_digest(), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(Blake2b, StreamingEqualsOneShot) {
    Blake2b whole;
    whole.update("SANPI-DUMP 1\nschema 1\n");
    Blake2b parts;
    parts.update("SANPI-DUMP 1\n");
    parts.update("schema 1\n");
    EXPECT_EQ(parts.hex_digest(), whole.hex_digest());
}

}  // namespace
}  // namespace sanpi::store
