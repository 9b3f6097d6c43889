#include "features/attachment/attachment_storage.hpp"

#include <sys/stat.h>

#include <algorithm>
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

std::string AttachmentStorage::Write(std::string_view content) const {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  ::chmod(directory_.c_str(), 0700);
  std::string stored_name = core::RandomHex(16);
  const std::filesystem::path path = directory_ / stored_name;
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.close();
    if (!file) throw AppError(ErrorKind::kInternal, "attachment.write_failed", "cannot write an attachment file");
  }
  ::chmod(path.c_str(), 0600);
  return stored_name;
}

std::string AttachmentStorage::Read(const std::string& stored_name) const {
  std::ifstream file(directory_ / stored_name, std::ios::binary);
  if (!file) throw AppError(ErrorKind::kNotFound, "attachment.missing", stored_name);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

}  // namespace liandong::attachment
