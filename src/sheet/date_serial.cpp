// date_from_serial: Excel's two date systems.
#include <charconv>
#include <chrono>
#include <cmath>

#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet {

namespace {

namespace chr = std::chrono;

constexpr chr::sys_days kLastDay = chr::sys_days{chr::year{9999} / 12 / 31};
// From serial 61 on, the 1900 system counts days after 1899-12-30 (its phantom 1900-02-29 is 60);
// before that, days after 1899-12-31.
constexpr chr::sys_days k1900Base = chr::sys_days{chr::year{1899} / 12 / 30};
constexpr chr::sys_days k1904Base = chr::sys_days{chr::year{1904} / 1 / 1};
constexpr std::int64_t kPhantomSerial = 60;

std::optional<double> number_of(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::optional<domain::Date> date_from_serial(std::string_view number, bool date1904) {
    const auto value = number_of(number);
    if (!value) return std::nullopt;
    const double whole = std::floor(*value);
    const chr::sys_days base = date1904 ? k1904Base : k1900Base;
    const double max_serial = static_cast<double>((kLastDay - base).count());
    if (whole > max_serial || whole < (date1904 ? 0.0 : 1.0)) return std::nullopt;
    auto serial = static_cast<std::int64_t>(whole);
    if (!date1904) {
        if (serial == kPhantomSerial) return std::nullopt;
        if (serial < kPhantomSerial) ++serial;
    }
    const chr::sys_days day = base + chr::days{serial};
    return domain::Date::from_days(static_cast<std::int32_t>(day.time_since_epoch().count()));
}

}  // namespace sanpi::sheet
