#include "features/org/org_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

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

}  // namespace liandong::org
