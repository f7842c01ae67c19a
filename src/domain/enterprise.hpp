#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/credit_code.hpp"

namespace sanpi::domain {

enum class Ownership { kState, kPrivate, kForeign, kMixed, kOther };
enum class ChainRole { kNone, kChainOwner, kCore, kSupporting };  // 链主 / 核心 / 配套

std::string_view to_string(Ownership o);
std::optional<Ownership> ownership_from_string(std::string_view s);
std::string_view to_string(ChainRole r);
std::optional<ChainRole> chain_role_from_string(std::string_view s);

struct Enterprise {
    std::int64_t id = 0;
    std::string name;
    CreditCode credit_code;
    Ownership ownership = Ownership::kPrivate;
    ChainRole chain_role = ChainRole::kNone;
    bool synthetic = false;
};

}  // namespace sanpi::domain
