#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace liandong::http {
namespace {

std::vector<std::string> SplitPattern(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route must start with /");
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    const auto end = pattern.find('/', start);
    segments.push_back(pattern.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return segments;
}

bool IsParameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::Add(Verb method, std::string pattern, Access access, Handler handler, Execution execution) {
  if (access == Access::kSignedIn) throw std::logic_error("a signed-in route names its permission: " + pattern);
  AddRoute(method, std::move(pattern), access, "", std::move(handler), execution);
}

void Router::Add(Verb method, std::string pattern, std::string_view permission, Handler handler, Execution execution) {
  if (permission.empty()) throw std::logic_error("empty permission for " + pattern);
  AddRoute(method, std::move(pattern), Access::kSignedIn, std::string(permission), std::move(handler), execution);
}

void Router::AddRoute(Verb method, std::string pattern, Access access, std::string permission, Handler handler,
                      Execution execution) {
  auto segments = SplitPattern(pattern);
  for (const Route& route : routes_) {
    if (route.method == method && route.pattern == pattern) {
      throw std::logic_error("route registered twice: " + pattern);
    }
  }
  routes_.push_back(Route{method, std::move(pattern), access, std::move(permission), execution, std::move(handler),
                          std::move(segments)});
}

RouteMatch Router::Find(Verb method, const std::vector<std::string>& segments) const {
  // When several patterns fit ("/members/export" and "/members/{id}"), the one with more literal
  // segments wins, whatever the order of registration.
  RouteMatch match;
  int best_literals = -1;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::pair<std::string, std::string>> parameters;
    bool matches = true;
    int literals = 0;
    for (std::size_t i = 0; i < segments.size() && matches; ++i) {
      if (IsParameter(route.segments[i])) {
        if (segments[i].empty())
          matches = false;
        else
          parameters.emplace_back(route.segments[i].substr(1, route.segments[i].size() - 2), segments[i]);
      } else {
        matches = route.segments[i] == segments[i];
        ++literals;
      }
    }
    if (!matches) continue;
    if (route.method == method || (method == Verb::head && route.method == Verb::get)) {
      if (literals > best_literals) {
        best_literals = literals;
        match.route = &route;
        match.parameters = std::move(parameters);
      }
    } else if (std::find(match.allowed.begin(), match.allowed.end(), route.method) == match.allowed.end()) {
      match.allowed.push_back(route.method);
    }
  }
  if (match.route != nullptr) match.allowed.clear();
  return match;
}

}  // namespace liandong::http
