// One table of routes: method + pattern ("/api/v1/orgs/{id}/stats") → handler, with who may call it.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace liandong::http {

using Handler = std::function<Response(Request&)>;
using Verb = boost::beast::http::verb;

enum class Access {
  kPublic,      // anyone (health, login)
  kSignedIn,    // a valid session; state-changing methods also need the CSRF header
  kOwnAccount,  // like kSignedIn, and answered even when the password has expired (me, change it, log out)
};

enum class Execution {
  kWorker,  // on the worker pool: anything that touches the database
  kInline,  // on the I/O thread: only for handlers that never block
};

struct Route {
  Verb method;
  std::string pattern;
  Access access;
  Execution execution;
  Handler handler;
  std::vector<std::string> segments;  // the pattern split at '/'; "{name}" matches any segment
};

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> parameters;
  std::vector<Verb> allowed;  // when the path exists but not for this method
};

class Router {
 public:
  void Add(Verb method, std::string pattern, Access access, Handler handler, Execution execution = Execution::kWorker);

  RouteMatch Find(Verb method, const std::vector<std::string>& segments) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace liandong::http
