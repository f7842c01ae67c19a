#include "sheet/zip_part.hpp"

#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "sheet/sheet_error.hpp"
#include "sheet/zip_directory.hpp"

namespace sanpi::sheet {

namespace {

constexpr std::uint64_t kRatioGraceBytes = 1ull << 20;  // small parts may compress very well
constexpr std::uint64_t kMaxZipEntries = 65'535;        // what a zip without ZIP64 can hold; XLSX needs far fewer

Error damaged_part(const std::string& name, const char* detail) {
    return file_error("XLSX 文件中的部件 " + name + " 无法解压（数据损坏或不完整）",
                      "the XLSX part " + name + " cannot be decompressed (damaged or incomplete data: " + detail + ")");
}

Error open_error(int code) {
    switch (code) {
        case ZIP_ER_NOZIP:
        case ZIP_ER_INCONS:
        case ZIP_ER_EOF:
        case ZIP_ER_CRC:
            return file_error("XLSX 文件不完整或已损坏（zip 结构无法读取），请重新保存或重新上传",
                              "the XLSX file is truncated or damaged (its zip structure cannot be read); "
                              "save it again or upload it again");
        case ZIP_ER_OPEN:
        case ZIP_ER_READ:
            return file_error("无法读取文件", "the file cannot be read");
        default:
            return file_error("XLSX 文件无法打开（zip 错误 " + std::to_string(code) + "）",
                              "the XLSX file cannot be opened (zip error " + std::to_string(code) + ")");
    }
}

}  // namespace

ZipPart::ZipPart(ZipArchive& archive, zip_file* file, std::uint64_t index, std::string name, std::uint64_t compressed)
    : archive_(&archive), file_(file), index_(index), name_(std::move(name)), compressed_(compressed) {}

ZipPart::ZipPart(ZipPart&& other) noexcept
    : archive_(other.archive_),
      file_(std::exchange(other.file_, nullptr)),
      index_(other.index_),
      name_(std::move(other.name_)),
      compressed_(other.compressed_),
      unpacked_(other.unpacked_) {}

ZipPart::~ZipPart() {
    if (file_ != nullptr) zip_fclose(file_);
}

Result<std::size_t> ZipPart::read(char* buffer, std::size_t capacity) {
    if (file_ == nullptr || capacity == 0) return std::size_t{0};
    const zip_int64_t n = zip_fread(file_, buffer, capacity);
    if (n < 0) {
        return damaged_part(name_, zip_error_strerror(zip_file_get_error(file_)));
    }
    unpacked_ += static_cast<std::uint64_t>(n);
    const auto& limits = archive_->limits_;
    if (unpacked_ > kRatioGraceBytes &&
        unpacked_ / std::max<std::uint64_t>(compressed_, 1) > limits.max_compression_ratio) {
        return file_error("XLSX 文件中的部件 " + name_ + " 压缩比超过 " + std::to_string(limits.max_compression_ratio) +
                              " 倍，疑似压缩炸弹，已拒绝",
                          "the XLSX part " + name_ + " unpacks to more than " +
                              std::to_string(limits.max_compression_ratio) +
                              " times its compressed size; refused as a likely zip bomb");
    }
    if (auto counted = archive_->count_unpacked(index_, unpacked_, name_); !counted) return counted.error();
    return static_cast<std::size_t>(n);
}

ZipArchive::ZipArchive(zip* archive, const Limits& limits, std::uint64_t file_bytes)
    : zip_(archive), limits_(limits), file_bytes_(file_bytes) {
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    counted_.assign(entries > 0 ? static_cast<std::size_t>(entries) : 0, 0);
}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const std::string& path, const Limits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return file_error("无法读取文件", "the file cannot be read");
    if (size > limits.max_file_bytes) {
        return file_error("文件超过 " + size_text(limits.max_file_bytes, true) + " 的上限",
                          "the file is larger than the limit of " + size_text(limits.max_file_bytes, false));
    }
    if (declared_zip_entries(path).value_or(0) > kMaxZipEntries) {
        return file_error("XLSX 文件声明的部件数超过 " + std::to_string(kMaxZipEntries) + " 个，已拒绝",
                          "the XLSX file declares more than " + std::to_string(kMaxZipEntries) + " parts; refused");
    }
    int code = 0;
    zip* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (archive == nullptr) return open_error(code);
    return std::unique_ptr<ZipArchive>(new ZipArchive(archive, limits, size));
}

std::optional<std::uint64_t> ZipArchive::locate(std::string_view name) const {
    const std::string key(name);
    const zip_int64_t index = zip_name_locate(zip_, key.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return static_cast<std::uint64_t>(index);
}

Result<ZipPart> ZipArchive::open_part(std::string_view name) {
    const auto index = locate(name);
    const std::string part(name);
    if (!index || *index >= counted_.size()) {
        return file_error("XLSX 文件缺少部件 " + part, "the XLSX file has no part " + part);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, *index, 0, &st) != 0) return damaged_part(part, "no directory entry");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
        return file_error("XLSX 文件已加密，请取消密码后再上传",
                          "the XLSX file is encrypted; remove the password and upload it again");
    }
    zip_file* file = zip_fopen_index(zip_, *index, 0);
    if (file == nullptr) {
        return damaged_part(part, zip_error_strerror(zip_get_error(zip_)));
    }
    const std::uint64_t declared = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : file_bytes_;
    return ZipPart(*this, file, *index, part, std::min(declared, file_bytes_));
}

Result<void> ZipArchive::count_unpacked(std::uint64_t index, std::uint64_t part_bytes, const std::string& name) {
    auto& counted = counted_[static_cast<std::size_t>(index)];
    if (part_bytes > counted) {
        unpacked_total_ += part_bytes - counted;
        counted = part_bytes;
    }
    if (unpacked_total_ > limits_.max_unpacked_bytes) {
        return file_error("XLSX 文件解压后超过 " + size_text(limits_.max_unpacked_bytes, true) + " 的上限（读到部件 " +
                              name + " 时）",
                          "the XLSX file unpacks to more than the limit of " +
                              size_text(limits_.max_unpacked_bytes, false) + " (while reading the part " + name + ")");
    }
    return {};
}

}  // namespace sanpi::sheet
