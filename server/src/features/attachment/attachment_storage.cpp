#include "features/attachment/attachment_storage.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <vector>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace liandong::attachment {
namespace {

using core::AppError;
using core::ErrorKind;

struct Kind {
  std::string_view magic;
  std::vector<std::string_view> extensions;
  std::string_view content_type;
};

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"%PDF-", {".pdf"}, "application/pdf"},
      {"\x89PNG\r\n\x1a\n", {".png"}, "image/png"},
      {"\xff\xd8\xff", {".jpg", ".jpeg"}, "image/jpeg"},
      {"PK\x03\x04", {".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"PK\x03\x04", {".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"PK\x03\x04", {".pptx"}, "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {std::string_view("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), {".doc"}, "application/msword"},
      {std::string_view("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), {".xls"}, "application/vnd.ms-excel"},
  };
  return kinds;
}

std::string LowerExtension(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string extension(file_name.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace

std::optional<std::string> DetectContentType(std::string_view file_name, std::string_view content) {
  const std::string extension = LowerExtension(file_name);
  for (const Kind& kind : Kinds()) {
    if (!content.starts_with(kind.magic)) continue;
    if (std::find(kind.extensions.begin(), kind.extensions.end(), extension) != kind.extensions.end()) {
      return std::string(kind.content_type);
    }
  }
  return std::nullopt;
}

std::optional<std::string> CleanFileName(std::string_view file_name) {
  // Not UTF-8: the name could not be shown, nor sent back in a Content-Disposition header.
  if (!core::IsCleanText(file_name)) return std::nullopt;
  const auto slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::string clean;
  for (const char c : file_name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '"') continue;
    clean.push_back(c);
  }
  while (!clean.empty() && (clean.front() == ' ' || clean.front() == '.')) clean.erase(clean.begin());
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  if (clean.empty() || clean.size() > 200) return std::nullopt;
  return clean;
}

StoredFile::StoredFile(StoredFile&& other) noexcept
    : path_(std::move(other.path_)), name_(std::move(other.name_)), kept_(other.kept_) {
  other.kept_ = true;  // the moved-from shell removes nothing
}

StoredFile::~StoredFile() {
  if (kept_) return;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

StoredFile AttachmentStorage::Write(std::string_view content) const {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  ::chmod(directory_.c_str(), 0700);
  std::string stored_name = core::RandomHex(16);
  const std::filesystem::path path = directory_ / stored_name;
  StoredFile stored(path, stored_name);  // removed again if anything below fails
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == ENOSPC || errno == EDQUOT) throw AppError(ErrorKind::kStorageFull, "server.storage_full", "files");
    throw AppError(ErrorKind::kInternal, "attachment.write_failed", "cannot create an attachment file");
  }
  int failure = 0;
  for (std::size_t written = 0; written < content.size();) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      failure = errno;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  // Flushed before the row that names it is committed: an acknowledged upload survives a crash.
  if (failure == 0 && ::fsync(fd) != 0) failure = errno;
  if (::close(fd) != 0 && failure == 0) failure = errno;
  if (failure == ENOSPC || failure == EDQUOT) throw AppError(ErrorKind::kStorageFull, "server.storage_full", "files");
  if (failure != 0) throw AppError(ErrorKind::kInternal, "attachment.write_failed", "cannot write an attachment file");
  return stored;
}

std::string AttachmentStorage::Read(const std::string& stored_name) const {
  std::ifstream file(directory_ / stored_name, std::ios::binary);
  if (!file) throw AppError(ErrorKind::kNotFound, "attachment.missing", stored_name);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

}  // namespace liandong::attachment
