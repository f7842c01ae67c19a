#include <gtest/gtest.h>

#include "sheet/sheet_reader.hpp"

namespace sanpi::sheet {
namespace date_serial_test {

TEST(DateSerial, Excel1900And1904Systems) {
    struct Case {
        std::string serial;
        bool date1904;
        std::string iso;  // "" when refused
    };
    const std::vector<Case> cases = {
        {"1", false, "1900-01-01"},
        {"59", false, "1900-02-28"},
        {"60", false, ""},
        {"61", false, "1900-03-01"},
        {"44742", false, "2022-06-30"},
        {"44742.75", false, "2022-06-30"},
        {"44742.999999", false, "2022-06-30"},
        {"4.4742E4", false, "2022-06-30"},
        {"2958465", false, "9999-12-31"},
        {"2958466", false, ""},
        {"0", false, ""},
        {"0.5", false, ""},
        {"-1", false, ""},
        {"0", true, "1904-01-01"},
        {"0.25", true, "1904-01-01"},
        {"1", true, "1904-01-02"},
        {"43280", true, "2022-06-30"},
        {"-1", true, ""},
        {"2957003", true, "9999-12-31"},
        {"2957004", true, ""},
        {"", false, ""},
        {"abc", false, ""},
        {"12abc", false, ""},
        {" 1", false, ""},
        {"nan", false, ""},
        {"inf", false, ""},
        {"1e400", false, ""},
        {"2022-06-30", false, ""},
    };
    for (const auto& c : cases) {
        const auto date = date_from_serial(c.serial, c.date1904);
        EXPECT_EQ(date ? date->iso() : "", c.iso) << c.serial << (c.date1904 ? " (1904)" : " (1900)");
    }
}

}  // namespace date_serial_test
}  // namespace sanpi::sheet
