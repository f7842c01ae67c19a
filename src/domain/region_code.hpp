#pragma once
// GB/T 2260 administrative division code: six digits, PPCCDD.
#include <compare>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::domain {

enum class RegionLevel { kProvince, kCity, kCounty };

class RegionCode {
public:
    // Six ASCII (or full-width) digits; the province part must be 11..82 and a county code
    // cannot have city part 00. Errors name `field`.
    static Result<RegionCode> parse(std::string_view text, std::string_view field = "region_code");

    const std::string& str() const { return code_; }
    RegionLevel level() const;
    RegionCode parent() const;                         // the province's parent is itself
    bool contains(const RegionCode& other) const;      // a region contains itself
    std::string scope_prefix() const;                  // "14" / "1401" / "140105": codes inside start with it
    RegionCode province() const;
    RegionCode city() const;                           // for a province code: itself

    friend auto operator<=>(const RegionCode&, const RegionCode&) = default;

private:
    explicit RegionCode(std::string code) : code_(std::move(code)) {}
    std::string code_;
};

}  // namespace sanpi::domain
