#pragma once
// Precompiled for src/http and the HTTP tests: the expensive Boost headers.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url.hpp>
