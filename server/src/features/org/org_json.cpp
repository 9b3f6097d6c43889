#include "features/org/org_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json_input.hpp"

namespace liandong::org {
namespace {

boost::json::array PathJson(const std::vector<Org>& lineage) {
  boost::json::array path;
  for (const Org& step : lineage) {
    path.push_back(boost::json::object{{"id", step.id}, {"name", step.name}, {"level", step.level}});
  }
  return path;
}

}  // namespace

boost::json::object ToJson(const Org& org) {
  boost::json::object body{
      {"id", org.id},
      {"name", org.name},
      {"level", org.level},
      {"kind", org.kind},
      {"secretary", org.secretary},
      {"contact", org.contact},
      {"address", org.address},
      {"sector", org.sector},
      {"archived", org.archived},
      {"child_count", org.child_count},
  };
  body["parent_id"] = org.parent_id ? boost::json::value(*org.parent_id) : boost::json::value(nullptr);
  body["founded_on"] = org.founded_on ? boost::json::value(*org.founded_on) : boost::json::value(nullptr);
  return body;
}

boost::json::value ToJson(const OrgWithAncestors& org) {
  boost::json::object body = ToJson(org.org);
  body["path"] = PathJson(org.lineage);
  return body;
}

boost::json::value ToJson(const std::vector<Org>& orgs) {
  boost::json::array items;
  for (const Org& org : orgs) items.push_back(ToJson(org));
  return boost::json::object{{"items", std::move(items)}};
}

boost::json::value ToJson(const std::vector<OrgSearchHit>& hits) {
  boost::json::array items;
  for (const OrgSearchHit& hit : hits) {
    items.push_back(boost::json::object{{"id", hit.org.id},
                                        {"name", hit.org.name},
                                        {"level", hit.org.level},
                                        {"kind", hit.org.kind},
                                        {"path", PathJson(hit.lineage)}});
  }
  return boost::json::object{{"items", std::move(items)}};
}

boost::json::value ToJson(const OrgStats& stats) {
  boost::json::array by_level;
  for (const LevelCount& count : stats.by_level) {
    by_level.push_back(boost::json::object{{"level", count.level}, {"count", count.count}});
  }
  return boost::json::object{{"org_id", stats.org_id}, {"total", stats.total}, {"by_level", std::move(by_level)}};
}

boost::json::value OrgReference(std::int64_t id, const std::string& name) {
  return boost::json::object{{"id", id}, {"name", name}};
}

NewOrg ParseNewOrg(const boost::json::object& body) {
  NewOrg org;
  org.parent_id = http::RequiredId(body, "parent_id");
  org.level = http::RequiredString(body, "level", 32);
  org.kind = http::RequiredString(body, "kind", 32);
  org.name = http::RequiredString(body, "name", 300);
  org.secretary = http::OptionalString(body, "secretary", 200).value_or("");
  org.contact = http::OptionalString(body, "contact", 200).value_or("");
  org.address = http::OptionalString(body, "address", 500).value_or("");
  org.founded_on = http::OptionalNullableString(body, "founded_on", 10).value_or(std::nullopt);
  org.sector = http::OptionalString(body, "sector", 200).value_or("");
  return org;
}

OrgChanges ParseOrgChanges(const boost::json::object& body) {
  OrgChanges changes;
  changes.level = http::OptionalString(body, "level", 32);
  changes.kind = http::OptionalString(body, "kind", 32);
  changes.name = http::OptionalString(body, "name", 300);
  changes.secretary = http::OptionalString(body, "secretary", 200);
  changes.contact = http::OptionalString(body, "contact", 200);
  changes.address = http::OptionalString(body, "address", 500);
  changes.founded_on = http::OptionalNullableString(body, "founded_on", 10);
  changes.sector = http::OptionalString(body, "sector", 200);
  return changes;
}

}  // namespace liandong::org
