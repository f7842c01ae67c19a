#include "domain/campaign.hpp"

#include "domain/enum_table.hpp"

namespace sanpi::domain {
namespace {

constexpr std::array<detail::EnumEntry<BatchKind>, 3> kBatches{{
    {BatchKind::kSign, "sign", "签约一批"},
    {BatchKind::kStart, "start", "开工一批"},
    {BatchKind::kProduce, "produce", "投产一批"},
}};

constexpr std::array<detail::EnumEntry<EntryStatus>, 1> kEntryStatuses{{
    {EntryStatus::kConfirmed, "confirmed", "已确认"},
}};

}  // namespace

std::string_view to_string(BatchKind b) { return detail::entry_of(kBatches, b).name; }
std::optional<BatchKind> batch_kind_from_string(std::string_view s) { return detail::from_name(kBatches, s); }
std::string_view label_zh(BatchKind b) { return detail::entry_of(kBatches, b).label_zh; }
std::string_view to_string(EntryStatus s) { return detail::entry_of(kEntryStatuses, s).name; }

}  // namespace sanpi::domain
