// Precompiled header for the test binaries.
#pragma once

#include "pch.hpp"

#include <gtest/gtest.h>
