// Boost.JSON compiled into the fuzz targets, instrumented like the code that calls it.
#include <boost/json/src.hpp>
