#include "sheet/xlsx_sheet.hpp"

#include <charconv>
#include <vector>

#include "sheet/ooxml_text.hpp"
#include "sheet/xml_stream.hpp"

namespace sanpi::sheet {

namespace {

enum class ValueType { kNumber, kShared, kFormulaText, kInline, kBoolean, kError, kIsoDate };

std::optional<ValueType> value_type(const char* t) {
    if (t == nullptr) return ValueType::kNumber;
    const std::string_view s(t);
    if (s == "s") return ValueType::kShared;
    if (s == "n") return ValueType::kNumber;
    if (s == "str") return ValueType::kFormulaText;
    if (s == "inlineStr") return ValueType::kInline;
    if (s == "b") return ValueType::kBoolean;
    if (s == "e") return ValueType::kError;
    if (s == "d") return ValueType::kIsoDate;
    return std::nullopt;
}

template <class T>
std::optional<T> whole_number(std::string_view s) {
    T value{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < 0) return std::nullopt;
    return value;
}

class SheetRowsSink : public XmlSink {
public:
    SheetRowsSink(const SheetContext& context, const std::function<Result<void>(const Row&)>& on_row)
        : context_(context), on_row_(on_row) {}

    void on_start(std::string_view local, const char** attributes) override {
        if (local == "c") {
            if (in_cell_) return fail(nested_element(false));
            if (in_row_) start_cell(attributes);
        } else if (local == "v") {
            collecting_ = in_cell_ && type_ != ValueType::kInline;
        } else if (local == "t") {
            collecting_ = in_inline_ && phonetic_depth_ == 0;
        } else if (local == "is") {
            in_inline_ = in_cell_ && type_ == ValueType::kInline;
        } else if (local == "rPh") {
            ++phonetic_depth_;
        } else if (local == "row") {
            // A row inside a row would mix the outer row's cells into the inner one's number.
            if (in_row_) return fail(nested_element(true));
            if (in_sheet_data_) start_row(attributes);
        } else if (local == "sheetData") {
            in_sheet_data_ = true;
        }
    }

    void on_end(std::string_view local) override {
        if (local == "v" || local == "t") {
            collecting_ = false;
        } else if (local == "c") {
            if (in_cell_) finish_cell();
        } else if (local == "is") {
            in_inline_ = false;
        } else if (local == "rPh") {
            if (phonetic_depth_ > 0) --phonetic_depth_;
        } else if (local == "row") {
            if (in_row_) finish_row();
        } else if (local == "sheetData") {
            in_sheet_data_ = false;
        }
    }

    void on_text(const char* text, int length) override {
        if (!collecting_) return;
        const auto n = static_cast<std::size_t>(length);
        if (text_.size() + n > context_.limits.max_cell_bytes) {
            const auto place = cell_place(context_.sheet, column_, row_.number);
            const std::string limit = std::to_string(context_.limits.max_cell_bytes);
            return fail(file_error(place.zh + "的内容超过 " + limit + " 字节的上限",
                                   place.en + " holds more than the limit of " + limit + " bytes"));
        }
        text_.append(text, n);
    }

private:
    void start_row(const char** attributes) {
        const char* r = find_attribute(attributes, "r");
        std::int64_t number = last_row_ + 1;
        if (r != nullptr) {
            const auto parsed = whole_number<std::int64_t>(r);
            if (!parsed || *parsed == 0) return fail(bad_row_number(r));
            number = *parsed;
        }
        if (!accept_row_number(number)) return;
        row_number_from_cells_ = r == nullptr;
        row_.number = number;
        last_column_ = -1;
        in_row_ = true;
    }

    bool accept_row_number(std::int64_t number) {
        if (number > context_.limits.max_rows) {
            const auto place = sheet_place(context_.sheet);
            const std::string limit = std::to_string(context_.limits.max_rows);
            fail(file_error(place.zh + "超过 " + limit + " 行的上限",
                            place.en + " has more than the limit of " + limit + " rows"));
            return false;
        }
        if (number <= last_row_) {
            const auto place = sheet_place(context_.sheet);
            const std::string n = std::to_string(number);
            fail(file_error(
                place.zh + "的第 " + n + " 行出现在第 " + std::to_string(last_row_) + " 行之后（行序错乱或重复）",
                place.en + ": row " + n + " comes after row " + std::to_string(last_row_) +
                    " (rows out of order or repeated)"));
            return false;
        }
        return true;
    }

    // No worksheet nests rows or cells: the file was damaged or made by hand.
    Error nested_element(bool row) const {
        if (row) {
            const auto place = sheet_place(context_.sheet);
            const std::string n = std::to_string(row_.number);
            return file_error(place.zh + "的第 " + n + " 行里又开始了一行（文件结构损坏）",
                              place.en + ": a row starts inside row " + n + " (the file's structure is damaged)");
        }
        const auto place = cell_place(context_.sheet, column_, row_.number);
        return file_error(place.zh + "里又开始了一个单元格（文件结构损坏）",
                          place.en + " has another cell inside it (the file's structure is damaged)");
    }

    Error bad_row_number(std::string_view r) const {
        const auto place = sheet_place(context_.sheet);
        const std::string text(r.substr(0, 20));
        return file_error(place.zh + "有无效的行号「" + text + "」",
                          place.en + " has an invalid row number \"" + text + "\"");
    }

    void start_cell(const char** attributes) {
        const char* r = nullptr;
        const char* t = nullptr;
        const char* s = nullptr;
        for (const char** a = attributes; a[0] != nullptr; a += 2) {
            if (a[0][0] == '\0' || a[0][1] != '\0') continue;  // only one-letter names matter here
            switch (a[0][0]) {
                case 'r':
                    r = a[1];
                    break;
                case 't':
                    t = a[1];
                    break;
                case 's':
                    s = a[1];
                    break;
                default:
                    break;
            }
        }
        if (!locate_cell(r)) return;
        const auto type = value_type(t);
        if (!type) {
            const auto place = cell_place(context_.sheet, column_, row_.number);
            const std::string text = std::string(t).substr(0, 20);
            return fail(file_error(place.zh + "的类型「" + text + "」无法识别",
                                   place.en + " has an unknown type \"" + text + "\""));
        }
        type_ = *type;
        style_ = s != nullptr ? whole_number<std::int64_t>(s).value_or(-1) : 0;
        text_.clear();
        in_cell_ = true;
    }

    // Sets column_ (and, for a row without r, the row number) from the cell's reference.
    bool locate_cell(const char* r) {
        int column = last_column_ + 1;
        if (r != nullptr) {
            const auto ref = parse_cell_ref(r);
            if (!ref) {
                const auto place = sheet_place(context_.sheet);
                const std::string text = std::string(r).substr(0, 20);
                fail(file_error(place.zh + "有无效的单元格引用「" + text + "」",
                                place.en + " has an invalid cell reference \"" + text + "\""));
                return false;
            }
            column = ref->column;
            if (row_number_from_cells_ && ref->row != 0 && ref->row != row_.number) {
                if (!accept_row_number(ref->row)) return false;
                row_.number = ref->row;
            }
        }
        row_number_from_cells_ = false;
        column_ = column;
        if (column >= context_.limits.max_columns) {
            const auto place = cell_place(context_.sheet, column, row_.number);
            const std::string limit = std::to_string(context_.limits.max_columns);
            fail(file_error(place.zh + "超出 " + limit + " 列的上限",
                            place.en + " is past the limit of " + limit + " columns"));
            return false;
        }
        if (column <= last_column_) {
            const auto place = cell_place(context_.sheet, column, row_.number);
            fail(file_error(place.zh + "出现在同一行靠后的单元格之后（顺序错乱或重复）",
                            place.en + " comes after a later cell of its row (out of order or repeated)"));
            return false;
        }
        return true;
    }

    void finish_cell() {
        in_cell_ = false;
        in_inline_ = false;
        collecting_ = false;
        last_column_ = column_;
        if (text_.empty()) return;
        CellKind kind = CellKind::kText;
        bool date_style = false, percent_style = false;
        std::string_view shared;
        switch (type_) {
            case ValueType::kShared: {
                const auto index = whole_number<std::size_t>(text_);
                if (!index || *index >= context_.strings.size()) return fail(bad_shared_index());
                shared = context_.strings.at(*index);
                if (shared.empty()) return;
                break;
            }
            case ValueType::kFormulaText:
            case ValueType::kInline:
            case ValueType::kIsoDate:
                decode_ooxml_escapes(text_);
                break;
            case ValueType::kBoolean:
                kind = CellKind::kBoolean;
                if (!normalize_boolean()) return;
                break;
            case ValueType::kError:
                kind = CellKind::kError;
                break;
            case ValueType::kNumber:
                kind = CellKind::kNumber;
                date_style = context_.styles.is_date(style_);
                percent_style = context_.styles.is_percent(style_);
                break;
        }
        Cell& cell = next_cell();
        cell.column = column_;
        cell.kind = kind;
        cell.date_style = date_style;
        cell.percent_style = percent_style;
        if (type_ == ValueType::kShared) {
            cell.text.assign(shared);
        } else {
            cell.text.swap(text_);
            text_.clear();
        }
    }

    bool normalize_boolean() {
        if (text_ == "1" || text_ == "true") {
            text_ = "1";
        } else if (text_ == "0" || text_ == "false") {
            text_ = "0";
        } else {
            const auto place = cell_place(context_.sheet, column_, row_.number);
            fail(file_error(place.zh + "的布尔值无效", place.en + " has an invalid boolean value"));
            return false;
        }
        return true;
    }

    Error bad_shared_index() const {
        const auto place = cell_place(context_.sheet, column_, row_.number);
        return file_error(place.zh + "引用了不存在的共享字符串",
                          place.en + " refers to a shared string that does not exist");
    }

    // A cell slot for the row, reusing one (and its string's buffer) from an earlier row.
    Cell& next_cell() {
        if (spare_.empty()) return row_.cells.emplace_back();
        row_.cells.push_back(std::move(spare_.back()));
        spare_.pop_back();
        return row_.cells.back();
    }

    void finish_row() {
        in_row_ = false;
        last_row_ = row_.number;
        if (!row_.cells.empty()) {
            auto delivered = on_row_(row_);
            if (!delivered) fail(std::move(delivered).error());
        }
        for (auto& cell : row_.cells) spare_.push_back(std::move(cell));
        row_.cells.clear();
    }

    const SheetContext& context_;
    const std::function<Result<void>(const Row&)>& on_row_;
    Row row_;
    std::vector<Cell> spare_;
    std::string text_;
    std::int64_t last_row_ = 0;
    int last_column_ = -1;
    int column_ = 0;
    std::int64_t style_ = 0;
    ValueType type_ = ValueType::kNumber;
    int phonetic_depth_ = 0;
    bool in_sheet_data_ = false;
    bool in_row_ = false;
    bool row_number_from_cells_ = false;
    bool in_cell_ = false;
    bool in_inline_ = false;
    bool collecting_ = false;
};

}  // namespace

Result<void> read_sheet_rows(ZipArchive& archive, std::string_view part, const SheetContext& context,
                             const std::function<Result<void>(const Row&)>& on_row) {
    auto opened = archive.open_part(part);
    if (!opened) return opened.error();
    SheetRowsSink sink(context, on_row);
    XmlStream stream(sink, sheet_place(context.sheet));
    return stream.parse(*opened);
}

}  // namespace sanpi::sheet
