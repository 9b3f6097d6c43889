// Evidence files on disk: what is accepted (the name, the first bytes), and the bytes kept under
// names the server makes up, in a folder outside the web root (0700, files 0600). No database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace liandong::attachment {

// The largest evidence file accepted; the server admits upload bodies up to this size.
constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;

// The content type of a file with this name and these first bytes, or nullopt when the name's
// extension and the bytes do not agree on one of the accepted kinds (PDF, PNG, JPEG, Office
// documents old and new).
std::optional<std::string> DetectContentType(std::string_view file_name, std::string_view content);

// A file name safe to show and to send back: the last path component, without control
// characters; nullopt when it is not UTF-8, when nothing is left or when it is over 200 bytes.
std::optional<std::string> CleanFileName(std::string_view file_name);

// A file just written for a row that is not committed yet. Unless Keep() is called once the row
// is committed, the file is removed when this goes out of scope: a rolled-back upload (a refused
// row, a full database, a failed commit) leaves no file without its row.
class StoredFile {
 public:
  StoredFile(std::filesystem::path path, std::string name) : path_(std::move(path)), name_(std::move(name)) {}
  StoredFile(StoredFile&& other) noexcept;
  StoredFile& operator=(StoredFile&&) = delete;
  StoredFile(const StoredFile&) = delete;
  StoredFile& operator=(const StoredFile&) = delete;
  ~StoredFile();

  const std::string& name() const { return name_; }
  void Keep() { kept_ = true; }

 private:
  std::filesystem::path path_;
  std::string name_;
  bool kept_ = false;
};

class AttachmentStorage {
 public:
  explicit AttachmentStorage(std::filesystem::path directory) : directory_(std::move(directory)) {}

  // Writes the bytes under a new random name, flushed to the disk; server.storage_full (507) when
  // the disk is full, attachment.write_failed (internal) when it refuses otherwise. Nothing is
  // left behind on failure.
  StoredFile Write(std::string_view content) const;
  // The bytes kept under `stored_name`; attachment.missing (not_found) when the file is gone.
  std::string Read(const std::string& stored_name) const;

 private:
  std::filesystem::path directory_;
};

}  // namespace liandong::attachment
