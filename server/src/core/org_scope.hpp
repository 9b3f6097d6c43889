// The org subtree a request may see: a value made only from the signed-in actor, and narrowed
// only to an org inside it. Repositories take it (never a bare path string) and bind it with
// db::UseScope; services load objects by id through RequireInScope.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"

namespace liandong::core {

// True when `path` is a well-formed org path: "/", then one or more "<digits>/".
bool IsOrgPath(std::string_view path);

// The ids on an org path, root first: "/1/2/5/" → {1, 2, 5}.
std::vector<std::int64_t> IdsOnPath(std::string_view path);

class OrgScope {
 public:
  // The actor's whole subtree. Throws internal when the actor carries no org path (a scope can
  // never be empty, so that no check can answer "inside" for everything).
  static OrgScope Of(const Actor& actor) { return OrgScope(actor.org_path); }

  // The subtree of a deployment's root, for server-side jobs (the sweep, the generators) that act
  // for nobody: `root_path` must be a one-id path like "/1/".
  static OrgScope WholeTree(std::string root_path);

  // The subtree rooted at `path` when it lies inside this one; nullopt otherwise.
  std::optional<OrgScope> Narrow(std::string_view path) const;

  // True when the scope is a deployment's whole tree (its root has no parent): every org is in it,
  // so a query needs no subtree condition.
  bool IsWholeTree() const { return IdsOnPath(path_).size() == 1; }

  // True when `path` lies in this subtree (its root included).
  bool Contains(std::string_view path) const { return IsOrgPath(path) && path.starts_with(path_); }

  // True when the org at `path` is this scope's root or one of its ancestors: its records (duty
  // items, bulletins published above) bind this subtree.
  bool IsWithinAncestorOf(std::string_view path) const {
    return IsOrgPath(path) && std::string_view(path_).starts_with(path);
  }

  // The root's path ("/1/17/") and the exclusive upper bound of the subtree ("/1/170"): a subtree
  // is the range path >= Path() AND path < End().
  const std::string& Path() const { return path_; }
  const std::string& End() const { return end_; }
  // The id of the scope's root org, and the ids on its path, root first.
  std::int64_t RootId() const { return IdsOnPath(path_).back(); }
  std::vector<std::int64_t> Ids() const { return IdsOnPath(path_); }

  bool operator==(const OrgScope& other) const { return path_ == other.path_; }

 private:
  explicit OrgScope(std::string path);

  std::string path_;
  std::string end_;
};

// An object loaded by id for a user: returns it when it was found and its org path lies in
// `scope`; otherwise throws not_found with `not_found_code`, the same answer for an id outside
// the subtree as for one that does not exist (audited as a denial when it exists outside).
template <typename Object, typename PathOf>
Object RequireInScope(const OrgScope& scope, std::optional<Object> found, PathOf path_of,
                      std::string_view not_found_code) {
  if (!found) throw AppError(ErrorKind::kNotFound, std::string(not_found_code));
  if (!scope.Contains(path_of(*found))) throw OutOfScope(std::string(not_found_code));
  return std::move(*found);
}

}  // namespace liandong::core
