// The text form of audit_log.changes: exact round trips, and hand-edited text recognised.
#include "store/sql/audit_changes.hpp"

#include <gtest/gtest.h>

namespace sanpi::store::sql {
namespace {

using domain::FieldChange;

TEST(AuditChangesText, EncodesEachItemWithItsLength) {
    EXPECT_EQ(encode_changes({}), "");
    EXPECT_EQ(encode_changes({{"stage", "signed", "started"}}), "5:stage6:signed7:started");
    EXPECT_EQ(encode_changes({{"planned.start", std::nullopt, "2022-06-22"}}), "13:planned.start~10:2022-06-22");
    EXPECT_EQ(encode_changes({{"name", "", std::nullopt}}), "4:name0:~");
    EXPECT_EQ(encode_changes({{"name", "山西", "晋"}}), "4:name6:山西3:晋") << "lengths count bytes";
}

TEST(AuditChangesText, RoundTripsAnyBytes) {
    const std::vector<std::vector<FieldChange>> cases = {
        {},
        {{"a", std::nullopt, std::nullopt}},
        {{"x:y", "~", "1:"}, {"", "", ""}},
        {{"text", "line\nbreak\ttab", "12:34:56"}, {"more", "0", "00"}},
    };
    for (const auto& changes : cases) {
        auto decoded = decode_changes(encode_changes(changes));
        ASSERT_TRUE(decoded) << encode_changes(changes);
        EXPECT_EQ(*decoded, changes) << encode_changes(changes);
    }
}

TEST(AuditChangesText, RefusesTextNotInTheForm) {
    for (std::string_view bad : {"5:stage", "5:stage6:signed", "x:abc~~", "9:short~~", "05:stage~~", "-1:a~~", "~~~",
                                 "5stage~~", "5:stage~~extra"}) {
        EXPECT_FALSE(decode_changes(bad)) << bad;
    }
}

TEST(AuditChangesText, UnreadableTextIsShownRawUnderAMarkedField) {
    auto changes = decode_changes_or_raw("tampered");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].field, "!unreadable");
    EXPECT_EQ(changes[0].after, "tampered");
}

}  // namespace
}  // namespace sanpi::store::sql
