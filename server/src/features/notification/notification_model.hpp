// What the inbox holds: notifications to an org, read or not by each of its users.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace liandong::notification {

struct NewNotification {
  std::int64_t org_id = 0;
  std::string kind;  // assigned, reported, returned, accepted, overdue, escalated, supervision, bulletin
  std::string title;
  std::string body;
  std::string link;  // a web route such as "/tasks/assignments/12"
};

struct Notification {
  std::int64_t id = 0;
  std::string kind;
  std::string title;
  std::string body;
  std::string link;
  std::int64_t created_at = 0;
  bool read = false;
};

struct Inbox {
  std::vector<Notification> items;
  std::int64_t total = 0;
  std::int64_t unread = 0;
};

}  // namespace liandong::notification
