// Evidence files (佐证材料): the attachment feature's service. A file is checked by its name and
// first bytes, kept on disk by AttachmentStorage and recorded by AttachmentRepository. It is
// uploaded first, unlinked, by the org whose part it documents; a report or a rectification then
// links it. Whoever may see that org's records may download it.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "features/attachment/attachment_model.hpp"
#include "features/attachment/attachment_repository.hpp"
#include "features/attachment/attachment_storage.hpp"
#include "features/org/org_service.hpp"

namespace liandong::attachment {

class AttachmentStore {
 public:
  AttachmentStore(db::Database& database, const core::Clock& clock, const org::OrgService& org_service,
                  std::filesystem::path directory);

  // An attachment and its bytes for download: task:read, and the attachment's org in the actor's
  // subtree (attachment.not_found otherwise, as for an id that does not exist).
  std::pair<Attachment, std::string> Download(const core::Actor& actor, std::int64_t id) const;

  // Checks and stores the file, then records it in the caller's write transaction; errors
  // attachment.invalid_name, attachment.empty, attachment.too_large, attachment.type_not_allowed.
  // The caller has checked that the actor may add to `owner`.
  // The file is removed again unless the caller keeps it after committing (StoredFile::Keep).
  struct Saved {
    Attachment attachment;
    StoredFile file;
  };
  Saved Save(soci::session& sql, const core::Actor& actor, const Owner& owner, std::string_view file_name,
             std::string_view content) const;
  // The attachment `id`, without a scope check: for features that check the object it belongs to.
  std::optional<Attachment> Find(soci::session& sql, std::int64_t id) const { return repository_.Find(sql, id); }
  // The attachments of these reports, by id.
  std::vector<Attachment> ListOfReports(soci::session& sql, const std::vector<std::int64_t>& report_ids) const {
    return repository_.ListOfReports(sql, report_ids);
  }
  // The attachments of a supervision's events, by id.
  std::vector<Attachment> ListOfSupervisionEvents(soci::session& sql, std::int64_t supervision_id) const {
    return repository_.ListOfSupervisionEvents(sql, supervision_id);
  }
  // Links unlinked uploads of the same owner to a report (or a supervision event): every id must
  // be such an upload, else attachment.not_found. In the caller's write transaction.
  void LinkToReport(soci::session& sql, const std::vector<std::int64_t>& ids, std::int64_t assignment_id,
                    std::int64_t report_id) const;
  void LinkToSupervisionEvent(soci::session& sql, const std::vector<std::int64_t>& ids, std::int64_t supervision_id,
                              std::int64_t event_id) const;
  // A request's uploads, linked to a step or not, in the order they came.
  std::vector<Attachment> ListOfRequest(soci::session& sql, std::int64_t request_id) const {
    return repository_.ListOfRequest(sql, request_id);
  }
  // Links uploads that `org_id` made for the request and no step holds yet to the step `step_id`:
  // every id must be such an upload, else attachment.not_found. In the caller's write transaction.
  void LinkToRequestStep(soci::session& sql, const std::vector<std::int64_t>& ids, std::int64_t request_id,
                         std::int64_t org_id, std::int64_t step_id) const;
  // The stored bytes; attachment.missing if the file is gone.
  std::string ReadContent(const Attachment& attachment) const { return storage_.Read(attachment.stored_name); }

 private:
  db::Database& database_;
  const core::Clock& clock_;
  const org::OrgService& org_service_;
  AttachmentStorage storage_;
  AttachmentRepository repository_;
};

}  // namespace liandong::attachment
