// open_xlsx: the workbook's outline, styles and shared strings at open; each sheet's merged
// ranges (a pre-pass, beside the rows) and then its rows on read_rows.
#include "sheet/merges_beside_rows.hpp"
#include "sheet/read_guard.hpp"
#include "sheet/shared_strings.hpp"
#include "sheet/xlsx_sheet.hpp"
#include "sheet/xlsx_styles.hpp"
#include "sheet/xlsx_workbook.hpp"
#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

namespace {

class XlsxReader final : public SheetReader {
public:
    XlsxReader(std::string path, std::unique_ptr<ZipArchive> archive, const Limits& limits, WorkbookInfo info,
               StyleTable styles, SharedStrings strings)
        : path_(std::move(path)),
          archive_(std::move(archive)),
          limits_(limits),
          info_(std::move(info)),
          styles_(std::move(styles)),
          strings_(std::move(strings)) {
        for (const auto& sheet : info_.sheets) sheets_.push_back({sheet.name, {}});
    }

    const std::vector<SheetInfo>& sheets() const override { return sheets_; }
    bool date1904() const override { return info_.date1904; }

    Result<void> read_rows(std::size_t index, const std::function<Result<void>(const Row&)>& on_row) override {
        return guard_read([&]() -> Result<void> {
            if (index >= sheets_.size()) {
                return file_error("工作簿中没有第 " + std::to_string(index + 1) + " 个工作表",
                                  "the workbook has no sheet number " + std::to_string(index + 1));
            }
            const auto& sheet = info_.sheets[index];
            const SheetContext context{sheet.name, strings_, styles_, limits_};
            return read_rows_beside_merges(path_, *archive_, sheet.part, context, sheets_[index].merges, on_row);
        });
    }

private:
    std::string path_;
    std::unique_ptr<ZipArchive> archive_;
    Limits limits_;
    WorkbookInfo info_;
    StyleTable styles_;
    SharedStrings strings_;
    std::vector<SheetInfo> sheets_;
};

Result<std::unique_ptr<SheetReader>> open_workbook(const std::string& path, const Limits& limits) {
    auto archive = ZipArchive::open(path, limits);
    if (!archive) return archive.error();
    auto info = read_workbook(**archive);
    if (!info) return info.error();
    auto styles = read_styles(**archive, info->styles_part);
    if (!styles) return styles.error();
    auto strings = read_shared_strings(**archive, info->shared_strings_part, limits);
    if (!strings) return strings.error();
    return std::unique_ptr<SheetReader>(
        new XlsxReader(path, std::move(*archive), limits, std::move(*info), std::move(*styles), std::move(*strings)));
}

}  // namespace

Result<std::unique_ptr<SheetReader>> open_xlsx(const std::string& path, const Limits& limits) {
    return guard_read([&] { return open_workbook(path, limits); });
}

}  // namespace sanpi::sheet
