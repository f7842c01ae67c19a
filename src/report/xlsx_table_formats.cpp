#include "report/xlsx_table_sheet.hpp"

namespace sanpi::report {

namespace {

constexpr double kTitleSize = 16;
constexpr lxw_color_t kHeaderFill = 0xD9D9D9;

lxw_format* bordered(lxw_workbook* wb) {
    lxw_format* f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

lxw_format* aligned(lxw_format* f, std::uint8_t align) {
    format_set_align(f, align);
    return f;
}

lxw_format* bold(lxw_format* f) {
    format_set_bold(f);
    return f;
}

}  // namespace

TableFormats::TableFormats(lxw_workbook* wb) : workbook(wb) {
    title = aligned(bold(workbook_add_format(wb)), LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_font_size(title, kTitleSize);
    unit_left = aligned(workbook_add_format(wb), LXW_ALIGN_LEFT);
    unit_right = aligned(workbook_add_format(wb), LXW_ALIGN_RIGHT);
    header = aligned(bold(bordered(wb)), LXW_ALIGN_CENTER);
    format_set_text_wrap(header);
    format_set_bg_color(header, kHeaderFill);
    serial = aligned(bordered(wb), LXW_ALIGN_CENTER);
    text = bordered(wb);
    format_set_text_wrap(text);
    date = aligned(bordered(wb), LXW_ALIGN_CENTER);
    format_set_num_format(date, "yyyy-mm-dd");
    total_label = aligned(bold(bordered(wb)), LXW_ALIGN_CENTER);
    total_text = bold(bordered(wb));
    integer = aligned(bordered(wb), LXW_ALIGN_RIGHT);
    format_set_num_format(integer, "#,##0");
    integer_total = bold(aligned(bordered(wb), LXW_ALIGN_RIGHT));
    format_set_num_format(integer_total, "#,##0");
}

lxw_format* TableFormats::money(int decimals, bool total) {
    const auto places = static_cast<std::size_t>(decimals < 0 ? 0 : decimals > kMaxDecimals ? kMaxDecimals : decimals);
    auto& slot = total ? money_total[places] : money_plain[places];
    if (slot == nullptr) {
        slot = aligned(bordered(workbook), LXW_ALIGN_RIGHT);
        if (total) format_set_bold(slot);
        format_set_num_format(slot, money_format(static_cast<int>(places)).c_str());
    }
    return slot;
}

}  // namespace sanpi::report
