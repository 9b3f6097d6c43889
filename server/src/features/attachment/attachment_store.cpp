#include "features/attachment/attachment_store.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/org_scope.hpp"

namespace liandong::attachment {
namespace {

using core::AppError;
using core::ErrorKind;

// An attachment with the path of its org, for the scope check.
struct Located {
  Attachment attachment;
  std::string org_path;
};

}  // namespace

AttachmentStore::AttachmentStore(db::Database& database, const core::Clock& clock, const org::OrgService& org_service,
                                 std::filesystem::path directory)
    : database_(database), clock_(clock), org_service_(org_service), storage_(std::move(directory)) {}

std::pair<Attachment, std::string> AttachmentStore::Download(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "task:read");
  const core::OrgScope scope = core::OrgScope::Of(actor);
  db::Session session(database_);
  std::optional<Located> located;
  if (std::optional<Attachment> attachment = repository_.Find(session.sql(), id)) {
    if (const auto org = org_service_.FindOrg(session.sql(), attachment->org_id)) {
      located = Located{std::move(*attachment), org->path};
    }
  }
  Located found = core::RequireInScope(
      scope, std::move(located), [](const Located& each) { return each.org_path; }, "attachment.not_found");
  std::string content = storage_.Read(found.attachment.stored_name);
  return {std::move(found.attachment), std::move(content)};
}

AttachmentStore::Saved AttachmentStore::Save(soci::session& sql, const core::Actor& actor, const Owner& owner,
                                             std::string_view file_name, std::string_view content) const {
  const auto name = CleanFileName(file_name);
  if (!name) throw AppError(ErrorKind::kInvalidArgument, "attachment.invalid_name");
  if (content.empty()) throw AppError(ErrorKind::kInvalidArgument, "attachment.empty");
  if (content.size() > kMaxFileBytes) throw AppError(ErrorKind::kPayloadTooLarge, "attachment.too_large");
  const auto content_type = DetectContentType(*name, content);
  if (!content_type) throw AppError(ErrorKind::kInvalidArgument, "attachment.type_not_allowed", *name);
  StoredFile file = storage_.Write(content);
  NewAttachment record{
      owner,        *name, *content_type, static_cast<std::int64_t>(content.size()), file.name(), core::Sm3Hex(content),
      actor.user_id};
  const std::int64_t id = repository_.Insert(sql, record, clock_.NowSeconds());
  return Saved{*repository_.Find(sql, id), std::move(file)};
}

void AttachmentStore::LinkToReport(soci::session& sql, const std::vector<std::int64_t>& ids, std::int64_t assignment_id,
                                   std::int64_t report_id) const {
  for (const std::int64_t id : ids) {
    if (!repository_.LinkToReport(sql, id, assignment_id, report_id)) {
      throw AppError(ErrorKind::kInvalidArgument, "attachment.not_found");
    }
  }
}

void AttachmentStore::LinkToSupervisionEvent(soci::session& sql, const std::vector<std::int64_t>& ids,
                                             std::int64_t supervision_id, std::int64_t event_id) const {
  for (const std::int64_t id : ids) {
    if (!repository_.LinkToSupervisionEvent(sql, id, supervision_id, event_id)) {
      throw AppError(ErrorKind::kInvalidArgument, "attachment.not_found");
    }
  }
}

void AttachmentStore::LinkToRequestStep(soci::session& sql, const std::vector<std::int64_t>& ids,
                                        std::int64_t request_id, std::int64_t org_id, std::int64_t step_id) const {
  for (const std::int64_t id : ids) {
    if (!repository_.LinkToRequestStep(sql, id, request_id, org_id, step_id)) {
      throw AppError(ErrorKind::kInvalidArgument, "attachment.not_found");
    }
  }
}

}  // namespace liandong::attachment
