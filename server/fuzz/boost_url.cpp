// Boost.URL compiled into the fuzz targets, instrumented like the code that calls it.
#include <boost/url/src.hpp>
