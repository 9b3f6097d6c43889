// Precompiled header for the test binaries.
#pragma once

#include <gtest/gtest.h>

#include "pch.hpp"
