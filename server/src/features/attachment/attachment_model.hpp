// An evidence file's record, and what an upload belongs to before a report links it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace liandong::attachment {

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
  std::optional<std::int64_t> request_id;
  std::optional<std::int64_t> request_step_id;
};

// What an upload is attached to before a report, a rectification or a request's step links it.
struct Owner {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> assignment_id;
  std::optional<std::int64_t> supervision_id;
  std::optional<std::int64_t> request_id;
};

// A checked upload's record, before it has an id.
struct NewAttachment {
  Owner owner;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string stored_name;
  std::string sm3;  // hex SM3 of the bytes
  std::int64_t created_by = 0;
};

}  // namespace liandong::attachment
