#include "sheet/upload_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

namespace sanpi::sheet {

namespace {

Error cannot_write() { return Error::unavailable("无法写入临时文件", "could not write a temporary file"); }

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

Result<UploadFile> UploadFile::of(std::string_view bytes) {
    std::error_code ec;
    auto pattern = (std::filesystem::temp_directory_path(ec) / "sanpi-upload-XXXXXX").string();
    if (ec) pattern = "/tmp/sanpi-upload-XXXXXX";
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) return cannot_write();
    ::unlink(pattern.c_str());
    UploadFile file(fd);
    if (!write_all(fd, bytes)) return cannot_write();
    return file;
}

UploadFile::UploadFile(int fd) : fd_(fd), path_("/proc/self/fd/" + std::to_string(fd)) {}

UploadFile::UploadFile(UploadFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

UploadFile::~UploadFile() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace sanpi::sheet
