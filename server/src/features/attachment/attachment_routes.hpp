// GET /api/v1/attachments/{id}: an evidence file, for those who may see its org's records.
#pragma once

#include "features/attachment/attachment_store.hpp"
#include "http/router.hpp"

namespace liandong::attachment {

void RegisterAttachmentRoutes(http::Router& router, const AttachmentStore& attachment_store);

// The upload in a request: the body is the file, X-File-Name its percent-encoded UTF-8 name
// (empty when missing or malformed; AttachmentStore::Save refuses it).
struct UploadedFile {
  std::string file_name;
  std::string_view content;
};
UploadedFile ReadUpload(const http::Request& request);

// An attachment as the API shows it.
boost::json::object ToJson(const Attachment& attachment);

// The answer that downloads a file: its type, and its name for saving.
http::Response FileResponse(const Attachment& attachment, std::string content);

}  // namespace liandong::attachment
