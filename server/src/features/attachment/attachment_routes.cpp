#include "features/attachment/attachment_routes.hpp"

#include <boost/json/object.hpp>
#include <boost/url/decode_view.hpp>
#include <boost/url/pct_string_view.hpp>

#include "core/error.hpp"

namespace liandong::attachment {
namespace {

// RFC 5987 encoding of a UTF-8 file name for Content-Disposition's filename*.
std::string EncodeFileName(const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : name) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
        c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

}  // namespace

boost::json::object ToJson(const Attachment& attachment) {
  return {{"id", attachment.id},
          {"file_name", attachment.file_name},
          {"content_type", attachment.content_type},
          {"size", attachment.size},
          {"created_at", core::FormatUtc(attachment.created_at)}};
}

UploadedFile ReadUpload(const http::Request& request) {
  // A missing or malformed name is left empty: the store refuses it once the caller's scope is
  // checked, so that nobody learns about objects outside it from a 400.
  const auto encoded = boost::urls::make_pct_string_view(request.Header("X-File-Name"));
  if (!encoded) return {"", request.body()};
  const boost::urls::decode_view decoded = **encoded;
  return {std::string(decoded.begin(), decoded.end()), request.body()};
}

http::Response FileResponse(const Attachment& attachment, std::string content) {
  http::Response response;
  response.content_type = attachment.content_type;
  response.body = std::move(content);
  response.AddHeader("Content-Disposition", "attachment; filename*=UTF-8''" + EncodeFileName(attachment.file_name));
  return response;
}

void RegisterAttachmentRoutes(http::Router& router, const AttachmentStore& attachment_store) {
  router.Add(http::Verb::get, "/api/v1/attachments/{id}", "task:read", [&](http::Request& request) {
    auto [attachment, content] = attachment_store.Download(request.Actor(), request.PathId("id"));
    return FileResponse(attachment, std::move(content));
  });
}

}  // namespace liandong::attachment
