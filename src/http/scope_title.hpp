#pragma once
// The caller's scope named as a document's title or 填报单位 line says it: a region's name, a zone's,
// or 全国/Nationwide (report::bulletin_scope over the dictionaries the caller may read).
#include "domain/bulletin.hpp"
#include "domain/error.hpp"
#include "http/context.hpp"

namespace sanpi::http {

Result<domain::BulletinScope> caller_scope_title(Context& ctx, domain::BulletinLang lang);

}  // namespace sanpi::http
