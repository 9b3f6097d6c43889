#include "features/cobuild_list/matching.hpp"

#include <algorithm>

#include "core/org_scope.hpp"

namespace liandong::cobuild_list {
namespace {

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : separator) + part;
  return joined;
}

// How many orgs of the need's lineage the path shares, root first.
std::size_t SharedDepth(const std::vector<LineageOrg>& lineage, const std::string& path) {
  const std::vector<std::int64_t> ids = core::IdsOnPath(path);
  std::size_t depth = 0;
  while (depth < lineage.size() && depth < ids.size() && lineage[depth].id == ids[depth]) ++depth;
  return depth;
}

ScorePart DistancePart(const NeedForMatching& need, const Candidate& candidate) {
  std::size_t depth = SharedDepth(need.lineage, candidate.org_path);
  for (const std::string& served : candidate.served_org_paths) depth = std::max(depth, SharedDepth(need.lineage, served));
  if (depth == 0) return {"distance", 0, "不在需求所在的区"};
  const LineageOrg& common = need.lineage[depth - 1];
  if (common.level == "community" || common.level == "grid") return {"distance", 30, "同一社区（" + common.name + "）"};
  if (common.level == "street") return {"distance", 20, "同一街道（" + common.name + "）"};
  if (common.level == "district") return {"distance", 10, "同一区（" + common.name + "）"};
  return {"distance", 5, "全市范围（" + common.name + "）"};
}

std::string Amount(const std::string& resource_kind, std::int64_t quantity) {
  if (resource_kind == "funds") return std::to_string(quantity / 100) + " 元";
  if (resource_kind == "talent") return std::to_string(quantity) + " 小时";
  return std::to_string(quantity) + " 次";
}

}  // namespace

std::vector<Suggestion> Rank(const NeedForMatching& need, std::vector<Candidate> candidates, std::size_t limit) {
  std::vector<Suggestion> ranked;
  for (Candidate& candidate : candidates) {
    Suggestion suggestion = std::move(candidate.suggestion);
    suggestion.parts.push_back({"category", kCategoryPoints, "类别一致（" + need.category_name + "）"});
    std::vector<std::string> shared;
    for (const std::string& tag : candidate.tags) {
      if (std::find(need.tags.begin(), need.tags.end(), tag) != need.tags.end()) shared.push_back(tag);
    }
    if (shared.empty()) {
      suggestion.parts.push_back({"tags", 0, "无相同标签"});
    } else {
      suggestion.parts.push_back({"tags", std::min(kMaxTagPoints, kTagPoints * static_cast<std::int64_t>(shared.size())),
                                  "标签相同：" + Join(shared, "、")});
    }
    suggestion.parts.push_back(DistancePart(need, candidate));
    if (suggestion.kind == "project") {
      suggestion.parts.push_back({"capacity", kCapacityPoints / 2, "项目进行中，至 " + candidate.ends_on});
    } else if (suggestion.resource_kind == "venue") {
      if (candidate.quantity >= need.beneficiary_count) {
        suggestion.parts.push_back({"capacity", kCapacityPoints / 2,
                                    "可容纳 " + std::to_string(candidate.quantity) + " 人，满足 " +
                                        std::to_string(need.beneficiary_count) + " 名受益人"});
      } else {
        suggestion.parts.push_back({"capacity", 0,
                                    "可容纳 " + std::to_string(candidate.quantity) + " 人，少于 " +
                                        std::to_string(need.beneficiary_count) + " 名受益人"});
      }
      const std::int64_t window = std::max<std::int64_t>(candidate.window_days, 1);
      const std::int64_t free = std::clamp<std::int64_t>(candidate.free_days, 0, window);
      suggestion.parts.push_back({"free_slots", kSlotPoints * free / window,
                                  free == 0 ? "需求日期前 " + std::to_string(window) + " 天已全部约满"
                                            : "需求日期前 " + std::to_string(window) + " 天中有 " +
                                                  std::to_string(free) + " 天空闲"});
    } else {
      const std::int64_t remaining = std::max<std::int64_t>(candidate.quantity - candidate.committed, 0);
      const std::int64_t quantity = std::max<std::int64_t>(candidate.quantity, 1);
      suggestion.parts.push_back({"capacity", kCapacityPoints * remaining / quantity,
                                  remaining == 0 ? "已全部用完"
                                                 : "剩余 " + Amount(suggestion.resource_kind, remaining) + "（共 " +
                                                       Amount(suggestion.resource_kind, candidate.quantity) + "）"});
    }
    std::vector<std::string> reasons;
    for (const ScorePart& part : suggestion.parts) {
      suggestion.score += part.points;
      reasons.push_back(part.reason + " +" + std::to_string(part.points));
    }
    suggestion.explanation = "得分 " + std::to_string(suggestion.score) + "：" + Join(reasons, "；");
    ranked.push_back(std::move(suggestion));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.kind != b.kind) return a.kind == "resource";
    return a.id < b.id;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace liandong::cobuild_list
