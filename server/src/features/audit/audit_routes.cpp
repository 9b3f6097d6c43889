#include "features/audit/audit_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/china_date.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "http/json_input.hpp"
#include "http/paging.hpp"

namespace liandong::audit {
namespace {

// Midnight at the start of a YYYY-MM-DD day in China (UTC+8), as unix seconds.
std::int64_t DayStart(const std::string& date, std::string_view field) {
  if (!core::IsIsoDate(date)) {
    throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_date", std::string(field));
  }
  return core::ChinaDayStart(date);
}

std::string Limited(std::optional<std::string> text, std::size_t max) {
  std::string value = text.value_or("");
  if (value.size() > max) throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument");
  return value;
}

AuditFilter ParseFilter(const http::Request& request) {
  AuditFilter filter;
  if (const auto from = request.Query("from"); from && !from->empty()) filter.from = DayStart(*from, "from");
  if (const auto to = request.Query("to"); to && !to->empty()) filter.to = DayStart(*to, "to") + 86400;
  filter.action = Limited(request.Query("action"), 64);
  filter.result = Limited(request.Query("result"), 64);
  filter.username = Limited(request.Query("username"), 64);
  const core::PageRequest page = http::ParsePage(request, 50);
  filter.page = static_cast<int>(page.page);
  filter.page_size = static_cast<int>(page.page_size);
  return filter;
}

boost::json::value Nullable(const std::optional<std::int64_t>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object ToJson(const AuditRecord& record) {
  return boost::json::object{
      {"id", record.id},
      {"at", record.at},
      {"user_id", Nullable(record.user_id)},
      {"username", record.username},
      {"org_id", Nullable(record.org_id)},
      {"org_name", record.org_name},
      {"action", record.action},
      {"target_kind", record.target_kind},
      {"target_id", Nullable(record.target_id)},
      {"result", record.result},
      {"remote_address", record.remote_address},
      {"request_id", record.request_id},
      {"detail", record.detail},
  };
}

}  // namespace

void RegisterAuditRoutes(http::Router& router, const AuditLogService& service) {
  using http::Verb;
  router.Add(Verb::get, "/api/v1/audit", "audit:read", [&](http::Request& request) {
    const AuditPage page = service.List(request.Actor(), ParseFilter(request));
    boost::json::array items;
    for (const AuditRecord& record : page.items) items.push_back(ToJson(record));
    return http::Ok(boost::json::object{
        {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}});
  });
  router.Add(Verb::get, "/api/v1/audit/export", "audit:export", [&](http::Request& request) {
    http::Response response;
    response.body = service.Export(request.Actor(), ParseFilter(request));
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.AddHeader("Content-Disposition", "attachment; filename=\"audit-log.xlsx\"");
    return response;
  });
  router.Add(Verb::get, "/api/v1/audit/verify", "audit:read", [&](http::Request& request) {
    const db::ChainReport report = service.Verify(request.Actor());
    return http::Ok(boost::json::object{{"intact", report.intact},
                                        {"rows", report.rows},
                                        {"broken_at", Nullable(report.broken_at)},
                                        {"reason", report.reason}});
  });
}

}  // namespace liandong::audit
