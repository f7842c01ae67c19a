#include "domain/campaign.hpp"

#include "domain/enum_table.hpp"

namespace sanpi::domain {
namespace {

constexpr std::array<detail::EnumEntry<BatchKind>, 3> kBatches{{
    {BatchKind::kSign, "sign", "签约一批"},
    {BatchKind::kStart, "start", "开工一批"},
    {BatchKind::kProduce, "produce", "投产一批"},
}};

constexpr std::array<detail::EnumEntry<EntryStatus>, 3> kEntryStatuses{{
    {EntryStatus::kProposed, "proposed", "待确认"},
    {EntryStatus::kConfirmed, "confirmed", "已确认"},
    {EntryStatus::kWithdrawn, "withdrawn", "已撤回"},
}};

constexpr std::array<detail::EnumEntry<CampaignStatus>, 3> kCampaignStatuses{{
    {CampaignStatus::kPlanning, "planning", "筹备中"},
    {CampaignStatus::kHeld, "held", "已举办"},
    {CampaignStatus::kClosed, "closed", "已结束"},
}};

}  // namespace

std::string_view to_string(BatchKind b) { return detail::entry_of(kBatches, b).name; }
std::optional<BatchKind> batch_kind_from_string(std::string_view s) { return detail::from_name(kBatches, s); }
std::string_view label_zh(BatchKind b) { return detail::entry_of(kBatches, b).label_zh; }
std::string_view to_string(EntryStatus s) { return detail::entry_of(kEntryStatuses, s).name; }
std::optional<EntryStatus> entry_status_from_string(std::string_view s) { return detail::from_name(kEntryStatuses, s); }
std::string_view label_zh(EntryStatus s) { return detail::entry_of(kEntryStatuses, s).label_zh; }
std::string_view to_string(CampaignStatus s) { return detail::entry_of(kCampaignStatuses, s).name; }
std::optional<CampaignStatus> campaign_status_from_string(std::string_view s) {
    return detail::from_name(kCampaignStatuses, s);
}

Stage stage_of(BatchKind b) {
    switch (b) {
        case BatchKind::kSign: return Stage::kSigned;
        case BatchKind::kStart: return Stage::kStarted;
        case BatchKind::kProduce: return Stage::kProducing;
    }
    return Stage::kSigned;
}

std::optional<Stage> prerequisite_of(BatchKind b) {
    switch (b) {
        case BatchKind::kSign: return std::nullopt;
        case BatchKind::kStart: return Stage::kSigned;
        case BatchKind::kProduce: return Stage::kStarted;
    }
    return std::nullopt;
}

}  // namespace sanpi::domain
