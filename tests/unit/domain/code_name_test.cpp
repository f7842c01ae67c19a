#include "domain/code_name.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain_builders.hpp"

namespace sanpi::domain {
namespace code_name_test {

using testing::field_names;
using testing::make_project;

constexpr std::int64_t kZone = 3;
constexpr std::string_view kZoneRegion = "140105";  // a county of Taiyuan (140100), Shanxi (140000)

Scope region(std::string_view code) { return Scope::region(RegionCode::parse(code).value()); }

struct Viewer {
    std::string name;
    Role role;
    Scope scope;
    bool sees_reserve_name;  // what a reserve project with a code name shows this viewer
};

const Viewer kViewers[] = {
    {"zone user of the zone", Role::kZone, Scope::zone(kZone), true},
    {"zone user of another zone", Role::kZone, Scope::zone(kZone + 1), false},
    {"zone user without a zone", Role::kZone, Scope::zone(0), false},
    {"city of the zone", Role::kCity, region("140100"), false},
    {"county of the zone, as a city account", Role::kCity, region("140105"), false},
    {"another city", Role::kCity, region("140200"), false},
    {"the province", Role::kProvince, region("140000"), true},
    {"a province account without a region", Role::kProvince, Scope::all(), true},
    {"another province", Role::kProvince, region("370000"), false},
    {"a province account scoped to another city", Role::kProvince, region("140200"), false},
    {"a province account scoped to the zone's city", Role::kProvince, region("140100"), true},
    {"a province account scoped to a zone", Role::kProvince, Scope::zone(kZone), false},
    {"supervisor of the province", Role::kSupervisor, region("140000"), false},
    {"supervisor without a region", Role::kSupervisor, Scope::all(), false},
    {"viewer of the province", Role::kViewer, region("140000"), false},
    {"viewer without a region", Role::kViewer, Scope::all(), false},
    {"city account seeing everything", Role::kCity, Scope::all(), false},
};

constexpr Stage kStages[] = {Stage::kReserve, Stage::kSigned, Stage::kStarted, Stage::kProducing, Stage::kAtCapacity};

TEST(ShownName, EveryViewerEveryStageWithAndWithoutACodeName) {
    for (const auto& v : kViewers) {
        for (const Stage stage : kStages) {
            for (const std::string_view code_name : {std::string_view("A-07"), std::string_view()}) {
                SCOPED_TRACE(v.name + " / " + std::string(to_string(stage)) + " / code name '" +
                             std::string(code_name) + "'");
                const bool hidden = stage == Stage::kReserve && !code_name.empty() && !v.sees_reserve_name;
                const CodeNameSubject subject{kZone, kZoneRegion, stage, code_name};
                EXPECT_EQ(shown_name(subject, v.role, v.scope), hidden ? ShownName::kCodeName : ShownName::kName);
            }
        }
    }
}

TEST(ShownName, FollowsTheUsersOwnScope) {
    User zone_user{1, "z", Role::kZone, std::nullopt, kZone, "", true, 0, {}, false};
    User province{2, "p", Role::kProvince, RegionCode::parse("140000").value(), std::nullopt, "", true, 0, {}, false};
    User city{3, "c", Role::kCity, RegionCode::parse("140100").value(), std::nullopt, "", true, 0, {}, false};
    const CodeNameSubject subject{kZone, kZoneRegion, Stage::kReserve, "A-07"};
    EXPECT_EQ(shown_name(subject, zone_user.role, zone_user.scope()), ShownName::kName);
    EXPECT_EQ(shown_name(subject, province.role, province.scope()), ShownName::kName);
    EXPECT_EQ(shown_name(subject, city.role, city.scope()), ShownName::kCodeName);
}

TEST(DisplayedName, PicksTheNameOrTheCodeName) {
    ProjectView view{make_project(), "太原中关村", std::string(kZoneRegion), "140100", {}, {}, std::nullopt};
    view.project.zone_id = kZone;
    view.project.stage = Stage::kReserve;
    view.project.code_name = "A-07";
    EXPECT_EQ(displayed_name(view, Role::kCity, region("140100")), "A-07");
    EXPECT_EQ(displayed_name(view, Role::kZone, Scope::zone(kZone)), view.project.name);
    view.project.stage = Stage::kSigned;
    EXPECT_EQ(displayed_name(view, Role::kCity, region("140100")), view.project.name);
    view.project.stage = Stage::kReserve;
    view.project.code_name.clear();
    EXPECT_EQ(displayed_name(view, Role::kViewer, Scope::all()), view.project.name);
}

TEST(ValidateCodeName, AcceptsNoneAndReasonableNames) {
    EXPECT_TRUE(validate_code_name("", "年产10万吨煤基新材料项目").empty());
    EXPECT_TRUE(validate_code_name("A-07", "年产10万吨煤基新材料项目").empty());
    EXPECT_TRUE(validate_code_name(std::string(50, 'x'), "项目").empty());
    std::string fifty;
    for (int i = 0; i < 50; ++i) fifty += "甲";
    EXPECT_TRUE(validate_code_name(fifty, "项目").empty());
}

// A project inside the viewer's scope: its zone for a zone scope, a region under the prefix else.
CodeNameSubject inside(const Scope& scope, const std::string& region_storage) {
    const std::int64_t zone = scope.kind == Scope::Kind::kZone ? scope.zone_id : kZone;
    return CodeNameSubject{zone, region_storage, Stage::kReserve, "A-07"};
}

TEST(SeesEveryName, AgreesWithShownNameForEveryProjectInTheScope) {
    for (const auto& v : kViewers) {
        SCOPED_TRACE(v.name);
        std::string region = v.scope.kind == Scope::Kind::kRegion ? v.scope.region_prefix : std::string("1401");
        region.resize(6, '0');
        const auto shown = shown_name(inside(v.scope, region), v.role, v.scope);
        EXPECT_EQ(sees_every_name(v.role, v.scope), shown == ShownName::kName);
    }
}

struct RejectCase {
    std::string name;
    std::string code_name;
    std::string zh;
};

TEST(ValidateCodeName, NamesEachProblem) {
    std::string fifty_one;
    for (int i = 0; i < 51; ++i) fifty_one += "甲";
    const RejectCase cases[] = {
        {"blank", " \u3000 ", "只有空格"},
        {"too long", fifty_one, "不能超过50个字"},
        {"bad UTF-8", "A\xFF", "无效字符"},
        {"the name itself", "年产10万吨煤基新材料项目", "不能与项目名称相同"},
        {"the name with spaces", " 年产10万吨煤基新材料项目 ", "不能与项目名称相同"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto errors = validate_code_name(c.code_name, "年产10万吨煤基新材料项目", "rows[1].code_name");
        ASSERT_EQ(field_names(errors), std::vector<std::string>{"rows[1].code_name"});
        EXPECT_NE(errors[0].message.zh.find(c.zh), std::string::npos) << errors[0].message.zh;
        EXPECT_FALSE(errors[0].message.en.empty());
    }
}

}  // namespace code_name_test
}  // namespace sanpi::domain
