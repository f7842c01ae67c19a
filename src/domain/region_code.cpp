#include "domain/region_code.hpp"

#include <algorithm>
#include <array>

#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

// Province-level prefixes of GB/T 2260, including Taiwan (71), Hong Kong (81) and Macao (82).
constexpr std::array<std::string_view, 34> kProvinces{
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
    "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
};

}  // namespace

Result<RegionCode> RegionCode::parse(std::string_view text, std::string_view field) {
    std::string code = normalize_input(text);
    const bool six_digits =
        code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!six_digits) {
        return Error::invalid_field(field, "行政区划代码应为6位数字，如 140100",
                                    "region code must be six digits, e.g. 140100");
    }
    const std::string_view view = code;
    if (std::find(kProvinces.begin(), kProvinces.end(), view.substr(0, 2)) == kProvinces.end()) {
        return Error::invalid_field(field, "行政区划代码的省级部分“" + code.substr(0, 2) + "”不存在",
                                    "region code starts with '" + code.substr(0, 2) + "', which is no province");
    }
    if (view.substr(2, 2) == "00" && view.substr(4, 2) != "00") {
        return Error::invalid_field(field, "县级行政区划代码缺少地市部分（第3、4位不能为00）",
                                    "a county code needs a city part (digits 3-4 cannot be 00)");
    }
    return RegionCode(std::move(code));
}

RegionLevel RegionCode::level() const {
    if (code_.compare(2, 4, "0000") == 0) return RegionLevel::kProvince;
    if (code_.compare(4, 2, "00") == 0) return RegionLevel::kCity;
    return RegionLevel::kCounty;
}

RegionCode RegionCode::parent() const {
    switch (level()) {
        case RegionLevel::kProvince:
            return *this;
        case RegionLevel::kCity:
            return province();
        case RegionLevel::kCounty:
            return city();
    }
    return *this;
}

bool RegionCode::contains(const RegionCode& other) const {
    return other.code_.compare(0, scope_prefix().size(), scope_prefix()) == 0;
}

std::string RegionCode::scope_prefix() const {
    switch (level()) {
        case RegionLevel::kProvince:
            return code_.substr(0, 2);
        case RegionLevel::kCity:
            return code_.substr(0, 4);
        case RegionLevel::kCounty:
            return code_;
    }
    return code_;
}

RegionCode RegionCode::province() const { return RegionCode(code_.substr(0, 2) + "0000"); }

RegionCode RegionCode::city() const {
    return level() == RegionLevel::kProvince ? *this : RegionCode(code_.substr(0, 4) + "00");
}

}  // namespace sanpi::domain
