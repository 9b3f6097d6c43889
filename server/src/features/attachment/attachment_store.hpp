// Evidence files (佐证材料): checked by their first bytes, stored outside the web root under names
// the server makes up, listed in `attachment`. A file is uploaded first, unlinked, by the org
// whose part it documents; a report or a rectification then links it. Whoever may see that org's
// records may download it; the scope check is the caller's.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "features/org/org_service.hpp"

namespace liandong::attachment {

// The largest evidence file accepted; the server admits upload bodies up to this size.
constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;

struct Attachment {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::optional<std::int64_t> assignment_id;
  std::optional<std::int64_t> report_id;
  std::optional<std::int64_t> supervision_id;
  std::optional<std::int64_t> supervision_event_id;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string stored_name;
  std::int64_t created_at = 0;
};

// What an upload is attached to before a report or rectification links it.
struct Owner {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> assignment_id;
  std::optional<std::int64_t> supervision_id;
};

// The content type of a file with this name and these first bytes, or nullopt when the name's
// extension and the bytes do not agree on one of the accepted kinds (PDF, PNG, JPEG, Office
// documents old and new).
std::optional<std::string> DetectContentType(std::string_view file_name, std::string_view content);

// A file name safe to show and to send back: the last path component, without control
// characters; nullopt when nothing is left or it is over 200 bytes.
std::optional<std::string> CleanFileName(std::string_view file_name);

class AttachmentStore {
 public:
  AttachmentStore(db::Database& database, const core::Clock& clock, const org::OrgService& org_service,
                  std::filesystem::path directory);

  // An attachment and its bytes for download: task:read, and the attachment's org in the actor's
  // subtree (attachment.not_found otherwise, as for an id that does not exist).
  std::pair<Attachment, std::string> Download(const core::Actor& actor, std::int64_t id) const;

  // Checks and stores the file, then records it in the caller's write transaction; errors
  // attachment.invalid_name, attachment.empty, attachment.too_large, attachment.type_not_allowed.
  Attachment Save(soci::session& sql, const core::Actor& actor, const Owner& owner, std::string_view file_name,
                  std::string_view content) const;
  std::optional<Attachment> Find(soci::session& sql, std::int64_t id) const;
  std::vector<Attachment> ListOfReports(soci::session& sql, const std::vector<std::int64_t>& report_ids) const;
  std::vector<Attachment> ListOfSupervisionEvents(soci::session& sql, std::int64_t supervision_id) const;
  // Links unlinked uploads of the same owner to a report (or a supervision event): every id must
  // be such an upload, else attachment.not_found. In the caller's write transaction.
  void LinkToReport(soci::session& sql, const std::vector<std::int64_t>& ids, std::int64_t assignment_id,
                    std::int64_t report_id) const;
  void LinkToSupervisionEvent(soci::session& sql, const std::vector<std::int64_t>& ids, std::int64_t supervision_id,
                              std::int64_t event_id) const;
  // The stored bytes; attachment.missing if the file is gone.
  std::string ReadContent(const Attachment& attachment) const;

 private:
  db::Database& database_;
  const core::Clock& clock_;
  const org::OrgService& org_service_;
  std::filesystem::path directory_;
};

}  // namespace liandong::attachment
