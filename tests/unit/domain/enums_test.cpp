// The stable names of the domain's enums are stored in databases and sent as JSON: they must
// round-trip and must not change by accident.
#include <gtest/gtest.h>

#include "domain/campaign.hpp"
#include "domain/enterprise.hpp"
#include "domain/stage.hpp"
#include "domain/user.hpp"
#include "domain/zone.hpp"

namespace sanpi::domain {
namespace enums_test {

TEST(StageNames, RoundTripAndLabels) {
    const std::pair<Stage, std::string_view> names[] = {
        {Stage::kReserve, "reserve"},     {Stage::kSigned, "signed"},          {Stage::kStarted, "started"},
        {Stage::kProducing, "producing"}, {Stage::kAtCapacity, "at_capacity"},
    };
    for (const auto& [stage, name] : names) {
        EXPECT_EQ(to_string(stage), name);
        EXPECT_EQ(stage_from_string(name), stage);
    }
    EXPECT_EQ(label_zh(Stage::kReserve), "储备");
    EXPECT_EQ(label_zh(Stage::kSigned), "签约");
    EXPECT_EQ(label_zh(Stage::kStarted), "开工");
    EXPECT_EQ(label_zh(Stage::kProducing), "投产");
    EXPECT_EQ(label_zh(Stage::kAtCapacity), "达产达效");
    EXPECT_EQ(stage_from_string("Signed"), std::nullopt);
    EXPECT_EQ(stage_from_string(""), std::nullopt);
    EXPECT_LT(Stage::kSigned, Stage::kStarted);
}

TEST(ProjectStatusNames, RoundTripAndLabels) {
    const std::pair<ProjectStatus, std::string_view> names[] = {
        {ProjectStatus::kActive, "active"},
        {ProjectStatus::kSuspended, "suspended"},
        {ProjectStatus::kCancelled, "cancelled"},
    };
    for (const auto& [status, name] : names) {
        EXPECT_EQ(to_string(status), name);
        EXPECT_EQ(project_status_from_string(name), status);
    }
    EXPECT_EQ(label_zh(ProjectStatus::kActive), "正常");
    EXPECT_EQ(label_zh(ProjectStatus::kSuspended), "停缓建");
    EXPECT_EQ(label_zh(ProjectStatus::kCancelled), "终止");
    EXPECT_EQ(project_status_from_string("canceled"), std::nullopt);
}

TEST(BatchKindNames, RoundTripAndLabels) {
    const std::pair<BatchKind, std::string_view> names[] = {
        {BatchKind::kSign, "sign"}, {BatchKind::kStart, "start"}, {BatchKind::kProduce, "produce"}};
    for (const auto& [batch, name] : names) {
        EXPECT_EQ(to_string(batch), name);
        EXPECT_EQ(batch_kind_from_string(name), batch);
    }
    EXPECT_EQ(label_zh(BatchKind::kSign), "签约一批");
    EXPECT_EQ(label_zh(BatchKind::kStart), "开工一批");
    EXPECT_EQ(label_zh(BatchKind::kProduce), "投产一批");
    EXPECT_EQ(batch_kind_from_string("production"), std::nullopt);
}

TEST(ZoneLevelNames, RoundTripAndLabels) {
    const std::pair<ZoneLevel, std::string_view> names[] = {
        {ZoneLevel::kNationalEtdz, "national_etdz"},
        {ZoneLevel::kNationalHighTech, "national_high_tech"},
        {ZoneLevel::kProvincial, "provincial"},
        {ZoneLevel::kReformDemonstration, "reform_demonstration"},
    };
    for (const auto& [level, name] : names) {
        EXPECT_EQ(to_string(level), name);
        EXPECT_EQ(zone_level_from_string(name), level);
        EXPECT_FALSE(label_zh(level).empty());
    }
    EXPECT_EQ(label_zh(ZoneLevel::kNationalEtdz), "国家级经济技术开发区");
    EXPECT_EQ(zone_level_from_string("national"), std::nullopt);
}

TEST(EnterpriseNames, RoundTrip) {
    const std::pair<Ownership, std::string_view> ownerships[] = {
        {Ownership::kState, "state"}, {Ownership::kPrivate, "private"}, {Ownership::kForeign, "foreign"},
        {Ownership::kMixed, "mixed"}, {Ownership::kOther, "other"},
    };
    for (const auto& [o, name] : ownerships) {
        EXPECT_EQ(to_string(o), name);
        EXPECT_EQ(ownership_from_string(name), o);
    }
    const std::pair<ChainRole, std::string_view> roles[] = {
        {ChainRole::kNone, "none"},
        {ChainRole::kChainOwner, "chain_owner"},
        {ChainRole::kCore, "core"},
        {ChainRole::kSupporting, "supporting"},
    };
    for (const auto& [r, name] : roles) {
        EXPECT_EQ(to_string(r), name);
        EXPECT_EQ(chain_role_from_string(name), r);
    }
    EXPECT_EQ(ownership_from_string("State"), std::nullopt);
    EXPECT_EQ(chain_role_from_string("owner"), std::nullopt);
}

TEST(RoleNames, RoundTrip) {
    const std::pair<Role, std::string_view> roles[] = {
        {Role::kProvince, "province"},     {Role::kCity, "city"},     {Role::kZone, "zone"},
        {Role::kSupervisor, "supervisor"}, {Role::kViewer, "viewer"},
    };
    for (const auto& [r, name] : roles) {
        EXPECT_EQ(to_string(r), name);
        EXPECT_EQ(role_from_string(name), r);
    }
    EXPECT_EQ(role_from_string("admin"), std::nullopt);
}

}  // namespace enums_test
}  // namespace sanpi::domain
