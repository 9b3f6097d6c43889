#include "http/response.hpp"

#include <boost/json/serialize.hpp>

namespace liandong::http {

Response Json(boost::beast::http::status status, const boost::json::value& body) {
  Response response;
  response.status = status;
  response.body = boost::json::serialize(body);
  return response;
}

Response NoContent() {
  Response response;
  response.status = boost::beast::http::status::no_content;
  response.content_type.clear();
  return response;
}

}  // namespace liandong::http
