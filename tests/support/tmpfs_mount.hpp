#pragma once
// A size-limited tmpfs of a test's own (the test command runs as root): a disk to fill up or to
// remount read-only under a database. Unmounted and removed when it goes.
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

namespace sanpi::testing {

class TmpfsMount {
public:
    explicit TmpfsMount(const std::string& size) : options_("size=" + size + ",mode=0777") {
        char dir[] = "/tmp/sanpi-tmpfs.XXXXXX";
        if (::mkdtemp(dir) == nullptr) {
            error_ = std::string("mkdtemp: ") + std::strerror(errno);
            return;
        }
        path_ = dir;
        if (::mount("tmpfs", dir, "tmpfs", 0, options_.c_str()) != 0) {
            error_ = std::string("mount tmpfs: ") + std::strerror(errno) + " (the test command runs as root)";
            return;
        }
        mounted_ = true;
    }
    ~TmpfsMount() {
        if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;

    bool ok() const { return mounted_; }
    const std::string& error() const { return error_; }
    const std::string& path() const { return path_; }

    // Remounts it read-only or read-write; Linux refuses read-only (EBUSY) while a file on it is
    // open for writing.
    bool set_read_only(bool read_only) const {
        unsigned long flags = MS_REMOUNT;
        if (read_only) flags |= MS_RDONLY;
        return ::mount("tmpfs", path_.c_str(), "tmpfs", flags, options_.c_str()) == 0;
    }

private:
    std::string options_;
    std::string path_;
    std::string error_;
    bool mounted_ = false;
};

}  // namespace sanpi::testing
