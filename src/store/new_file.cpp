#include "store/new_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/internal_log.hpp"

namespace sanpi::store {
namespace {

namespace fs = std::filesystem;

Error exists_error(const std::string& path) {
    Error e = Error::conflict("目标文件已存在，不会覆盖：" + path,
                              "the target file already exists and is not overwritten: " + path);
    e.fields.push_back(FieldError{"to", {"文件已存在", "file already exists"}});
    return e;
}

Error write_error(const std::string& path, int err) {
    log_internal("publishing " + path + " failed: " + std::strerror(err));
    Error e = Error::unavailable("无法写入文件：" + path, "cannot write the file " + path);
    e.fields.push_back(FieldError{"to", {"无法写入", "cannot be written"}});
    return e;
}

// The new name must survive a power cut too, which takes a sync of the directory entry.
void sync_directory(const std::string& path) {
    const auto dir = fs::path(path).parent_path();
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

Result<void> refuse_existing(const std::string& path) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) return exists_error(path);
    return {};
}

std::string temp_path_for(const std::string& path) {
    static std::atomic<int> counter{0};
    return path + ".partial-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

Result<void> publish_new_file(const std::string& temp, const std::string& path) {
    if (::link(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        if (err == EEXIST) {
            remove_temp(temp);
            return exists_error(path);
        }
        // File systems without hard links: the check and the rename are then two steps.
        std::error_code ec;
        if (fs::exists(fs::symlink_status(path, ec))) {
            remove_temp(temp);
            return exists_error(path);
        }
        if (::rename(temp.c_str(), path.c_str()) != 0) {
            const int rename_err = errno;
            remove_temp(temp);
            return write_error(path, rename_err);
        }
        sync_directory(path);
        return {};
    }
    remove_temp(temp);
    sync_directory(path);
    return {};
}

void remove_temp(const std::string& temp) noexcept {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(temp + suffix, ec);
}

}  // namespace sanpi::store
