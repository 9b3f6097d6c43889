// SQL of the attachment table: evidence files' records (the bytes are in AttachmentStorage).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/attachment/attachment_model.hpp"

namespace liandong::attachment {

class AttachmentRepository {
 public:
  // Records a checked upload; returns its id.
  std::int64_t Insert(soci::session& sql, const NewAttachment& attachment, std::int64_t now) const;
  std::optional<Attachment> Find(soci::session& sql, std::int64_t id) const;
  std::vector<Attachment> ListOfReports(soci::session& sql, const std::vector<std::int64_t>& report_ids) const;
  std::vector<Attachment> ListOfSupervisionEvents(soci::session& sql, std::int64_t supervision_id) const;
  // Links an unlinked upload of the assignment to a report; false when `id` is no such upload.
  bool LinkToReport(soci::session& sql, std::int64_t id, std::int64_t assignment_id, std::int64_t report_id) const;
  // Links an unlinked upload of the supervision to one of its events; false when `id` is no such
  // upload.
  bool LinkToSupervisionEvent(soci::session& sql, std::int64_t id, std::int64_t supervision_id,
                              std::int64_t event_id) const;
  // A request's uploads, linked to a step or not, in the order they came.
  std::vector<Attachment> ListOfRequest(soci::session& sql, std::int64_t request_id) const;
  // Links an unlinked upload that `org_id` made for the request to one of its steps; false when
  // `id` is no such upload.
  bool LinkToRequestStep(soci::session& sql, std::int64_t id, std::int64_t request_id, std::int64_t org_id,
                         std::int64_t step_id) const;
};

}  // namespace liandong::attachment
