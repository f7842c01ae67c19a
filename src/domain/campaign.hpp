#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"

namespace sanpi::domain {

enum class BatchKind { kSign, kStart, kProduce };  // 签约一批 / 开工一批 / 投产一批

std::string_view to_string(BatchKind b);           // "sign", "start", "produce"
std::optional<BatchKind> batch_kind_from_string(std::string_view s);
std::string_view label_zh(BatchKind b);

struct Venue {
    std::string name;
    std::string region_code;   // city of a branch venue; province for the main venue
    bool main = false;
};

struct Campaign {
    std::int64_t id = 0;
    std::string name;
    Date date = Date::from_days(0);
    std::vector<Venue> venues;
    std::int64_t version = 0;
};

// A project entered into a batch of a campaign. (project, batch) is unique across all campaigns.
struct CampaignEntry {
    std::int64_t campaign_id = 0;
    std::int64_t project_id = 0;
    BatchKind batch = BatchKind::kSign;
};

struct BatchSummary {
    BatchKind batch = BatchKind::kSign;
    std::int64_t projects = 0;
    Money total_investment;
};

struct CampaignSummary {
    Campaign campaign;
    std::vector<BatchSummary> batches;   // always sign, start, produce in that order
};

}  // namespace sanpi::domain
